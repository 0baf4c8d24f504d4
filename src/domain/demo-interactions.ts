/**
 * Building blocks for sample interactions (the demo workspace and the benchmark generator): what a
 * rep plans a call to get, what the customer agreed to when it worked, what the notes say when it
 * did not. Pure, no I/O. (The counters an opportunity keeps from results are the app's own:
 * advanceCounters in interactions.ts.)
 */
import type { Rng } from './demo-data.js';

export type SampleInteractionKind = 'call' | 'meeting' | 'demo' | 'email' | 'visit' | 'other';
export type SampleAdvanceKind = 'introduction' | 'information' | 'trial' | 'conceptual_agreement' | 'commitment_to_change' | 'other';
export type SampleResult = 'advanced' | 'continuation' | 'no_advance';

/** A planned outcome ("What will the customer agree to by the end of this call?") and, once it worked, what they agreed to. */
export type SampleOutcome = { kind: SampleAdvanceKind; statement: string; agreed: string };

const o = (statement: string, agreed: string) => ({ statement, agreed });

export const SAMPLE_OUTCOMES: Record<SampleAdvanceKind, readonly { statement: string; agreed: string }[]> = {
  introduction: [
    o('Introduce us to the CFO and book 30 minutes with her before month end', 'The champion booked 30 minutes with the CFO for next Tuesday.'),
    o('Bring the IT director into the next meeting to walk through the integration', 'The IT director joins the integration walkthrough on Thursday.'),
    o('Name the person who owns the planning budget and introduce us', 'Introduced by email to the finance business partner who owns the budget.'),
    o('Book a one-hour workshop with the regional operations managers', 'Workshop with the three regional managers booked for the 14th.'),
    o('Agree that the head of procurement joins the commercial call', 'Procurement joins the commercial call; they sent their supplier form.'),
    o('Get an introduction to the COO through the champion', 'The champion will forward our one-page summary to the COO and ask for a meeting.'),
  ],
  information: [
    o('Share six months of shift schedules and overtime figures so we can size the pilot', 'Schedules and the overtime export arrive by Friday.'),
    o('Send the current cost per planned shift and the agency-staff spend', 'Finance sent last year’s agency spend by site.'),
    o('Walk us through how the weekly plan is built today, spreadsheet by spreadsheet', 'Two-hour walkthrough with the senior planner; we have the eleven spreadsheets.'),
    o('Agree the three numbers the business case must move', 'Agreed: overtime hours, orders waiting over a week, planner hours per week.'),
    o('Share the list of sites with headcount and shift patterns', 'Site list with headcount received; shift patterns to follow.'),
    o('Confirm the systems we must integrate with and who owns each', 'ERP, HR and ticketing owners named; API documents on the way.'),
  ],
  trial: [
    o('Agree to a 30-day pilot with the ops team', 'Pilot agreed: 30 days from the 3rd, four planners, one site.'),
    o('Nominate two planners for a two-week trial at one site', 'Two planners nominated; the trial starts Monday.'),
    o('Agree the pilot’s success criteria and who signs them off', 'Three success criteria agreed; the ops director signs them off.'),
    o('Run last month’s schedule in Northwind side by side with the spreadsheet', 'Side-by-side run agreed for next week with last month’s data.'),
    o('Give us access to the ERP test system for the pilot', 'IT opened a test tenant for the pilot.'),
  ],
  conceptual_agreement: [
    o('Agree in principle to a three-year term if the pilot meets its criteria', 'Agreed in principle: three years if the pilot criteria are met.'),
    o('Confirm the proposal’s scope is what they will take to the board', 'Scope confirmed as written; it goes to the board on the 20th.'),
    o('Agree that pricing per planner, not per site, works for them', 'Per-planner pricing accepted; finance asked for a cap on seats.'),
    o('Agree that the rollout starts with the two largest sites', 'Rollout order agreed: the two largest sites first, then the rest by region.'),
    o('Agree the business case numbers before the proposal goes out', 'Business case signed off by the finance business partner.'),
  ],
  commitment_to_change: [
    o('The COO commits to replacing the spreadsheets by the end of Q2 and names a budget owner', 'The COO committed to a Q2 go-live and named the operations director as budget owner.'),
    o('Agree the go-live date and sign the order form', 'Order form signed; go-live on the 1st of next month.'),
    o('Confirm the budget is approved and the purchase order is raised this month', 'Budget approved; the purchase order is raised this week.'),
    o('Agree a decision date and the criteria the board will use', 'Decision at the board meeting on the 12th, on the pilot’s three criteria.'),
    o('Agree that the project starts in January with a named project lead', 'January start agreed; their senior planner leads the project.'),
  ],
  other: [
    o('Agree a date for the security review', 'Security review booked with the information security officer.'),
    o('Agree the data-processing agreement redlines', 'Redlines agreed; legal sends the signed DPA this week.'),
    o('Get the contact of a reference customer they trust', 'They will call our reference at a sister company next week.'),
  ],
};

export const CONTINUATION_NOTES = [
  'Friendly hour on their peak-season worries; no next step agreed.',
  'Good demo and lots of questions, but no date for anything.',
  'They liked the forecast view and will “think about it internally”.',
  'Useful background on the reorganisation; nobody could commit to anything yet.',
  'Long conversation with the champion; the decision makers were not there.',
  'They asked good questions about integrations; we agreed to “stay in touch”.',
] as const;

export const NO_ADVANCE_NOTES = [
  'The CFO cancelled ten minutes before; the champion could not say when she would be free.',
  'They asked for the same demo again for a colleague who did not join.',
  'No decision on the pilot: the budget owner was not in the room.',
  'Email unanswered after two follow-ups.',
  'They want to wait until after the reorganisation; no date given.',
  'Procurement asked for a discount before agreeing to anything.',
] as const;

export const PLANNING_NOTES = [
  'Bring the pilot numbers from a similar customer; ask who else signs.',
  'Ask what happens if they do nothing until next year.',
  'Keep it to 30 minutes; the COO is between two site visits.',
  'Their champion warned that IT will ask about single sign-on.',
  'Open with their numbers, not our slides.',
] as const;

/** For an outcome that needs several calls: what the first one must get. */
export const FIRST_CALL_GOALS = [
  'Get the budget owner to confirm what doing nothing costs them this year',
  'Agree who else must say yes, and meet them before the next call',
  'Get the finance director to confirm that a budget line exists',
] as const;

/** The kinds of interaction that usually carry each kind of advance. */
const KINDS_FOR: Record<SampleAdvanceKind, readonly (readonly [SampleInteractionKind, number])[]> = {
  introduction: [['call', 4], ['meeting', 2], ['email', 2]],
  information: [['call', 3], ['email', 3], ['meeting', 2]],
  trial: [['demo', 4], ['meeting', 2], ['visit', 1]],
  conceptual_agreement: [['meeting', 3], ['visit', 2], ['call', 2]],
  commitment_to_change: [['meeting', 3], ['visit', 2], ['call', 1]],
  other: [['call', 2], ['email', 2], ['other', 1]],
};

/** What a deal at this stage (0 = first of six) usually asks of the next call. */
const ADVANCES_AT_STAGE: readonly (readonly (readonly [SampleAdvanceKind, number])[])[] = [
  [['introduction', 3], ['information', 3]],
  [['information', 3], ['introduction', 2], ['trial', 1]],
  [['trial', 3], ['information', 2], ['conceptual_agreement', 1]],
  [['conceptual_agreement', 3], ['trial', 1], ['other', 1]],
  [['commitment_to_change', 3], ['conceptual_agreement', 2], ['other', 1]],
  [['commitment_to_change', 4], ['other', 1]],
];

export const DURATION_MINUTES: Record<SampleInteractionKind, number | null> = { call: 30, meeting: 60, demo: 60, email: null, visit: 120, other: 45 };

/** A plausible planned outcome, and the kind of interaction for it, for a deal at `stage`. */
export function sampleOutcome(rng: Rng, stage: number, kind?: SampleAdvanceKind): { interaction: SampleInteractionKind; outcome: SampleOutcome } {
  const advance = kind ?? rng.weighted(ADVANCES_AT_STAGE[Math.max(0, Math.min(ADVANCES_AT_STAGE.length - 1, stage))]);
  return { interaction: rng.weighted(KINDS_FOR[advance]), outcome: { kind: advance, ...rng.pick(SAMPLE_OUTCOMES[advance]) } };
}
