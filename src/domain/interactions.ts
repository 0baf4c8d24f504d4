/**
 * Interactions with a planned outcome, as pure rules (no I/O; `now` is always passed in):
 *
 *   - the planned outcome is required before an interaction is planned or moved: the kind of
 *     advance and a specific answer to "What will the customer agree to by the end of this call?";
 *     an outcome that needs several calls also says what this first call must get;
 *   - an interaction's state follows from its time, its result and whether it was cancelled;
 *   - an opportunity's two counters: how many of its interactions have a result, and how many of the
 *     latest results in a row were not an advance (the "chased deal" signal).
 */

export const ADVANCE_KIND_VALUES = ['introduction', 'information', 'trial', 'conceptual_agreement', 'commitment_to_change', 'other'] as const;
export type AdvanceKindValue = (typeof ADVANCE_KIND_VALUES)[number];

export const RESULT_VALUES = ['advanced', 'continuation', 'no_advance'] as const;
export type ResultValue = (typeof RESULT_VALUES)[number];

/** The question the planned outcome answers, in the method's words. */
export const OUTCOME_QUESTION = 'What will the customer agree to by the end of this call?';
export const FIRST_CALL_QUESTION = 'What must this first call get?';

export type PlannedOutcome = {
  outcomeKind?: string | null;
  outcomeStatement?: string | null;
  needsSeveralCalls?: boolean | null;
  firstCallGoal?: string | null;
};

export type Problem = { path: string; message: string };

/** Not an answer: missing, not text, or only spaces (inputs may be anything while a form is being checked). */
const blank = (s: unknown) => typeof s !== 'string' || s.trim() === '';

/**
 * What is missing from a planned outcome, each naming its field: an interaction is not planned (nor
 * moved) without one. Empty when the outcome is complete.
 */
export function plannedOutcomeProblems(o: PlannedOutcome): Problem[] {
  const problems: Problem[] = [];
  if (blank(o.outcomeKind) || !(ADVANCE_KIND_VALUES as readonly string[]).includes(o.outcomeKind as string)) {
    problems.push({ path: 'outcomeKind', message: 'Choose the kind of advance you are aiming for.' });
  }
  if (blank(o.outcomeStatement)) {
    problems.push({ path: 'outcomeStatement', message: `Answer “${OUTCOME_QUESTION}” before you plan it.` });
  }
  if (o.needsSeveralCalls && blank(o.firstCallGoal)) {
    problems.push({ path: 'firstCallGoal', message: `This outcome needs several calls: say what this first call must get.` });
  }
  return problems;
}

export type InteractionState = 'upcoming' | 'awaiting_result' | 'done' | 'cancelled';

export type InteractionTiming = {
  /** When it happens (or, for an email without a time, when it was planned). */
  sortAt: string;
  result: ResultValue | null;
  cancelledAt: string | null;
};

/** True once its time has come: from then on its result can be recorded. */
export const hasHappened = (i: Pick<InteractionTiming, 'sortAt'>, now: Date) => Date.parse(i.sortAt) <= now.getTime();

/**
 * cancelled (kept, never judged) · done (a result is recorded) · awaiting_result (its time has come,
 * no result yet: "record the outcome") · upcoming.
 */
export function interactionState(i: InteractionTiming, now: Date): InteractionState {
  if (i.cancelledAt) return 'cancelled';
  if (i.result) return 'done';
  return hasHappened(i, now) ? 'awaiting_result' : 'upcoming';
}

export type AdvanceCounters = { resultsCount: number; noAdvanceStreak: number };

/**
 * An opportunity's counters from the results of its interactions (cancelled ones and those without a
 * result left out), newest first by when they happened: how many there are, and how many of the
 * latest in a row were not an advance — a continuation counts as no advance, since nothing was
 * agreed. An advance ends the streak, so after one the streak is 0.
 */
export function advanceCounters(resultsNewestFirst: readonly ResultValue[]): AdvanceCounters {
  const firstAdvance = resultsNewestFirst.indexOf('advanced');
  return {
    resultsCount: resultsNewestFirst.length,
    noAdvanceStreak: firstAdvance === -1 ? resultsNewestFirst.length : firstAdvance,
  };
}

/** Advances out of interactions with a recorded result: the counts behind an advance rate. */
export function advanceCounts(results: readonly ResultValue[]): { advances: number; continuations: number; noAdvances: number; n: number } {
  let advances = 0;
  let continuations = 0;
  for (const r of results) {
    if (r === 'advanced') advances++;
    else if (r === 'continuation') continuations++;
  }
  return { advances, continuations, noAdvances: results.length - advances - continuations, n: results.length };
}
