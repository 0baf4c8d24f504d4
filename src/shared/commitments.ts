import { z } from 'zod';
import { CalendarDate, Id, Instant, Permissions, TimeZone, Version, optionalText, requiredText } from './common.js';

/** Commitments on a mutual plan and their renegotiations (re-dating), shared by server and web. */

export const COMMITMENT_SIDES = ['seller', 'customer'] as const;
export const CommitmentSide = z.enum(COMMITMENT_SIDES);
export type CommitmentSide = z.infer<typeof CommitmentSide>;

export const COMMITMENT_STATUSES = ['open', 'done', 'dropped'] as const;
export const CommitmentStatus = z.enum(COMMITMENT_STATUSES);
export type CommitmentStatus = z.infer<typeof CommitmentStatus>;

/** What a person sees at a glance: `missed` is derived (the due day has ended in the owner's zone). */
export const COMMITMENT_STATES = ['open', 'missed', 'done', 'dropped'] as const;
export const CommitmentState = z.enum(COMMITMENT_STATES);
export type CommitmentState = z.infer<typeof CommitmentState>;

/** The reliability bucket (see src/domain/reliability.ts for the rule). */
export const COMMITMENT_OUTCOMES = ['kept_on_time', 'kept_late', 'missed', 'open', 'dropped'] as const;
export const CommitmentOutcome = z.enum(COMMITMENT_OUTCOMES);

export const RENEGOTIATION_STATUSES = ['pending', 'accepted', 'declined'] as const;
export const RenegotiationStatus = z.enum(RENEGOTIATION_STATUSES);
export type RenegotiationStatus = z.infer<typeof RenegotiationStatus>;

/** What a commitment belongs to: a mutual plan, an account objective (its tasks), an interaction (its agreed actions) or a check-in. */
export const COMMITMENT_SUBJECT_KINDS = ['plan', 'objective', 'interaction', 'check_in'] as const;
export const CommitmentSubjectKind = z.enum(COMMITMENT_SUBJECT_KINDS);
export type CommitmentSubjectKind = z.infer<typeof CommitmentSubjectKind>;
export const CommitmentSubject = z
  .object({ kind: CommitmentSubjectKind, id: Id })
  .meta({ id: 'CommitmentSubject', description: 'What the commitment belongs to. One engine keeps, re-dates and judges commitments of every kind.' });
export type CommitmentSubject = z.infer<typeof CommitmentSubject>;

export const COMMITMENT_TITLE_MAX = 300;
export const COMMITMENT_DETAIL_MAX = 5000;
export const REASON_MAX = 1000;

export const DROP_REASON_REQUIRED = 'Say why this commitment is dropped.';

/**
 * Who owns a commitment: a workspace user (seller side), a contact of the deal's account, or a named
 * person without a record (customer side).
 */
export const CommitmentOwner = z.object({
  kind: z.enum(['user', 'contact', 'person']),
  id: Id.nullable(),
  name: z.string(),
  email: z.string().nullable(),
});
export type CommitmentOwner = z.infer<typeof CommitmentOwner>;

const Email = z.email('Use an email address such as ana@example.com.').max(254);

const ownerFields = {
  /** Seller side: the workspace user who owns it (default: you). */
  ownerUserId: Id.optional(),
  /** Customer side: a contact of the opportunity's account… */
  ownerContactId: Id.optional(),
  /** …or a name (and optional email) of someone without a contact record. */
  ownerName: requiredText(200, 'Owner name').optional(),
  ownerEmail: Email.nullable().optional(),
};

const commitmentFields = {
  ...ownerFields,
  /** A role placeholder shown with the owner, e.g. "Security lead". */
  role: optionalText(120),
  title: requiredText(COMMITMENT_TITLE_MAX, 'Title'),
  detail: optionalText(COMMITMENT_DETAIL_MAX),
  mustDo: z.boolean().optional(),
  /** Seller side only: never shown to the customer. */
  internalOnly: z.boolean().optional(),
};

export const CreateCommitmentBody = z
  .strictObject({
    ...commitmentFields,
    side: CommitmentSide,
    /** Today or later in the owner's zone — unless the commitment is recorded as already done. */
    dueDate: CalendarDate,
    milestoneId: Id.nullable().optional(),
    /** `done` records something already kept: its due date may then be in the past, and it counts as kept on that day. Default: open. */
    status: z.enum(['open', 'done']).optional(),
  })
  .meta({ id: 'CreateCommitmentBody' });
export type CreateCommitmentBody = z.infer<typeof CreateCommitmentBody>;

export const UpdateCommitmentBody = z
  .strictObject({
    ...commitmentFields,
    title: commitmentFields.title.optional(),
    status: CommitmentStatus.optional(),
    dropReason: optionalText(REASON_MAX),
    /** Refused with 422: a due date changes through POST /commitments/{id}/renegotiations. */
    dueDate: CalendarDate.optional(),
    version: Version.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.status === 'dropped' && !v.dropReason) ctx.addIssue({ code: 'custom', path: ['dropReason'], message: DROP_REASON_REQUIRED });
  })
  .meta({ id: 'UpdateCommitmentBody' });
export type UpdateCommitmentBody = z.infer<typeof UpdateCommitmentBody>;

export const CreateRenegotiationBody = z
  .strictObject({ newDate: CalendarDate, reason: requiredText(REASON_MAX, 'A reason') })
  .meta({ id: 'CreateRenegotiationBody' });
export type CreateRenegotiationBody = z.infer<typeof CreateRenegotiationBody>;

export const AnswerRenegotiationBody = z.strictObject({ note: optionalText(REASON_MAX) }).nullish();

export const RenegotiationParty = z.object({
  side: CommitmentSide,
  /** The workspace user, when the seller side acted. */
  userId: Id.nullable(),
  name: z.string(),
});

/** One proposed or applied change of a due date: who, when, why, from → to. */
export const Renegotiation = z
  .object({
    id: Id,
    commitmentId: Id,
    fromDate: CalendarDate,
    toDate: CalendarDate,
    reason: z.string(),
    status: RenegotiationStatus,
    requestedBy: RenegotiationParty,
    requestedAt: Instant,
    /** Requested on or before the end of the due day in the owner's time zone. */
    inAdvance: z.boolean(),
    decidedBy: RenegotiationParty.nullable(),
    decidedAt: Instant.nullable(),
    note: z.string().nullable(),
    permissions: z.object({ canAnswer: z.boolean() }),
  })
  .meta({ id: 'Renegotiation' });
export type Renegotiation = z.infer<typeof Renegotiation>;

export const Commitment = z
  .object({
    id: Id,
    subject: CommitmentSubject,
    /** The plan it is on; null when its subject is not a plan. */
    planId: Id.nullable(),
    milestoneId: Id.nullable(),
    position: z.number().int(),
    side: CommitmentSide,
    owner: CommitmentOwner,
    /** Where the due day is judged, fixed when it was made: the owner's zone (seller side) or the plan's customer zone, else the workspace's. */
    ownerTimeZone: TimeZone,
    role: z.string().nullable(),
    title: z.string(),
    detail: z.string().nullable(),
    dueDate: CalendarDate,
    originalDueDate: CalendarDate,
    mustDo: z.boolean(),
    internalOnly: z.boolean(),
    status: CommitmentStatus,
    dropReason: z.string().nullable(),
    doneAt: Instant.nullable(),
    state: CommitmentState,
    outcome: CommitmentOutcome,
    /** Days from the owner's today to the due date (negative once overdue). */
    daysUntilDue: z.number().int(),
    /** A proposed new date waits for an answer. */
    awaitingAnswer: z.boolean(),
    /** Every date change, oldest first. */
    renegotiations: z.array(Renegotiation),
    version: Version,
    createdAt: Instant,
    updatedAt: Instant,
    permissions: Permissions,
  })
  .meta({ id: 'Commitment' });
export type Commitment = z.infer<typeof Commitment>;

export const RenegotiationResult = z
  .object({ renegotiation: Renegotiation, commitment: Commitment })
  .meta({ id: 'RenegotiationResult' });
export type RenegotiationResult = z.infer<typeof RenegotiationResult>;

const LayoutGroups = z.array(z.strictObject({ id: Id.nullable(), commitmentIds: z.array(Id).max(1000) })).max(200);
/** The whole order of a plan: every milestone once (null = no milestone), every commitment once; and the order it was made from. */
export const PlanLayoutBody = z
  .strictObject({
    milestones: LayoutGroups.meta({ description: 'The new order: every active milestone once (and `null`, the commitments without one), each with its commitments in order.' }),
    basis: LayoutGroups.meta({
      description: 'The order you read (GET /plans/{id}) and changed, in the same shape: if the plan is no longer in that order, nothing moves and the answer is 409 with the plan as it now is.',
    }),
  })
  .meta({ id: 'PlanLayoutBody' });
export type PlanLayoutBody = z.infer<typeof PlanLayoutBody>;
