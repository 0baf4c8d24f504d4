import { describe, expect, it } from 'vitest';
import { advanceCounters, advanceCounts, interactionState, OUTCOME_QUESTION, plannedOutcomeProblems } from './interactions.js';
import { judgeRate } from './proportions.js';
import { formatInstantIn, instantAt, wallClock } from './zoned-time.js';

describe('the planned outcome is required', () => {
  const complete = { outcomeKind: 'trial', outcomeStatement: 'They agree to a 30-day pilot with the Lyon plant' };

  it('accepts a kind of advance with a specific statement', () => {
    expect(plannedOutcomeProblems(complete)).toEqual([]);
  });

  it('names each missing field: no kind, an unknown kind, a blank statement', () => {
    expect(plannedOutcomeProblems({})).toEqual([
      { path: 'outcomeKind', message: 'Choose the kind of advance you are aiming for.' },
      { path: 'outcomeStatement', message: `Answer “${OUTCOME_QUESTION}” before you plan it.` },
    ]);
    expect(plannedOutcomeProblems({ ...complete, outcomeKind: 'a nice chat' }).map((p) => p.path)).toEqual(['outcomeKind']);
    // Spaces are not an answer.
    expect(plannedOutcomeProblems({ ...complete, outcomeStatement: '   ' }).map((p) => p.path)).toEqual(['outcomeStatement']);
    expect(plannedOutcomeProblems({ ...complete, outcomeStatement: null }).map((p) => p.path)).toEqual(['outcomeStatement']);
  });

  it('asks what the first call must get when the outcome needs several calls, and only then', () => {
    expect(plannedOutcomeProblems({ ...complete, needsSeveralCalls: true }).map((p) => p.path)).toEqual(['firstCallGoal']);
    expect(plannedOutcomeProblems({ ...complete, needsSeveralCalls: true, firstCallGoal: ' ' }).map((p) => p.path)).toEqual(['firstCallGoal']);
    expect(plannedOutcomeProblems({ ...complete, needsSeveralCalls: true, firstCallGoal: 'Meet the plant manager' })).toEqual([]);
    expect(plannedOutcomeProblems({ ...complete, needsSeveralCalls: false, firstCallGoal: null })).toEqual([]);
  });
});

describe('an interaction’s state', () => {
  const now = new Date('2026-06-10T10:30:00Z');
  const at = (sortAt: string, over: Partial<Parameters<typeof interactionState>[0]> = {}) => interactionState({ sortAt, result: null, cancelledAt: null, ...over }, now);

  it('is upcoming before its time and awaits a result from the minute it starts', () => {
    expect(at('2026-06-10T10:31:00Z')).toBe('upcoming');
    expect(at('2026-06-10T10:30:00Z')).toBe('awaiting_result');
    expect(at('2026-06-09T08:00:00Z')).toBe('awaiting_result');
  });

  it('is done once it has a result, and cancelled whatever else is true', () => {
    expect(at('2026-06-09T08:00:00Z', { result: 'no_advance' })).toBe('done');
    expect(at('2026-06-11T08:00:00Z', { cancelledAt: '2026-06-10T09:00:00Z' })).toBe('cancelled');
  });
});

describe('an opportunity’s counters: results and the streak without an advance', () => {
  it('counts nothing before any result', () => {
    expect(advanceCounters([])).toEqual({ resultsCount: 0, noAdvanceStreak: 0 });
  });

  it('counts the latest results in a row that were not an advance; a continuation is not an advance', () => {
    // Newest first: no advance, continuation, no advance, then an advance two months ago.
    expect(advanceCounters(['no_advance', 'continuation', 'no_advance', 'advanced', 'no_advance'])).toEqual({ resultsCount: 5, noAdvanceStreak: 3 });
    expect(advanceCounters(['continuation', 'continuation'])).toEqual({ resultsCount: 2, noAdvanceStreak: 2 });
  });

  it('resets to 0 with an advance, however long the streak before it', () => {
    expect(advanceCounters(['advanced', 'no_advance', 'no_advance', 'no_advance', 'no_advance'])).toEqual({ resultsCount: 5, noAdvanceStreak: 0 });
  });

  it('follows a corrected result: the same history with its latest advance corrected to no advance', () => {
    const before = ['advanced', 'no_advance', 'no_advance'] as const;
    const corrected = ['no_advance', 'no_advance', 'no_advance'] as const;
    expect(advanceCounters(before).noAdvanceStreak).toBe(0);
    expect(advanceCounters(corrected).noAdvanceStreak).toBe(3);
  });
});

describe('the advance rate: advances ÷ interactions with a result, with n and a 95 % Wilson interval', () => {
  it('gives 8 advances of 10 results as 0.80, 0.490–0.943 (issue 11’s published example; Newcombe 1998 method 3)', () => {
    const counts = advanceCounts(['advanced', 'advanced', 'advanced', 'advanced', 'advanced', 'advanced', 'advanced', 'advanced', 'continuation', 'no_advance']);
    expect(counts).toEqual({ advances: 8, continuations: 1, noAdvances: 1, n: 10 });
    const rate = judgeRate(counts.advances, counts.n);
    expect(rate.kind).toBe('rate');
    if (rate.kind !== 'rate') return;
    expect(rate.rate).toBe(0.8);
    expect(rate.low).toBeCloseTo(0.49, 3);
    expect(rate.high).toBeCloseTo(0.943, 3);
    expect(rate.n).toBe(10);
  });

  it('says "too few to judge" below 5 results, with n and no number', () => {
    const counts = advanceCounts(['advanced', 'advanced', 'advanced', 'no_advance']);
    expect(judgeRate(counts.advances, counts.n)).toEqual({ kind: 'too_few_to_judge', n: 4 });
  });
});

describe('wall-clock times in a zone', () => {
  it('reads 14:00 in Paris in June as 12:00 UTC, and in January as 13:00 UTC', () => {
    expect(instantAt('2026-06-12', '14:00', 'Europe/Paris').toISOString()).toBe('2026-06-12T12:00:00.000Z');
    expect(instantAt('2026-01-12', '14:00', 'Europe/Paris').toISOString()).toBe('2026-01-12T13:00:00.000Z');
    expect(instantAt('2026-06-12', '09:30', 'Asia/Kolkata').toISOString()).toBe('2026-06-12T04:00:00.000Z');
    expect(wallClock(new Date('2026-06-12T12:00:00Z'), 'America/New_York')).toEqual({ date: '2026-06-12', time: '08:00' });
  });

  it('moves a time skipped by spring-forward to just after the jump, and takes the first of a repeated autumn time', () => {
    // Paris, 29 March 2026: 02:00 CET jumps to 03:00 CEST (01:00 UTC).
    expect(instantAt('2026-03-29', '02:30', 'Europe/Paris').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(wallClock(new Date('2026-03-29T01:30:00Z'), 'Europe/Paris')).toEqual({ date: '2026-03-29', time: '03:30' });
    // Paris, 25 October 2026: 03:00 CEST falls back to 02:00 CET; 02:30 happens at 00:30 and 01:30 UTC.
    expect(instantAt('2026-10-25', '02:30', 'Europe/Paris').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    // The day after a change uses the new offset.
    expect(instantAt('2026-03-30', '10:00', 'Europe/Paris').toISOString()).toBe('2026-03-30T08:00:00.000Z');
  });

  it('writes an instant in words on the zone’s clock, and refuses what is not a date and a time', () => {
    expect(formatInstantIn(new Date('2026-06-10T07:00:00Z'), 'Europe/Paris')).toBe('Wed 10 Jun 2026, 09:00');
    expect(() => instantAt('2026-06-31x', '10:00', 'Europe/Paris')).toThrow(RangeError);
    expect(() => instantAt('2026-06-12', '24:00', 'Europe/Paris')).toThrow(RangeError);
  });
});
