import { z } from 'zod';
import {
  ArchivedFilter,
  CalendarDate,
  Id,
  IdParams,
  Instant,
  Money,
  Text,
  Permissions,
  UserRef,
  Version,
  listQueryBase,
  optionalText,
  page,
  requiredText,
} from './common.js';
import { FlagFilter, FocusFlag } from './focus-flags.js';

export const OPPORTUNITY_STATUSES = ['open', 'won', 'lost', 'walked_away'] as const;
export const OpportunityStatus = z.enum(OPPORTUNITY_STATUSES);
export type OpportunityStatus = z.infer<typeof OpportunityStatus>;

export { OPPORTUNITY_STATUS_LABELS } from './labels.js';

/** Lost and walked-away deals carry a reason: that is what a retrospective learns from. */
export const statusNeedsReason = (s: OpportunityStatus) => s === 'lost' || s === 'walked_away';
export const CLOSE_REASON_REQUIRED = 'Say why the deal was lost or walked away from.';

const opportunityFields = {
  accountId: Id,
  name: requiredText(200, 'Name'),
  amount: Money,
  stageId: Id.optional(),
  closeDate: CalendarDate,
  ownerId: Id.optional(),
  status: OpportunityStatus.optional(),
  closeReason: optionalText(2000),
};

function reasonRule(v: { status?: OpportunityStatus; closeReason?: string | null }, ctx: z.RefinementCtx) {
  if (v.status && statusNeedsReason(v.status) && !v.closeReason) {
    ctx.addIssue({ code: 'custom', path: ['closeReason'], message: CLOSE_REASON_REQUIRED });
  }
}

export const CreateOpportunityBody = z
  .strictObject(opportunityFields)
  .superRefine(reasonRule)
  .meta({ id: 'CreateOpportunityBody' });
export type CreateOpportunityBody = z.infer<typeof CreateOpportunityBody>;

export const UpdateOpportunityBody = z
  .strictObject({
    ...opportunityFields,
    accountId: Id.optional(),
    name: opportunityFields.name.optional(),
    amount: Money.optional(),
    closeDate: CalendarDate.optional(),
    version: Version.optional(),
  })
  .meta({ id: 'UpdateOpportunityBody' });
export type UpdateOpportunityBody = z.infer<typeof UpdateOpportunityBody>;

export const Opportunity = z
  .object({
    id: Id,
    account: z.object({ id: Id, name: z.string() }),
    name: z.string(),
    amount: Money,
    stage: z.object({ id: Id, name: z.string() }),
    closeDate: CalendarDate,
    /** Still open after the close date has ended in the owner's time zone. */
    closeDatePassed: z.boolean(),
    owner: UserRef,
    status: OpportunityStatus,
    closeReason: z.string().nullable(),
    closedAt: Instant.nullable(),
    archivedAt: Instant.nullable(),
    version: Version,
    createdAt: Instant,
    updatedAt: Instant,
    permissions: Permissions,
    /** Only in a list filtered by flag (`?flag=`): the deal's focus flags, each with its reason. */
    flags: z.array(FocusFlag).optional(),
  })
  .meta({ id: 'Opportunity' });
export type Opportunity = z.infer<typeof Opportunity>;

export const OPPORTUNITY_SORTS = [
  'name',
  '-name',
  'closeDate',
  '-closeDate',
  'amount',
  '-amount',
  'updatedAt',
  '-updatedAt',
] as const;

export const OpportunityListQuery = z.strictObject({
  ...listQueryBase,
  q: Text.trim().max(200).optional(),
  ownerId: Id.optional(),
  stageId: Id.optional(),
  accountId: Id.optional(),
  status: OpportunityStatus.optional(),
  archived: ArchivedFilter,
  /** Open deals with this focus flag (or with any flag); each row then lists its flags. */
  flag: FlagFilter.optional(),
  sort: z.enum(OPPORTUNITY_SORTS).default('-updatedAt'),
});
export type OpportunityListQuery = z.infer<typeof OpportunityListQuery>;

export const OpportunityList = page(Opportunity).meta({ id: 'OpportunityList' });
export type OpportunityList = z.infer<typeof OpportunityList>;

export { IdParams };
