import type { DueOffset, TemplateContent } from '../../../shared/plan-templates.js';

/**
 * The plan templates every workspace starts with. Each agrees the outcome first, puts real work on
 * both sides, marks the few must-dos, and stays inside the 6–20 commitments that tend to work.
 * No must-do is due within 3 days of the start (plan health flags a must-do due within 2 days): a
 * plan fresh from a template is on track. Creating a plan enforces the same for any template.
 */

export type BuiltInTemplate = TemplateContent & { key: string; name: string; description: string; lengthDays: number };

const start = (days: number): DueOffset => ({ anchor: 'start', days });
const target = (days: number): DueOffset => ({ anchor: 'target', days });

type Line = [milestoneIndex: number | null, side: 'seller' | 'customer', role: string, title: string, due: DueOffset, flags?: { mustDo?: boolean; internalOnly?: boolean; detail?: string }];

const commitments = (lines: Line[]): TemplateContent['commitments'] =>
  lines.map(([milestoneIndex, side, role, title, due, flags = {}]) => ({
    milestoneIndex,
    side,
    role,
    title,
    detail: flags.detail ?? null,
    mustDo: flags.mustDo ?? false,
    internalOnly: flags.internalOnly ?? false,
    due,
  }));

export const BUILTIN_TEMPLATES: readonly BuiltInTemplate[] = [
  {
    key: 'enterprise_evaluation',
    name: 'Enterprise evaluation',
    description: 'A multi-stakeholder evaluation: agree the outcome, validate fit and security, build the business case together, sign.',
    lengthDays: 75,
    milestones: [
      { title: 'Outcome and plan agreed', due: start(7) },
      { title: 'Technical and security validation', due: start(35) },
      { title: 'Business case and terms', due: target(-14) },
      { title: 'Decision and signature', due: target(0) },
    ],
    commitments: commitments([
      [0, 'seller', 'Account executive', 'Send a written summary of the agreed outcome and this plan', start(3), { mustDo: true }],
      [0, 'customer', 'Executive sponsor', 'Confirm the outcome, why it matters and what waiting would cost', start(7), { mustDo: true }],
      [0, 'customer', 'Project lead', 'Name the evaluation team and the decision criteria', start(7)],
      [1, 'customer', 'Security lead', 'Share the security questionnaire and how the review works', start(14)],
      [1, 'seller', 'Solutions engineer', 'Run a demo built around the decision criteria', start(21)],
      [1, 'seller', 'Solutions engineer', 'Return the completed security questionnaire', start(28), { mustDo: true }],
      [1, 'customer', 'IT lead', 'Confirm the technical fit in writing', start(35)],
      [2, 'seller', 'Account executive', 'Draft the business case with the customer’s own numbers', target(-28)],
      [2, 'customer', 'Finance', 'Check the business case figures', target(-21)],
      [2, 'customer', 'Procurement', 'Share the purchasing steps and start vendor onboarding', target(-21)],
      [2, 'seller', 'Account executive', 'Get the pricing and terms approved internally', target(-20), { internalOnly: true }],
      [2, 'seller', 'Account executive', 'Send the proposal and order form', target(-18), { mustDo: true }],
      [3, 'customer', 'Legal', 'Return the contract changes', target(-10)],
      [3, 'customer', 'Executive sponsor', 'Sign the order form', target(0), { mustDo: true }],
    ]),
  },
  {
    key: 'pilot_to_purchase',
    name: 'Pilot to purchase',
    description: 'A time-boxed pilot with success criteria agreed up front, and a decision date set before it starts.',
    lengthDays: 60,
    milestones: [
      { title: 'Pilot scoped', due: start(7) },
      { title: 'Pilot running', due: start(40) },
      { title: 'Results and decision', due: target(0) },
    ],
    commitments: commitments([
      [0, 'seller', 'Account executive', 'Send the pilot plan: scope, users, dates and the decision date', start(3)],
      [0, 'customer', 'Project lead', 'Agree the pilot’s success criteria in writing', start(5), { mustDo: true }],
      [0, 'customer', 'IT lead', 'Provide test accounts and access to sample data', start(7), { mustDo: true }],
      [1, 'seller', 'Solutions engineer', 'Set up the pilot and onboard the pilot users', start(10), { mustDo: true }],
      [1, 'seller', 'Customer success', 'Hold a weekly check-in with the pilot users', start(21)],
      [1, 'customer', 'Pilot users', 'Use the product in real work every week of the pilot', start(35)],
      [1, 'seller', 'Account executive', 'Get rollout pricing approved', start(30), { internalOnly: true }],
      [1, 'seller', 'Account executive', 'Send the proposal for the full rollout', start(38)],
      [2, 'customer', 'Project lead', 'Share the pilot results against the success criteria', target(-14), { mustDo: true }],
      [2, 'customer', 'Executive sponsor', 'Hold the decision meeting on the full rollout', target(-7), { mustDo: true }],
      [2, 'customer', 'Procurement', 'Sign the order', target(0)],
    ]),
  },
  {
    key: 'renewal',
    name: 'Renewal',
    description: 'Start well before the renewal date: review the value delivered, agree next year’s goals, then the terms.',
    lengthDays: 90,
    milestones: [
      { title: 'Value review', due: start(21) },
      { title: 'Renewal terms agreed', due: target(-30) },
      { title: 'Renewed', due: target(0) },
    ],
    commitments: commitments([
      [0, 'seller', 'Account executive', 'Check renewal risk and room to expand', start(7), { internalOnly: true }],
      [0, 'seller', 'Customer success', 'Prepare the value review: usage and results against last year’s goals', start(14), { mustDo: true }],
      [0, 'customer', 'Sponsor', 'Attend the value review and share next year’s goals', start(21), { mustDo: true }],
      [1, 'seller', 'Account executive', 'Send the renewal proposal', target(-45), { mustDo: true }],
      [1, 'customer', 'Procurement', 'Confirm the budget and the renewal process', target(-45)],
      [1, 'customer', 'Legal', 'Return any contract changes', target(-21)],
      [2, 'customer', 'Sponsor', 'Sign the renewal', target(-7), { mustDo: true }],
      [2, 'seller', 'Customer success', 'Agree the success plan for the coming year', target(0)],
    ]),
  },
];
