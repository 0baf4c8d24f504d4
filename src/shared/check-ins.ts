import { z } from 'zod';
import { CalendarDate, Id, Instant, TimeZone, UserRef, Version, listQueryBase, optionalText, requiredText } from './common.js';
import { COMMITMENT_DETAIL_MAX, COMMITMENT_TITLE_MAX, Commitment } from './commitments.js';
import { GoalSummary, LadderEnd, LadderState } from './goals.js';
import { RateJudgement } from './interactions.js';
import { Reliability } from './plan-reliability.js';

/**
 * Check-ins: a recurring 1:1 between a manager and a rep, reviewing the *process* (method part 5).
 * A series says when (a cadence, a day and a time on the manager's clock); each occurrence asks the
 * workspace's questions, which the rep answers before the meeting; both see the rep's data beside
 * them; the manager keeps notes, each private (its author alone reads it) or shared with the rep;
 * agreed actions are commitments of the one engine (subject `check_in`), owned by either person.
 */

export const CHECK_IN_CADENCES = ['weekly', 'biweekly', 'monthly'] as const;
export const CheckInCadence = z.enum(CHECK_IN_CADENCES);
export type CheckInCadence = z.infer<typeof CheckInCadence>;
export const CADENCE_LABELS: Record<CheckInCadence, string> = { weekly: 'Every week', biweekly: 'Every two weeks', monthly: 'Every month' };

export const WEEKDAY_LABELS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export const CHECK_IN_STATUSES = ['upcoming', 'held', 'skipped'] as const;
export const CheckInStatus = z.enum(CHECK_IN_STATUSES);
export type CheckInStatus = z.infer<typeof CheckInStatus>;

export const NOTE_VISIBILITIES = ['private', 'shared'] as const;
export const NoteVisibility = z.enum(NOTE_VISIBILITIES);
export type NoteVisibility = z.infer<typeof NoteVisibility>;

export const QUESTION_MAX = 500;
export const QUESTIONS_MAX = 12;
export const ANSWER_MAX = 5000;
export const NOTE_MAX = 10_000;
export const DURATION_MINUTES_MAX = 240;

/** The questions a workspace starts with: about the process, not only the numbers. */
export const DEFAULT_CHECK_IN_QUESTIONS = [
  { id: 'advance', text: 'Which advance did you plan for your most important call, and did you get it?' },
  { id: 'at-risk', text: 'Which commitment — yours or the customer’s — is at risk?' },
  { id: 'learned', text: 'What did you learn this week?' },
  { id: 'help', text: 'What help do you need?' },
] as const;

const QuestionId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Use lowercase letters, digits and dashes (at most 40).')
  .meta({ description: 'Stable key of a question: answers refer to it.', example: 'learned' });

export const CheckInQuestion = z.object({ id: QuestionId, text: z.string() }).meta({ id: 'CheckInQuestion' });
export type CheckInQuestion = z.infer<typeof CheckInQuestion>;

/** Time on a clock, HH:MM (24 h). */
export const ClockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time such as 09:30.')
  .meta({ description: 'Wall-clock time HH:MM (24 h) in the series’ time zone', example: '09:00' });

// --- The workspace's questions ---------------------------------------------------------------

export const CheckInTemplate = z
  .object({
    questions: z.array(CheckInQuestion),
    /** 0 while the workspace uses the built-in questions (never edited). */
    version: z.number().int().min(0),
    updatedAt: Instant.nullable(),
    updatedBy: UserRef.nullable(),
    permissions: z.object({ canEdit: z.boolean() }),
  })
  .meta({ id: 'CheckInTemplate', description: 'The questions each new check-in asks. A check-in keeps the questions it was opened with.' });
export type CheckInTemplate = z.infer<typeof CheckInTemplate>;

export const UpdateCheckInTemplateBody = z
  .strictObject({
    questions: z
      .array(z.strictObject({ id: QuestionId.optional(), text: requiredText(QUESTION_MAX, 'A question') }))
      .min(1, 'Ask at least one question.')
      .max(QUESTIONS_MAX, `Ask at most ${QUESTIONS_MAX} questions.`),
    version: z.number().int().min(0).meta({ description: 'The version read; 0 while the built-in questions apply.' }),
  })
  .meta({ id: 'UpdateCheckInTemplateBody', description: 'A question without an id is new (an id is made from its words); questions keep their ids across edits.' });
export type UpdateCheckInTemplateBody = z.infer<typeof UpdateCheckInTemplateBody>;

// --- Series ---------------------------------------------------------------------------------

const scheduleFields = {
  cadence: CheckInCadence,
  /** Weekly and every two weeks: ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: z.number().int().min(1).max(7).nullable().optional(),
  /** Monthly: 1–31 (the month's last day when it is shorter). */
  dayOfMonth: z.number().int().min(1).max(31).nullable().optional(),
  time: ClockTime,
  durationMinutes: z.number().int().min(5).max(DURATION_MINUTES_MAX).optional(),
};

function scheduleShape(v: { cadence?: CheckInCadence; weekday?: number | null; dayOfMonth?: number | null }, ctx: z.RefinementCtx) {
  if (v.cadence === undefined) return;
  if (v.cadence === 'monthly') {
    if (v.dayOfMonth == null) ctx.addIssue({ code: 'custom', path: ['dayOfMonth'], message: 'Choose the day of the month.' });
    if (v.weekday != null) ctx.addIssue({ code: 'custom', path: ['weekday'], message: 'A monthly check-in is on a day of the month, not a weekday.' });
  } else {
    if (v.weekday == null) ctx.addIssue({ code: 'custom', path: ['weekday'], message: 'Choose the day of the week.' });
    if (v.dayOfMonth != null) ctx.addIssue({ code: 'custom', path: ['dayOfMonth'], message: 'A weekly check-in is on a weekday, not a day of the month.' });
  }
}

export const CreateCheckInSeriesBody = z
  .strictObject({
    repId: Id,
    /** An admin may name the manager who runs it (default: the person setting it up). */
    managerId: Id.optional(),
    ...scheduleFields,
    /** The first day it may happen (default: today on the manager's clock). */
    startsOn: CalendarDate.optional(),
  })
  .superRefine(scheduleShape)
  .meta({ id: 'CreateCheckInSeriesBody', description: 'The day and time are read on the manager’s clock (their time zone).' });
export type CreateCheckInSeriesBody = z.infer<typeof CreateCheckInSeriesBody>;

export const UpdateCheckInSeriesBody = z
  .strictObject({
    cadence: CheckInCadence.optional(),
    weekday: scheduleFields.weekday,
    dayOfMonth: scheduleFields.dayOfMonth,
    time: ClockTime.optional(),
    durationMinutes: scheduleFields.durationMinutes,
    /** true ends the series (no further occurrences; history stays). */
    ended: z.boolean().optional(),
    version: Version.optional(),
  })
  .superRefine(scheduleShape)
  .meta({ id: 'UpdateCheckInSeriesBody', description: 'Changing the cadence sends the day that goes with it. The schedule is read in the manager’s time zone as it is now.' });
export type UpdateCheckInSeriesBody = z.infer<typeof UpdateCheckInSeriesBody>;

/** One occurrence of a series, whether or not anyone has opened it yet. */
export const CheckInOccurrence = z.object({
  scheduledAt: Instant,
  /** Its date and time on the manager's clock. */
  localDate: CalendarDate,
  localTime: ClockTime,
  /** The check-in, once opened (null before). */
  checkInId: Id.nullable(),
  status: CheckInStatus,
  answersSubmitted: z.boolean(),
});
export type CheckInOccurrence = z.infer<typeof CheckInOccurrence>;

export const CheckInSeries = z
  .object({
    id: Id,
    manager: UserRef,
    rep: UserRef,
    cadence: CheckInCadence,
    weekday: z.number().int().nullable(),
    dayOfMonth: z.number().int().nullable(),
    time: ClockTime,
    /** The manager's zone the day and time are read in. */
    timeZone: TimeZone,
    startsOn: CalendarDate,
    durationMinutes: z.number().int(),
    endedAt: Instant.nullable(),
    /** The next occurrence not yet over (null once ended), and the last one opened before it. */
    next: CheckInOccurrence.nullable(),
    version: Version,
    createdAt: Instant,
    updatedAt: Instant,
    permissions: z.object({ canEdit: z.boolean() }),
  })
  .meta({ id: 'CheckInSeries' });
export type CheckInSeries = z.infer<typeof CheckInSeries>;

export const CheckInSeriesList = z
  .object({
    data: z.array(CheckInSeries),
    /** People the caller may start a series with who have none with them yet (a manager's team; anyone, for an admin). */
    canSetUpFor: z.array(UserRef),
  })
  .meta({ id: 'CheckInSeriesList', description: 'The series the caller runs (as manager) or attends (as rep); an admin’s list holds every series of the workspace.' });
export type CheckInSeriesList = z.infer<typeof CheckInSeriesList>;

export const CheckInSeriesListQuery = z.strictObject({
  /** `running` (default), `ended` or `all`. */
  status: z.enum(['running', 'ended', 'all']).default('running'),
});

export const OpenCheckInBody = z
  .strictObject({ scheduledAt: z.iso.datetime({ offset: true, message: 'Use an instant such as 2026-11-23T08:00:00Z.' }) })
  .meta({ id: 'OpenCheckInBody', description: 'An occurrence of the series (its exact start instant). Opening one already open answers it unchanged.' });
export type OpenCheckInBody = z.infer<typeof OpenCheckInBody>;

// --- One check-in ----------------------------------------------------------------------------

export const CheckInAnswer = z.object({ questionId: QuestionId, text: z.string() });

export const CheckInAnswers = z
  .object({
    answers: z.array(CheckInAnswer),
    /** When the rep first handed them to the manager (null while a draft only the rep reads). */
    submittedAt: Instant.nullable(),
    updatedAt: Instant,
    version: Version,
  })
  .meta({ id: 'CheckInAnswers' });
export type CheckInAnswers = z.infer<typeof CheckInAnswers>;

export const SaveCheckInAnswersBody = z
  .strictObject({
    answers: z.array(z.strictObject({ questionId: QuestionId, text: optionalText(ANSWER_MAX) })).max(QUESTIONS_MAX),
    /** true hands the answers to the manager (they are notified the first time). */
    submit: z.boolean().optional(),
    version: Version.optional(),
  })
  .meta({ id: 'SaveCheckInAnswersBody', description: 'Replaces the rep’s answers (send every answer), from the version read.' });
export type SaveCheckInAnswersBody = z.infer<typeof SaveCheckInAnswersBody>;

export const CheckInNote = z
  .object({
    id: Id,
    checkInId: Id,
    author: UserRef,
    body: z.string(),
    visibility: NoteVisibility,
    version: Version,
    createdAt: Instant,
    updatedAt: Instant,
    permissions: z.object({ canEdit: z.boolean() }),
  })
  .meta({ id: 'CheckInNote', description: 'A private note is read by its author alone — through every route; a shared one by both people of the check-in (and admins).' });
export type CheckInNote = z.infer<typeof CheckInNote>;

export const CreateCheckInNoteBody = z
  .strictObject({ body: requiredText(NOTE_MAX, 'A note'), visibility: NoteVisibility.default('private') })
  .meta({ id: 'CreateCheckInNoteBody' });
export type CreateCheckInNoteBody = z.input<typeof CreateCheckInNoteBody>;

export const UpdateCheckInNoteBody = z
  .strictObject({ body: requiredText(NOTE_MAX, 'A note').optional(), visibility: NoteVisibility.optional(), version: Version.optional() })
  .meta({ id: 'UpdateCheckInNoteBody' });
export type UpdateCheckInNoteBody = z.infer<typeof UpdateCheckInNoteBody>;

export const CreateCheckInActionBody = z
  .strictObject({
    title: requiredText(COMMITMENT_TITLE_MAX, 'Title'),
    detail: optionalText(COMMITMENT_DETAIL_MAX),
    /** The manager or the rep of the check-in (default: the rep). */
    ownerUserId: Id.optional(),
    /** Today or later in the owner's time zone. */
    dueDate: CalendarDate,
    mustDo: z.boolean().optional(),
  })
  .meta({ id: 'CreateCheckInActionBody', description: 'An agreed action: a commitment of the one engine, counted in its owner’s reliability and shown on their Today.' });
export type CreateCheckInActionBody = z.infer<typeof CreateCheckInActionBody>;

export const UpdateCheckInBody = z
  .strictObject({ status: CheckInStatus, version: Version.optional() })
  .meta({ id: 'UpdateCheckInBody', description: 'Mark the check-in held or skipped (or upcoming again).' });
export type UpdateCheckInBody = z.infer<typeof UpdateCheckInBody>;

export const CheckInInteraction = z.object({
  id: Id,
  kind: z.string(),
  at: Instant,
  account: z.object({ id: Id, name: z.string() }),
  /** What the customer was to agree to by the end of it. */
  plannedOutcome: z.string(),
  /** advanced | continuation | no_advance, or null while nobody recorded it. */
  result: z.string().nullable(),
});

/** The rep's data for the period the check-in looks back on: from the occurrence before it up to it. */
export const CheckInData = z
  .object({
    period: z.object({ from: Instant, to: Instant }),
    interactions: z.object({
      /** Interactions in the period, each with a planned outcome (cancelled ones left out). */
      planned: z.number().int(),
      advanced: z.number().int(),
      continuation: z.number().int(),
      noAdvance: z.number().int(),
      awaitingResult: z.number().int(),
      /** Advances ÷ interactions with a recorded result. */
      advanceRate: RateJudgement,
      /** The most recent ones (at most 20). */
      items: z.array(CheckInInteraction),
    }),
    /** The rep's word, every kind of commitment (see Reliability.kinds). */
    reliability: Reliability,
    /** Only the actions agreed in their check-ins. */
    checkInActions: Reliability,
    /** The rep's active what goals with their measure (empty for a reader who may not read them: see goals). */
    goals: z.array(GoalSummary),
  })
  .meta({ id: 'CheckInData' });
export type CheckInData = z.infer<typeof CheckInData>;

// --- Coaching: the why ladder, run in a check-in (issue 12 point 7) --------------------------

export const CoachingRung = z.object({ position: z.number().int(), answer: z.string(), repeatOf: z.number().int().nullable() });

/**
 * A why ladder climbed in a check-in. The ladder is the REP's (owner = rep), private to them like
 * any why ladder unless they share it with their manager. The manager running the check-in writes the
 * rep's answers down and reads what was said in the session only while it is open — until they close
 * it, the check-in is marked held or skipped, or 12 hours after it started. After that the manager
 * reads the ladder only if the rep shared it (then through the ladder itself, like any shared why);
 * admins never do. The rep reads the session and its ladder at any time.
 */
export const CheckInCoaching = z
  .object({
    startedAt: Instant,
    startedBy: UserRef,
    open: z.boolean(),
    closedAt: Instant.nullable(),
    /** The ladder, for whoever may read it (the rep; their manager once shared); null otherwise. */
    ladderId: Id.nullable(),
    /** What was said in the session, to the manager while it is open and to the rep; null to anyone else. */
    session: z
      .object({
        rungs: z.array(CoachingRung),
        state: LadderState,
        endedBy: LadderEnd.nullable(),
        askAbout: z.string().nullable(),
        proposedWhy: z.string().nullable(),
        /** The ladder's version: send it with the next answer. */
        ladderVersion: Version,
      })
      .nullable(),
    /** The manager may write the next answer down now. */
    canAddRungs: z.boolean(),
  })
  .meta({ id: 'CheckInCoaching' });
export type CheckInCoaching = z.infer<typeof CheckInCoaching>;

export const CloseCoachingBody = z
  .strictObject({
    stoppedChanging: z.boolean().optional(),
    /** The ladder's version as read (`ladderVersion`): required with `stoppedChanging`, which ends the ladder (here or as If-Match). */
    version: Version.optional(),
  })
  .meta({
    id: 'CloseCoachingBody',
    description: 'stoppedChanging: the rep said the answer has stopped changing — the ladder ends and proposes its last distinct answer; send the ladder’s version you read with it (`ladderVersion`).',
  });
export type CloseCoachingBody = z.infer<typeof CloseCoachingBody>;

export const CheckIn = z
  .object({
    id: Id,
    seriesId: Id,
    manager: UserRef,
    rep: UserRef,
    scheduledAt: Instant,
    localDate: CalendarDate,
    localTime: ClockTime,
    timeZone: TimeZone,
    durationMinutes: z.number().int(),
    status: CheckInStatus,
    heldAt: Instant.nullable(),
    questions: z.array(CheckInQuestion),
    /** The rep reads their draft; the manager reads answers once submitted (null before). */
    answers: CheckInAnswers.nullable(),
    /** The notes this caller may read: their own, and those shared. */
    notes: z.array(CheckInNote),
    /** Actions agreed in this check-in. */
    actions: z.array(Commitment),
    /** The check-in before this one in the series, with the actions agreed there (kept, missed, open). */
    previous: z.object({ id: Id, scheduledAt: Instant, localDate: CalendarDate, actions: z.array(Commitment) }).nullable(),
    data: CheckInData,
    /** The why ladder climbed in this check-in, if one was (what each reader sees: CheckInCoaching). */
    coaching: CheckInCoaching.nullable(),
    version: Version,
    createdAt: Instant,
    updatedAt: Instant,
    permissions: z.object({
      /** The rep answers. */
      canAnswer: z.boolean(),
      /** The manager (or an admin) writes notes and marks it held. */
      canManage: z.boolean(),
      /** Either person records agreed actions. */
      canAddAction: z.boolean(),
      /** The manager running it may start a why ladder with the rep (once per check-in, while upcoming). */
      canCoach: z.boolean(),
    }),
  })
  .meta({ id: 'CheckIn' });
export type CheckIn = z.infer<typeof CheckIn>;

export const CheckInSummary = z
  .object({
    id: Id,
    seriesId: Id,
    manager: UserRef,
    rep: UserRef,
    scheduledAt: Instant,
    localDate: CalendarDate,
    localTime: ClockTime,
    timeZone: TimeZone,
    status: CheckInStatus,
    answersSubmitted: z.boolean(),
    /** Actions agreed there, and how many are kept (done) so far. */
    actions: z.object({ total: z.number().int(), done: z.number().int(), open: z.number().int() }),
  })
  .meta({ id: 'CheckInSummary' });
export type CheckInSummary = z.infer<typeof CheckInSummary>;

export const CheckInListQuery = z.strictObject({
  seriesId: Id.optional(),
  /** Only those whose time has come (history) or not yet. */
  when: z.enum(['past', 'upcoming', 'all']).default('all'),
  ...listQueryBase,
});
export type CheckInListQuery = z.infer<typeof CheckInListQuery>;

export const CheckInList = z.object({ data: z.array(CheckInSummary), nextCursor: z.string().nullable() }).meta({ id: 'CheckInList' });
export type CheckInList = z.infer<typeof CheckInList>;
