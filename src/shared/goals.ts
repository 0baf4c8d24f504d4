import { z } from 'zod';
import { GOAL_KINDS, MEASURES, termsProblems, type GoalTerms } from '../domain/goal-measures.js';
import { PERIOD_PRESETS } from '../domain/goal-period.js';
import { isBlankAnswer } from '../domain/why-ladder.js';
import { CalendarDate, Id, Instant, listQueryBase, Money, MoneyTotal, page, requiredText, UserRef, Version } from './common.js';

/**
 * Goals people care about (part 4 of the method).
 *
 * - The WHY LADDER: the rep answers "What will that get you?" again and again; it ends when they say
 *   the answer stopped changing, or by itself when an answer repeats an earlier rung (compared
 *   normalised: src/domain/why-ladder.ts), and proposes the last distinct answer as the why goal,
 *   which the rep may edit and save. Adding a rung to an ended ladder continues it: the ladder climbs
 *   again, and the saved why stays until the rep saves another. Ladders and whys are PRIVATE to their
 *   rep unless shared with the rep's manager (whoever leads the rep's team): to anyone else — admins
 *   included — they answer exactly like records that do not exist.
 * - WHAT GOALS: outcome, process or learning; a period; a measure Advance computes from its data
 *   (src/domain/goal-measures.ts) with an optional target; an optional link to the owner's why; a
 *   stretch flag. A manager (or admin) can set outcome goals — quotas — for their reps.
 * - ONE TINY NEXT STEP: an active goal has exactly one current step (the database refuses a second).
 *   Completing it records what was learned and the next step in the same action.
 */

export const LADDER_START_QUESTION = 'What do you want to achieve?';
export const LADDER_QUESTION = 'What will that get you?';
export const LESSON_QUESTION = 'What did you learn?';

export const WHY_ANSWER_MAX = 300;
export const WHY_MAX = 300;
export const LADDER_RUNGS_MAX = 30;
export const GOAL_TITLE_MAX = 200;
export const STEP_MAX = 300;
export const LESSON_MAX = 2000;
export const NOTE_MAX = 2000;
export const TARGET_VALUE_MAX = 1_000_000_000;

/** An answer on the ladder: some words (punctuation alone says nothing). */
const Answer = (what: string) =>
  requiredText(WHY_ANSWER_MAX, what).refine((s) => !isBlankAnswer(s), 'Write your answer in words.');

// ───────────────────────── why ladders ─────────────────────────

export const WhyRung = z
  .object({
    id: Id,
    /** 0 for the first answer. */
    position: z.number().int(),
    answer: z.string(),
    /** The position of the earlier rung this one repeats (compared normalised), or null. */
    repeatOf: z.number().int().nullable(),
    createdAt: Instant,
  })
  .meta({ id: 'WhyRung' });
export type WhyRung = z.infer<typeof WhyRung>;

export const LadderState = z.enum(['climbing', 'ended']);
export const LadderEnd = z.enum(['repeat', 'stopped_changing']);

const ladderBase = {
  id: Id,
  owner: UserRef,
  state: LadderState,
  /** Why it ended: an answer repeated an earlier rung, or the rep said it stopped changing. Null while climbing. */
  endedBy: LadderEnd.nullable(),
  /** While climbing: the answer the next "What will that get you?" is asked of. */
  askAbout: z.string().nullable(),
  /** Once ended: the last distinct answer, proposed as the why goal. */
  proposedWhy: z.string().nullable(),
  /** The why goal the rep saved; null until saved. */
  why: z.string().nullable(),
  whySavedAt: Instant.nullable(),
  /** Shared with the rep's manager (whoever leads the rep's team). */
  sharedWithManager: z.boolean(),
  rungCount: z.number().int(),
  version: Version,
  createdAt: Instant,
  updatedAt: Instant,
  /** Only the owner changes a ladder (a manager reads a shared one). */
  permissions: z.object({ canEdit: z.boolean() }),
};

export const WhyLadderSummary = z.object(ladderBase).meta({ id: 'WhyLadderSummary' });
export type WhyLadderSummary = z.infer<typeof WhyLadderSummary>;

export const WhyLadder = z.object({ ...ladderBase, rungs: z.array(WhyRung) }).meta({ id: 'WhyLadder' });
export type WhyLadder = z.infer<typeof WhyLadder>;

export const WhyLadderList = page(WhyLadderSummary).meta({ id: 'WhyLadderList' });
export type WhyLadderList = z.infer<typeof WhyLadderList>;

export const WhyLadderListQuery = z.strictObject({
  /** Default: yourself. A manager may name a rep of their team: only the whys that rep shared are listed. */
  ownerId: Id.optional(),
  ...listQueryBase,
});
export type WhyLadderListQuery = z.infer<typeof WhyLadderListQuery>;

export const CreateWhyLadderBody = z
  .strictObject({
    /** The answer to "What do you want to achieve?": the first rung. */
    start: Answer('Your first answer'),
  })
  .meta({ id: 'CreateWhyLadderBody' });
export type CreateWhyLadderBody = z.infer<typeof CreateWhyLadderBody>;

export const AddWhyRungBody = z
  .strictObject({
    /** The answer to "What will that get you?" about the newest rung. */
    answer: Answer('Your answer'),
    version: Version.optional(),
  })
  .meta({ id: 'AddWhyRungBody' });
export type AddWhyRungBody = z.infer<typeof AddWhyRungBody>;

export const EndWhyLadderBody = z.strictObject({ version: Version.optional() }).meta({ id: 'EndWhyLadderBody' });
export type EndWhyLadderBody = z.infer<typeof EndWhyLadderBody>;

export const UpdateWhyLadderBody = z
  .strictObject({
    /** Saves the why goal (the proposal, as the rep edits it). Once the ladder has ended, or to edit a why already saved. */
    why: requiredText(WHY_MAX, 'Your why').optional(),
    /** Share with the rep's manager, or stop sharing. */
    sharedWithManager: z.boolean().optional(),
    version: Version.optional(),
  })
  .meta({ id: 'UpdateWhyLadderBody' });
export type UpdateWhyLadderBody = z.infer<typeof UpdateWhyLadderBody>;

// ───────────────────────── what goals ─────────────────────────

export const GoalKind = z.enum(GOAL_KINDS);
export type GoalKind = z.infer<typeof GoalKind>;
export const GOAL_KIND_LABELS: Record<GoalKind, string> = { outcome: 'Outcome', process: 'Process', learning: 'Learning' };

export const GOAL_STATUSES = ['active', 'done', 'dropped'] as const;
export const GoalStatus = z.enum(GOAL_STATUSES);
export type GoalStatus = z.infer<typeof GoalStatus>;

export const Measure = z.enum(MEASURES);
export type Measure = z.infer<typeof Measure>;

export const PeriodPreset = z.enum(PERIOD_PRESETS);
export type PeriodPreset = z.infer<typeof PeriodPreset>;
export const PERIOD_PRESET_LABELS: Record<PeriodPreset, string> = { this_month: 'This month', this_quarter: 'This quarter', this_year: 'This year' };

const TargetValue = z
  .number()
  .min(0, 'A target cannot be negative.')
  .max(TARGET_VALUE_MAX, 'That target is too large.')
  .meta({ description: 'A count, a weekly figure, or a rate in percent (0–100), as the measure reads.' });

const StepText = (what: string) => requiredText(STEP_MAX, what);

/** The rules tying kind, measure and targets together (src/domain/goal-measures.ts), as issues on their fields. */
export function checkTerms(terms: GoalTerms, ctx: z.RefinementCtx): void {
  for (const p of termsProblems(terms)) ctx.addIssue({ code: 'custom', path: [p.path], message: p.message });
}

const period = {
  /** A preset read from the workspace's fiscal calendar on today's date; or give the first and last days. */
  periodPreset: PeriodPreset.optional(),
  periodStart: CalendarDate.optional(),
  periodEnd: CalendarDate.optional(),
};

/** The longest period a goal takes: three years (and a leap day). */
export const GOAL_PERIOD_MAX_DAYS = 1096;

/** The message when a period is longer than GOAL_PERIOD_MAX_DAYS (the contract's and the merged change's). */
export const GOAL_PERIOD_TOO_LONG = 'Choose a period of at most three years.';

export const goalPeriodTooLong = (start: string, end: string) => (Date.parse(end) - Date.parse(start)) / 86_400_000 > GOAL_PERIOD_MAX_DAYS;

function checkPeriod(v: { periodPreset?: string; periodStart?: string; periodEnd?: string }, ctx: z.RefinementCtx, required: boolean): void {
  if (v.periodPreset !== undefined) {
    if (v.periodStart !== undefined || v.periodEnd !== undefined) ctx.addIssue({ code: 'custom', path: ['periodPreset'], message: 'Choose a preset or give the dates, not both.' });
    return;
  }
  if (required && v.periodStart === undefined) ctx.addIssue({ code: 'custom', path: ['periodStart'], message: 'Choose when the goal starts, or a preset.' });
  if (required && v.periodEnd === undefined) ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'Choose when the goal ends, or a preset.' });
  if (v.periodStart && v.periodEnd && v.periodStart > v.periodEnd) ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'The last day comes on or after the first.' });
  // A goal is something to move now, measured week by week: three years at most (a longer aim is a why).
  else if (v.periodStart && v.periodEnd && goalPeriodTooLong(v.periodStart, v.periodEnd)) ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: GOAL_PERIOD_TOO_LONG });
}

const goalTerms = {
  measure: Measure.nullable().optional(),
  /** deals_with_mutual_plan: open deals at or above this amount count (in its currency). */
  measureAmount: Money.nullable().optional(),
  targetValue: TargetValue.nullable().optional(),
  /** revenue_won: the target amount (progress reads won deals in its currency only). */
  targetAmount: Money.nullable().optional(),
};

export const CreateGoalBody = z
  .strictObject({
    /** Default: yourself. A manager (or admin) may set an outcome goal — a quota — for a rep of their team. */
    ownerId: Id.optional(),
    kind: GoalKind,
    title: requiredText(GOAL_TITLE_MAX, 'The goal'),
    ...period,
    ...goalTerms,
    /** One of the owner's own whys. */
    whyId: Id.nullable().optional(),
    stretch: z.boolean().optional(),
    /** The one tiny next step, small enough to do today. */
    firstStep: StepText('The first step'),
  })
  .superRefine((v, ctx) => {
    checkPeriod(v, ctx, true);
    checkTerms({ kind: v.kind, measure: v.measure ?? null, targetValue: v.targetValue ?? null, targetAmount: v.targetAmount ?? null, measureAmount: v.measureAmount ?? null }, ctx);
  })
  .meta({ id: 'CreateGoalBody' });
export type CreateGoalBody = z.infer<typeof CreateGoalBody>;

export const UpdateGoalBody = z
  .strictObject({
    kind: GoalKind.optional(),
    title: requiredText(GOAL_TITLE_MAX, 'Title').optional(),
    ...period,
    ...goalTerms,
    whyId: Id.nullable().optional(),
    stretch: z.boolean().optional(),
    /** done or dropped closes the goal (its current step is set aside); active reopens it with `currentStep`. */
    status: GoalStatus.optional(),
    /** Rewords the current step (say, smaller), or gives the step a reopened goal starts with. */
    currentStep: StepText('The next step').optional(),
    version: Version.optional(),
  })
  .superRefine((v, ctx) => checkPeriod(v, ctx, false))
  .meta({ id: 'UpdateGoalBody' });
export type UpdateGoalBody = z.infer<typeof UpdateGoalBody>;

export const CompleteStepBody = z
  .strictObject({
    /** "What did you learn?" */
    lesson: requiredText(LESSON_MAX, 'What you learned'),
    /** The next tiny step; leave it out only when the goal is done with this step (`goalDone`). */
    nextStep: StepText('The next step').optional(),
    goalDone: z.boolean().optional(),
    version: Version.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.goalDone && v.nextStep !== undefined) ctx.addIssue({ code: 'custom', path: ['nextStep'], message: 'A goal that is done has no next step.' });
    if (!v.goalDone && v.nextStep === undefined) ctx.addIssue({ code: 'custom', path: ['nextStep'], message: 'What is the next tiny step? Something you can do today.' });
  })
  .meta({ id: 'CompleteStepBody' });
export type CompleteStepBody = z.infer<typeof CompleteStepBody>;

export const CreateGoalNoteBody = z.strictObject({ body: requiredText(NOTE_MAX, 'A note') }).meta({ id: 'CreateGoalNoteBody' });
export type CreateGoalNoteBody = z.infer<typeof CreateGoalNoteBody>;

export const GoalListQuery = z.strictObject({
  /** Default: yourself. A manager may name a rep of their team; an admin anyone. */
  ownerId: Id.optional(),
  status: z.enum([...GOAL_STATUSES, 'all']).default('all'),
  ...listQueryBase,
});
export type GoalListQuery = z.infer<typeof GoalListQuery>;

export const GoalStep = z
  .object({
    id: Id,
    text: z.string(),
    status: z.enum(['current', 'done', 'set_aside']),
    /** What was learned, once done. */
    lesson: z.string().nullable(),
    createdAt: Instant,
    doneAt: Instant.nullable(),
    /** The owner's calendar day it was done on. */
    doneOn: CalendarDate.nullable(),
  })
  .meta({ id: 'GoalStep' });
export type GoalStep = z.infer<typeof GoalStep>;

export const GoalNote = z.object({ id: Id, body: z.string(), author: UserRef, createdAt: Instant }).meta({ id: 'GoalNote' });
export type GoalNote = z.infer<typeof GoalNote>;

/** A rate as the app may show it: with its 95 % Wilson interval and n, or "too few to judge" with n alone. */
export const GoalRateJudgement = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('too_few_to_judge'), n: z.number().int() }),
    z.object({ kind: z.literal('rate'), successes: z.number().int(), n: z.number().int(), rate: z.number(), low: z.number(), high: z.number() }),
  ])
  .meta({ id: 'GoalRateJudgement', description: 'Below 5 observations: too_few_to_judge (no number). From 5: the rate with its 95 % Wilson score interval.' });

export const MeasureReading = z
  .discriminatedUnion('unit', [
    z.object({ unit: z.literal('money'), totals: z.array(MoneyTotal), n: z.number().int() }),
    z.object({ unit: z.literal('count'), value: z.number().int(), n: z.number().int() }),
    z.object({ unit: z.literal('per_week'), value: z.number(), count: z.number().int(), weeks: z.number(), n: z.number().int() }),
    z.object({ unit: z.literal('rate'), successes: z.number().int(), n: z.number().int(), judgement: GoalRateJudgement }),
  ])
  .meta({ id: 'MeasureReading', description: 'The current value of a goal’s measure with its n: won amounts per currency, a count, a weekly figure, or a rate with its interval.' });
export type MeasureReading = z.infer<typeof MeasureReading>;

export const GoalMeasurement = z
  .object({
    /** Before its first day, during, or after its last day (in the owner's zone). */
    period: z.enum(['upcoming', 'current', 'ended']),
    reading: MeasureReading.nullable(),
    /** Against the target: "70 % of the way", "stretch — 70 % of the way" (never "failed"). Null without a target or a judgeable value. */
    progress: z.object({ percent: z.number().int(), reached: z.boolean(), words: z.string() }).nullable(),
  })
  .meta({ id: 'GoalMeasurement' });
export type GoalMeasurement = z.infer<typeof GoalMeasurement>;

const goalBase = {
  id: Id,
  owner: UserRef,
  /** The owner, or the manager or admin who set this outcome goal for them. */
  setBy: UserRef,
  kind: GoalKind,
  title: z.string(),
  periodStart: CalendarDate,
  periodEnd: CalendarDate,
  measure: Measure.nullable(),
  measureAmount: Money.nullable(),
  targetValue: z.number().nullable(),
  targetAmount: Money.nullable(),
  stretch: z.boolean(),
  status: GoalStatus,
  /** The owner's why it serves — shown only to whoever may read that why (the owner; their manager once shared). */
  why: z.object({ id: Id, why: z.string().nullable() }).nullable(),
  /** The one tiny next step (null once the goal is closed). */
  currentStep: GoalStep.nullable(),
  stepsDone: z.number().int(),
  measurement: GoalMeasurement,
  closedAt: Instant.nullable(),
  version: Version,
  createdAt: Instant,
  updatedAt: Instant,
  permissions: z.object({
    /** Title, period, measure, target, stretch: whoever set the goal (the owner; for a quota, the manager or an admin). */
    canEditTerms: z.boolean(),
    /** Steps, notes, the why link, closing and reopening: the owner only. */
    canTakeSteps: z.boolean(),
  }),
};

export const GoalSummary = z.object(goalBase).meta({ id: 'GoalSummary' });
export type GoalSummary = z.infer<typeof GoalSummary>;

export const Goal = z
  .object({
    ...goalBase,
    /** Every step, newest first: the current one, then those done (with date and lesson) or set aside. */
    steps: z.array(GoalStep),
    /** The owner's notes, newest first. */
    notes: z.array(GoalNote),
  })
  .meta({ id: 'Goal' });
export type Goal = z.infer<typeof Goal>;

export const GoalList = page(GoalSummary).meta({ id: 'GoalList' });
export type GoalList = z.infer<typeof GoalList>;
