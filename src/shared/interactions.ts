import { z } from 'zod';
import { ADVANCE_KIND_VALUES, FIRST_CALL_QUESTION, OUTCOME_QUESTION, plannedOutcomeProblems, RESULT_VALUES } from '../domain/interactions.js';
import { CalendarDate, FIRST_CALENDAR_YEAR, Id, Instant, LAST_CALENDAR_YEAR, TimeZone, UserRef, Version, listQueryBase, optionalText, page, requiredText, saysNothing, Text } from './common.js';
import { COMMITMENT_TITLE_MAX, Commitment, CommitmentSide } from './commitments.js';

/**
 * Interactions (calls, meetings, demos, emails, visits) with a planned outcome, and their result.
 * Every interaction has a planned outcome before it happens: the kind of advance the rep aims for and
 * a specific answer to "What will the customer agree to by the end of this call?". Once its time has
 * come the rep records what happened: advanced (with what the customer agreed to, and agreed actions
 * that become commitments), a continuation, or no advance.
 */

export { OUTCOME_QUESTION, FIRST_CALL_QUESTION };

export const INTERACTION_KINDS = ['call', 'meeting', 'demo', 'email', 'visit', 'other'] as const;
export const InteractionKind = z.enum(INTERACTION_KINDS, { error: (iss) => (iss.input === undefined ? 'Choose what kind of interaction this is.' : 'Choose call, meeting, demo, email, visit or other.') });
export type InteractionKind = z.infer<typeof InteractionKind>;
export const INTERACTION_KIND_LABELS: Record<InteractionKind, string> = { call: 'Call', meeting: 'Meeting', demo: 'Demo', email: 'Email', visit: 'Visit', other: 'Other' };

export const ADVANCE_KINDS = ADVANCE_KIND_VALUES;
export const AdvanceKind = z.enum(ADVANCE_KINDS, { error: (iss) => (iss.input === undefined || iss.input === null ? 'Choose the kind of advance you are aiming for.' : 'Choose one of the kinds of advance.') });
export type AdvanceKind = z.infer<typeof AdvanceKind>;
export const ADVANCE_KIND_LABELS: Record<AdvanceKind, string> = {
  introduction: 'Introduction to another decision maker',
  information: 'More information about the opportunity',
  trial: 'Trial or pilot',
  conceptual_agreement: 'Conceptual agreement to go ahead',
  commitment_to_change: 'Commitment to change',
  other: 'Other',
};

export const INTERACTION_RESULTS = RESULT_VALUES;
export const InteractionResult = z.enum(INTERACTION_RESULTS, { error: (iss) => (iss.input === undefined ? 'Say how it went: advanced, continuation or no advance.' : 'Choose advanced, continuation or no advance.') });
export type InteractionResult = z.infer<typeof InteractionResult>;
export const INTERACTION_RESULT_LABELS: Record<InteractionResult, string> = { advanced: 'Advanced', continuation: 'Continuation', no_advance: 'No advance' };
export const INTERACTION_RESULT_HINTS: Record<InteractionResult, string> = {
  advanced: 'The customer agreed to a specific step forward.',
  continuation: 'Pleasant, but no specific step was agreed.',
  no_advance: 'Nothing moved forward.',
};

export const INTERACTION_STATES = ['upcoming', 'awaiting_result', 'done', 'cancelled'] as const;
export const InteractionState = z.enum(INTERACTION_STATES);
export type InteractionState = z.infer<typeof InteractionState>;

export const OUTCOME_STATEMENT_MAX = 1000;
export const PLANNING_NOTES_MAX = 5000;
export const RESULT_TEXT_MAX = 2000;
export const ATTENDEES_MAX = 50;
export const AGREED_ACTIONS_MAX = 20;
export const DURATION_MAX_MINUTES = 24 * 60;

/** A required text with its own message when it is missing altogether, not only when it is blank. */
const requiredAnswer = (max: number, missing: string) =>
  z
    .string({ error: (iss) => (iss.input === undefined || iss.input === null ? missing : 'Write this as text.') })
    // Text's rules (no NUL, no half characters), and something a person can read: not only zero-width characters.
    .pipe(Text)
    .transform((s) => s.trim())
    .pipe(z.string().min(1, missing).max(max, `Keep this to ${max} characters or fewer.`).refine((t) => t.length === 0 || !saysNothing(t), missing));

const OUTCOME_MISSING = `Answer “${OUTCOME_QUESTION}” before you plan it.`;

/** An RFC 3339 instant with its offset (`2026-11-23T16:00:00Z`, `2026-11-23T17:00:00+01:00`); stored in UTC. */
export const StartsAt = z
  .iso.datetime({ offset: true, error: 'Use a date and time such as 2026-11-23T16:00:00Z.' })
  .refine(
    (v) => {
      // Not an instant at all is the check above's to say (one message per field).
      const year = new Date(v).getUTCFullYear();
      return Number.isNaN(year) || (year >= FIRST_CALENDAR_YEAR && year <= LAST_CALENDAR_YEAR);
    },
    { error: `Choose a date between ${FIRST_CALENDAR_YEAR} and ${LAST_CALENDAR_YEAR}.` },
  )
  .meta({ description: 'RFC 3339 instant; stored and answered in UTC', example: '2026-11-23T16:00:00Z' });

export const Attendees = z
  .strictObject({
    /** Contacts of the interaction's account. */
    contactIds: z.array(Id).max(ATTENDEES_MAX).default([]),
    /** People of the workspace (besides the owner, who always takes part). */
    userIds: z.array(Id).max(ATTENDEES_MAX).default([]),
  })
  .meta({ id: 'InteractionAttendeesInput' });

const plannedOutcomeFields = {
  /** The kind of advance the customer should agree to. Required. */
  outcomeKind: AdvanceKind,
  /** "What will the customer agree to by the end of this call?" — specific. Required. */
  outcomeStatement: requiredAnswer(OUTCOME_STATEMENT_MAX, OUTCOME_MISSING),
  /** The outcome is bigger than one call: then `firstCallGoal` says what this first call must get. */
  needsSeveralCalls: z.boolean().optional(),
  firstCallGoal: optionalText(OUTCOME_STATEMENT_MAX),
  planningNotes: optionalText(PLANNING_NOTES_MAX),
};

const whenFields = {
  /** When it happens. An email may have no time. */
  startsAt: StartsAt.nullable().optional(),
  /** The IANA zone it was planned in (required with `startsAt`): its time is shown and judged on that clock. */
  timeZone: TimeZone.nullable().optional(),
  durationMinutes: z.number().int('Use whole minutes.').min(1, 'Use at least 1 minute.').max(DURATION_MAX_MINUTES, 'Keep it to 24 hours or less.').nullable().optional(),
  /**
   * It already happened (logging a past call): its time may be in the past — never in the future —
   * and its result can be recorded at once. Without it a time in the past is refused (422 date_in_past).
   */
  alreadyHappened: z.boolean().optional(),
};

type WhenInput = { kind?: InteractionKind; startsAt?: string | null; timeZone?: string | null };

/** A time needs its zone; only an email may go without a time. */
function whenIssues(v: WhenInput): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (v.startsAt && !v.timeZone) issues.push({ path: 'timeZone', message: 'Choose the time zone this time is in.' });
  if (!v.startsAt && v.kind !== undefined && v.kind !== 'email') issues.push({ path: 'startsAt', message: 'Choose when it happens (only an email may go without a time).' });
  return issues;
}

/** Object refinements run even when a field failed, so every field that needs attention is named at once. */
const always = { when: (p: { value: unknown }) => typeof p.value === 'object' && p.value !== null };

export const CreateInteractionBody = z
  .strictObject({
    kind: InteractionKind,
    accountId: Id,
    /** A deal of the same account. */
    opportunityId: Id.nullable().optional(),
    /** An objective of the same account. */
    objectiveId: Id.nullable().optional(),
    /** Default: the person planning it. */
    ownerId: Id.optional(),
    ...whenFields,
    ...plannedOutcomeFields,
    attendees: Attendees.optional(),
  })
  .superRefine((v, ctx) => {
    const problems = [...whenIssues(v), ...plannedOutcomeProblems(v).filter((p) => p.path === 'firstCallGoal')];
    for (const p of problems) ctx.addIssue({ code: 'custom', path: [p.path], message: p.message });
  }, always)
  .meta({ id: 'CreateInteractionBody' });
export type CreateInteractionBody = z.infer<typeof CreateInteractionBody>;
export type CreateInteractionInput = z.input<typeof CreateInteractionBody>;

/**
 * A change: moving it (new time; the zone stays unless sent), re-planning its outcome, its notes,
 * attendees, deal or objective. The planned outcome cannot be emptied: an empty statement or kind is
 * refused like a missing one (the service checks the outcome as it will be).
 */
export const UpdateInteractionBody = z
  .strictObject({
    kind: InteractionKind.optional(),
    opportunityId: Id.nullable().optional(),
    objectiveId: Id.nullable().optional(),
    ownerId: Id.optional(),
    ...whenFields,
    outcomeKind: plannedOutcomeFields.outcomeKind.optional(),
    outcomeStatement: plannedOutcomeFields.outcomeStatement.optional(),
    needsSeveralCalls: plannedOutcomeFields.needsSeveralCalls,
    firstCallGoal: plannedOutcomeFields.firstCallGoal,
    planningNotes: plannedOutcomeFields.planningNotes,
    attendees: Attendees.optional(),
    version: Version.optional(),
  })
  .meta({ id: 'UpdateInteractionBody' });
export type UpdateInteractionBody = z.infer<typeof UpdateInteractionBody>;

export const CancelInteractionBody = z.strictObject({ version: Version.optional() }).nullish().meta({ id: 'CancelInteractionBody' });

/** One action agreed in an advance: it becomes a commitment (seller or customer side, an owner, a due date). */
export const AgreedAction = z
  .strictObject({
    title: requiredText(COMMITMENT_TITLE_MAX, 'What was agreed'),
    side: CommitmentSide,
    /** Seller side: a person of the workspace (default: the interaction's owner). */
    ownerUserId: Id.optional(),
    /** Customer side: a contact of the account… */
    ownerContactId: Id.optional(),
    /** …or the name of someone without a contact record. */
    ownerName: requiredText(200, 'Owner name').optional(),
    /** Today or later in the owner's zone. */
    dueDate: CalendarDate,
    mustDo: z.boolean().optional(),
  })
  .meta({ id: 'AgreedAction' });
export type AgreedAction = z.infer<typeof AgreedAction>;

/**
 * Where agreed actions go: `plan` — the opportunity's mutual plan (the default when it has one);
 * `new_plan` — start the opportunity's plan now, with `newPlan`, and put them there; `interaction` —
 * keep them on the interaction (the only choice without an opportunity).
 */
export const ACTIONS_DESTINATIONS = ['plan', 'new_plan', 'interaction'] as const;
export const ActionsDestination = z.enum(ACTIONS_DESTINATIONS);
export type ActionsDestination = z.infer<typeof ActionsDestination>;

export const NewPlanFields = z
  .strictObject({ title: requiredText(200, 'Title'), targetDate: CalendarDate })
  .meta({ id: 'NewPlanFromInteraction' });

/**
 * Records the result once the interaction's time has come, or corrects it (send the version you saw).
 * Agreed actions are added each time they are sent (a correction adds more; existing ones change
 * through the commitment operations).
 */
export const RecordResultBody = z
  .strictObject({
    result: InteractionResult,
    /** Advanced: what the customer agreed to (required then, refused otherwise). */
    agreed: optionalText(RESULT_TEXT_MAX),
    agreedActions: z.array(AgreedAction).max(AGREED_ACTIONS_MAX, `Keep it to ${AGREED_ACTIONS_MAX} actions or fewer.`).optional(),
    actionsGoTo: ActionsDestination.optional(),
    newPlan: NewPlanFields.optional(),
    notes: optionalText(PLANNING_NOTES_MAX),
    version: Version.optional(),
  })
  .superRefine((v, ctx) => {
    const add = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (v.result === 'advanced' && !v.agreed) add('agreed', 'Say what the customer agreed to.');
    if (v.result && v.result !== 'advanced') {
      if (v.agreed) add('agreed', 'Only an advance has something agreed: choose “Advanced”, or leave this empty.');
      if (v.agreedActions?.length) add('agreedActions', 'Only an advance has agreed actions: choose “Advanced”, or remove them.');
    }
    if (v.actionsGoTo === 'new_plan' && !v.newPlan) add('newPlan', 'Give the new plan a title and a target date.');
    if (v.newPlan && v.actionsGoTo !== 'new_plan') add('newPlan', 'A new plan is started only when the actions go to it (actionsGoTo: new_plan).');
  }, always)
  .meta({ id: 'RecordResultBody' });
export type RecordResultBody = z.infer<typeof RecordResultBody>;
export type RecordResultInput = z.input<typeof RecordResultBody>;

export const InteractionAttendee = z.object({ kind: z.enum(['contact', 'user']), id: Id, name: z.string() }).meta({ id: 'InteractionAttendee' });
export type InteractionAttendee = z.infer<typeof InteractionAttendee>;

export const PlannedOutcome = z
  .object({ kind: AdvanceKind, statement: z.string(), needsSeveralCalls: z.boolean(), firstCallGoal: z.string().nullable() })
  .meta({ id: 'PlannedOutcome' });

export const RecordedResult = z
  .object({ result: InteractionResult, agreed: z.string().nullable(), notes: z.string().nullable(), recordedAt: Instant, recordedBy: UserRef.nullable() })
  .meta({ id: 'InteractionResultRecord' });
export type RecordedResult = z.infer<typeof RecordedResult>;

const interactionBase = {
  id: Id,
  kind: InteractionKind,
  account: z.object({ id: Id, name: z.string() }),
  opportunity: z.object({ id: Id, name: z.string() }).nullable(),
  objective: z.object({ id: Id, title: z.string() }).nullable(),
  owner: UserRef,
  startsAt: Instant.nullable(),
  timeZone: TimeZone.nullable(),
  durationMinutes: z.number().int().nullable(),
  /** startsAt, or when it was planned for an email without a time: lists page and sort on it. */
  sortAt: Instant,
  plannedOutcome: PlannedOutcome,
  planningNotes: z.string().nullable(),
  attendees: z.array(InteractionAttendee),
  /** upcoming · awaiting_result (its time has come: record the outcome) · done · cancelled. */
  state: InteractionState,
  result: RecordedResult.nullable(),
  cancelledAt: Instant.nullable(),
  version: Version,
  createdAt: Instant,
  updatedAt: Instant,
  /** canEdit: the owner, their manager, an admin (plan, move, cancel, record and correct the result). */
  permissions: z.object({ canEdit: z.boolean() }),
};

export const InteractionSummary = z.object(interactionBase).meta({ id: 'InteractionSummary' });
export type InteractionSummary = z.infer<typeof InteractionSummary>;

export const Interaction = z
  .object({
    ...interactionBase,
    /** The actions agreed in it, wherever they went: on the opportunity's plan, or kept on the interaction. */
    agreedActions: z.array(Commitment),
    /** The opportunity's mutual plan, if it has one: where agreed actions go by default. */
    opportunityPlan: z.object({ id: Id, title: z.string(), closed: z.boolean() }).nullable(),
  })
  .meta({ id: 'Interaction' });
export type Interaction = z.infer<typeof Interaction>;

export const INTERACTION_SORTS = ['sortAt', '-sortAt'] as const;

export const InteractionListQuery = z.strictObject({
  ...listQueryBase,
  accountId: Id.optional(),
  opportunityId: Id.optional(),
  objectiveId: Id.optional(),
  ownerId: Id.optional(),
  /** upcoming · awaiting_result (past its time, no result: "record the outcome") · done · cancelled. Default: all. */
  state: InteractionState.optional(),
  /** By when it happens: `sortAt` (soonest first) or `-sortAt` (latest first, the default). */
  sort: z.enum(INTERACTION_SORTS).default('-sortAt'),
});
export type InteractionListQuery = z.infer<typeof InteractionListQuery>;

export const InteractionList = page(InteractionSummary).meta({ id: 'InteractionList' });
export type InteractionList = z.infer<typeof InteractionList>;

export const AdvanceRateQuery = z.strictObject({ ownerId: Id.optional(), accountId: Id.optional(), opportunityId: Id.optional() });
export type AdvanceRateQuery = z.infer<typeof AdvanceRateQuery>;

/** The rate as the app may show it: with its 95 % interval and n, or "too few to judge" with n alone. */
export const RateJudgement = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('too_few_to_judge'), n: z.number().int() }),
    z.object({ kind: z.literal('rate'), successes: z.number().int(), n: z.number().int(), rate: z.number(), low: z.number(), high: z.number() }),
  ])
  .meta({ id: 'RateJudgement', description: 'Below 5 observations: too_few_to_judge (no number). From 5: the rate with its 95 % Wilson score interval.' });
export type RateJudgement = z.infer<typeof RateJudgement>;

export const AdvanceRate = z
  .object({
    /** Interactions with a recorded result (cancelled ones never count). */
    n: z.number().int(),
    advances: z.number().int(),
    continuations: z.number().int(),
    noAdvances: z.number().int(),
    judgement: RateJudgement,
  })
  .meta({ id: 'AdvanceRate', description: 'Advances ÷ interactions with a recorded result, with n and a 95 % Wilson score interval; "too few to judge" below 5 results.' });
export type AdvanceRate = z.infer<typeof AdvanceRate>;
