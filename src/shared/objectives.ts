import { z } from 'zod';
import { CalendarDate, Id, Instant, Money, MoneyTotal, UserRef, Version, optionalText, requiredText } from './common.js';
import { COMMITMENT_TITLE_MAX, COMMITMENT_DETAIL_MAX, Commitment } from './commitments.js';
import { OpportunityStatus } from './opportunities.js';

/**
 * Strategic objectives on accounts: the next major milestone of the relationship, the client goal it
 * serves in the client's words, a financial target, a target date and a status. The owner invites
 * contributors (people of the workspace), who add insights and take tasks — commitments of the one
 * commitment engine, with the objective as their subject.
 */

export const OBJECTIVE_KINDS = ['new_line_of_business', 'new_market', 'new_region', 'expansion', 'renewal', 'other'] as const;
export const ObjectiveKind = z.enum(OBJECTIVE_KINDS);
export type ObjectiveKind = z.infer<typeof ObjectiveKind>;
export const OBJECTIVE_KIND_LABELS: Record<ObjectiveKind, string> = {
  new_line_of_business: 'New line of business',
  new_market: 'New market',
  new_region: 'New region',
  expansion: 'Expansion',
  renewal: 'Renewal',
  other: 'Other',
};

export const OBJECTIVE_STATUSES = ['planned', 'active', 'achieved', 'missed', 'dropped'] as const;
export const ObjectiveStatus = z.enum(OBJECTIVE_STATUSES);
export type ObjectiveStatus = z.infer<typeof ObjectiveStatus>;
export const OBJECTIVE_STATUS_LABELS: Record<ObjectiveStatus, string> = { planned: 'Planned', active: 'Active', achieved: 'Achieved', missed: 'Missed', dropped: 'Dropped' };

export const OBJECTIVE_TITLE_MAX = 200;
export const CLIENT_GOAL_MAX = 2000;
export const INSIGHT_MAX = 5000;
export const OBJECTIVE_OPPORTUNITIES_MAX = 50;

const objectiveFields = {
  title: requiredText(OBJECTIVE_TITLE_MAX, 'The objective'),
  kind: ObjectiveKind,
  /** The client's goal this objective serves, in the client's words. */
  clientGoal: optionalText(CLIENT_GOAL_MAX),
  /** The financial target that comes with it: an amount in one currency, or none. */
  target: Money.nullable().optional(),
  targetDate: CalendarDate,
  status: ObjectiveStatus.optional(),
  /** Default: the person creating it. */
  ownerId: Id.optional(),
  /** Deals of the same account this objective counts on (replaces the whole list on a change). */
  opportunityIds: z.array(Id).max(OBJECTIVE_OPPORTUNITIES_MAX).optional(),
};

export const CreateObjectiveBody = z.strictObject(objectiveFields).meta({ id: 'CreateObjectiveBody' });
export type CreateObjectiveBody = z.infer<typeof CreateObjectiveBody>;

export const UpdateObjectiveBody = z
  .strictObject({
    ...objectiveFields,
    title: objectiveFields.title.optional(),
    kind: ObjectiveKind.optional(),
    targetDate: CalendarDate.optional(),
    version: Version.optional(),
  })
  .meta({ id: 'UpdateObjectiveBody' });
export type UpdateObjectiveBody = z.infer<typeof UpdateObjectiveBody>;

export const AddContributorBody = z.strictObject({ userId: Id }).meta({ id: 'AddContributorBody' });
export type AddContributorBody = z.infer<typeof AddContributorBody>;
export const ContributorParams = z.strictObject({ id: Id, userId: Id });

export const CreateObjectiveInsightBody = z.strictObject({ body: requiredText(INSIGHT_MAX, 'An insight') }).meta({ id: 'CreateObjectiveInsightBody' });
export type CreateObjectiveInsightBody = z.infer<typeof CreateObjectiveInsightBody>;

/** A task on an objective: a seller-side commitment owned by the objective's owner or a contributor. */
export const CreateObjectiveTaskBody = z
  .strictObject({
    title: requiredText(COMMITMENT_TITLE_MAX, 'Title'),
    detail: optionalText(COMMITMENT_DETAIL_MAX),
    /** Today or later in the owner's zone. */
    dueDate: CalendarDate,
    /** Default: the person adding it. */
    ownerUserId: Id.optional(),
    mustDo: z.boolean().optional(),
  })
  .meta({ id: 'CreateObjectiveTaskBody' });
export type CreateObjectiveTaskBody = z.infer<typeof CreateObjectiveTaskBody>;

export const ObjectiveInsight = z
  .object({ id: Id, author: UserRef, body: z.string(), createdAt: Instant })
  .meta({ id: 'ObjectiveInsight' });
export type ObjectiveInsight = z.infer<typeof ObjectiveInsight>;

export const ObjectiveOpportunity = z.object({ id: Id, name: z.string(), amount: Money, status: OpportunityStatus, closeDate: CalendarDate });

const objectiveBase = {
  id: Id,
  account: z.object({ id: Id, name: z.string() }),
  title: z.string(),
  kind: ObjectiveKind,
  clientGoal: z.string().nullable(),
  target: Money.nullable(),
  targetDate: CalendarDate,
  status: ObjectiveStatus,
  owner: UserRef,
  contributors: z.array(UserRef),
  opportunities: z.array(ObjectiveOpportunity),
  /** Open tasks (commitments) on it. */
  openTasks: z.number().int(),
  version: Version,
  createdAt: Instant,
  updatedAt: Instant,
  /** canEdit: owner, their manager, an admin. canContribute: they, or a contributor (insights, tasks). */
  permissions: z.object({ canEdit: z.boolean(), canContribute: z.boolean() }),
};

export const ObjectiveSummary = z.object(objectiveBase).meta({ id: 'ObjectiveSummary' });
export type ObjectiveSummary = z.infer<typeof ObjectiveSummary>;

export const Objective = z
  .object({ ...objectiveBase, tasks: z.array(Commitment), insights: z.array(ObjectiveInsight) })
  .meta({ id: 'Objective' });
export type Objective = z.infer<typeof Objective>;

export const AccountObjectives = z
  .object({
    data: z.array(ObjectiveSummary),
    /** Financial targets of the objectives not dropped, summed per currency (never across currencies); a sum stops at 2^53 − 1. */
    targets: z.array(MoneyTotal),
  })
  .meta({ id: 'AccountObjectives', description: 'An account’s objectives by target date, and their financial targets per currency.' });
export type AccountObjectives = z.infer<typeof AccountObjectives>;
