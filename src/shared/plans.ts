import { z } from 'zod';
import { CalendarDate, Id, IdParams, Instant, Permissions, TimeZone, UserRef, Version, listQueryBase, optionalText, page, requiredText } from './common.js';
import { Commitment } from './commitments.js';
import { PlanHealth, PlanLengthAdvice } from './plan-reliability.js';
import { PlanView } from './team-view.js';

/** Mutual plans and their milestones, shared by server and web. Commitments live in commitments.ts. */

export const PLAN_STATUSES = ['draft', 'active', 'completed', 'abandoned'] as const;
export const PlanStatus = z.enum(PLAN_STATUSES);
export type PlanStatus = z.infer<typeof PlanStatus>;

export { PLAN_STATUS_LABELS } from './labels.js';

export const PLAN_TITLE_MAX = 200;
export const PLAN_TEXT_MAX = 5000;
export const MILESTONE_TITLE_MAX = 200;

const planFields = {
  title: requiredText(PLAN_TITLE_MAX, 'Title'),
  /** What success looks like, for the customer. */
  agreedOutcome: optionalText(PLAN_TEXT_MAX),
  /** The customer's goal: why this matters to them. */
  whyItMatters: optionalText(PLAN_TEXT_MAX),
  /** What not acting costs the customer. */
  costOfInaction: optionalText(PLAN_TEXT_MAX),
  startDate: CalendarDate.nullable().optional(),
  targetDate: CalendarDate,
  status: PlanStatus.optional(),
  /** Where customer-side due dates are judged (default: the workspace's time zone). */
  customerTimeZone: TimeZone.optional(),
};

/**
 * A new plan, blank or from a template. From a template, the title defaults to the template's name,
 * the start date to today and the target date to the start plus the template's length; milestone
 * and commitment dates follow from them.
 */
export const CreatePlanBody = z
  .strictObject({
    ...planFields,
    title: planFields.title.optional().meta({ description: 'Required unless `templateId` is given (then the template’s title).' }),
    targetDate: CalendarDate.optional().meta({ description: 'Required unless `templateId` is given (then the start date plus the template’s length).' }),
    templateId: Id.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.templateId) return;
    if (!v.title) ctx.addIssue({ code: 'custom', path: ['title'], message: 'Title is required.' });
    if (!v.targetDate) ctx.addIssue({ code: 'custom', path: ['targetDate'], message: 'Choose a target date.' });
  })
  .meta({ id: 'CreatePlanBody' });
export type CreatePlanBody = z.infer<typeof CreatePlanBody>;

export const UpdatePlanBody = z
  .strictObject({ ...planFields, title: planFields.title.optional(), targetDate: CalendarDate.optional(), version: Version.optional() })
  .meta({ id: 'UpdatePlanBody' });
export type UpdatePlanBody = z.infer<typeof UpdatePlanBody>;

export const Milestone = z
  .object({
    id: Id,
    planId: Id,
    title: z.string(),
    dueDate: CalendarDate.nullable(),
    position: z.number().int(),
    archivedAt: Instant.nullable(),
    version: Version,
    createdAt: Instant,
    updatedAt: Instant,
    permissions: Permissions,
  })
  .meta({ id: 'Milestone' });
export type Milestone = z.infer<typeof Milestone>;

export const CreateMilestoneBody = z
  .strictObject({ title: requiredText(MILESTONE_TITLE_MAX, 'Title'), dueDate: CalendarDate.nullable().optional() })
  .meta({ id: 'CreateMilestoneBody' });
export type CreateMilestoneBody = z.infer<typeof CreateMilestoneBody>;

export const UpdateMilestoneBody = z
  .strictObject({ title: requiredText(MILESTONE_TITLE_MAX, 'Title').optional(), dueDate: CalendarDate.nullable().optional(), version: Version.optional() })
  .meta({ id: 'UpdateMilestoneBody' });
export type UpdateMilestoneBody = z.infer<typeof UpdateMilestoneBody>;

const PlanOpportunity = z.object({ id: Id, name: z.string(), account: z.object({ id: Id, name: z.string() }) });

const planBase = {
  id: Id,
  opportunity: PlanOpportunity,
  /** The opportunity's owner: edit rights follow them. */
  owner: UserRef,
  title: z.string(),
  agreedOutcome: z.string().nullable(),
  whyItMatters: z.string().nullable(),
  costOfInaction: z.string().nullable(),
  startDate: CalendarDate.nullable(),
  targetDate: CalendarDate,
  status: PlanStatus,
  customerTimeZone: TimeZone,
  version: Version,
  lastActivityAt: Instant,
  /** Null once the plan is completed or abandoned. */
  health: PlanHealth.nullable(),
  length: PlanLengthAdvice,
  createdAt: Instant,
  updatedAt: Instant,
  /** canEdit is false on a completed or abandoned plan (read-only until reopened); canReopen says who may reopen it. */
  permissions: Permissions.extend({ canReopen: z.boolean() }),
};

/** A plan with its milestones (in order) and commitments (in order). */
export const Plan = z
  .object({ ...planBase, milestones: z.array(Milestone), commitments: z.array(Commitment) })
  .meta({ id: 'Plan' });
export type Plan = z.infer<typeof Plan>;

/** A plan in a list: counts instead of the commitments themselves. */
export const PlanSummary = z
  .object({
    ...planBase,
    counts: z.object({ open: z.number().int(), done: z.number().int(), missed: z.number().int(), dropped: z.number().int() }),
  })
  .meta({ id: 'PlanSummary' });
export type PlanSummary = z.infer<typeof PlanSummary>;

/** A date a template's offset gave that the new plan could not fairly use, and the date used instead. */
export const DateAdjustment = z
  .object({
    kind: z.enum(['milestone', 'commitment']),
    title: z.string(),
    from: CalendarDate,
    to: CalendarDate,
    reason: z.enum(['before_today', 'must_do_too_soon']),
    message: z.string(),
  })
  .meta({ id: 'DateAdjustment' });
export type DateAdjustment = z.infer<typeof DateAdjustment>;

/** A new plan, and the template dates that were moved (never into the past; must-dos ≥ 3 days after the start). */
export const CreatedPlan = Plan.extend({ dateAdjustments: z.array(DateAdjustment) }).meta({ id: 'CreatedPlan' });
export type CreatedPlan = z.infer<typeof CreatedPlan>;

/** Reopening a completed or abandoned plan: send the version you saw. */
export const ReopenPlanBody = z.strictObject({ version: Version.optional() }).nullish().meta({ id: 'ReopenPlanBody' });

export const PLAN_SORTS = ['-lastActivityAt', 'lastActivityAt', 'targetDate', '-targetDate'] as const;

export const PlanListQuery = z.strictObject({
  ...listQueryBase,
  /** The opportunity owner (wins over `view`). */
  ownerId: Id.optional(),
  /** Whose plans: `mine`, `team` or `everyone`. Default: a manager's team, a rep's own, everything for an admin. */
  view: PlanView.optional(),
  /** The plan of one opportunity (a list of zero or one: no 404 when there is none yet). */
  opportunityId: Id.optional(),
  status: PlanStatus.optional(),
  sort: z.enum(PLAN_SORTS).default('-lastActivityAt'),
});
export type PlanListQuery = z.infer<typeof PlanListQuery>;

export const PlanList = page(PlanSummary).meta({ id: 'PlanList' });
export type PlanList = z.infer<typeof PlanList>;

export { IdParams };
