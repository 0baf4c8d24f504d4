import { describe, expect, it } from 'vitest';
import type { CommitmentFacts } from './commitments.js';
import {
  DEFAULT_FOCUS_THRESHOLDS,
  customerUnreliableFlag,
  daysOpen,
  focusFlags,
  nextMoves,
  noAdvanceStreakFlag,
  noCommitmentToChangeFlag,
  openSinceCutoff,
  percentBelow,
  type FocusFacts,
} from './focus.js';
import { reliability } from './reliability.js';

const T = DEFAULT_FOCUS_THRESHOLDS;
// Customer commitments due on 10 March, judged on the 20th (UTC).
const NOW = new Date('2026-03-20T12:00:00Z');
let seq = 0;
function customer(outcome: 'on_time' | 'late' | 'missed' | 'open' | 'dropped', mustDo = false): CommitmentFacts {
  const by = {
    on_time: { status: 'done', doneAt: '2026-03-10T17:00:00Z' },
    late: { status: 'done', doneAt: '2026-03-12T09:00:00Z' },
    missed: {},
    open: { dueDate: '2026-03-25', originalDueDate: '2026-03-25' },
    dropped: { status: 'dropped' },
  } as const;
  return {
    id: `c${++seq}`,
    title: outcome,
    side: 'customer',
    ownerKey: 'contact:carla',
    ownerTimeZone: 'UTC',
    mustDo,
    status: 'open',
    dueDate: '2026-03-10',
    originalDueDate: '2026-03-10',
    doneAt: null,
    dateChanges: [],
    createdAt: '2026-03-01T09:00:00Z',
    ...by[outcome],
  };
}
const word = (...c: CommitmentFacts[]) => reliability(c, NOW);

const facts = (over: Partial<FocusFacts> = {}): FocusFacts => ({
  noAdvanceStreak: 0,
  resultsCount: 0,
  daysOpen: 0,
  changeCommitment: 'none',
  customer: null,
  costOfInactionKnown: false,
  ...over,
});

describe('no advance streak', () => {
  it('flags at the threshold and above, not below, counting the calls in plain words', () => {
    expect(noAdvanceStreakFlag(2, 3)).toBeNull();
    expect(noAdvanceStreakFlag(3, 3)).toEqual({ id: 'no_advance_streak', reason: '3 calls in a row without an advance' });
    expect(noAdvanceStreakFlag(4, 3)?.reason).toBe('4 calls in a row without an advance');
    // A workspace that set 5: 4 is not chased yet.
    expect(noAdvanceStreakFlag(4, 5)).toBeNull();
    expect(noAdvanceStreakFlag(0, 3)).toBeNull();
  });
});

describe('customer unreliable', () => {
  it('needs at least three judged commitments: two missed of two is not enough to say', () => {
    expect(customerUnreliableFlag(word(customer('missed'), customer('missed')))).toBeNull();
    // Open and dropped ones are not judged, so they do not make up the three.
    expect(customerUnreliableFlag(word(customer('missed'), customer('missed'), customer('open'), customer('dropped')))).toBeNull();
    expect(customerUnreliableFlag(word(customer('missed'), customer('missed'), customer('missed')))).toEqual({
      id: 'customer_unreliable',
      reason: 'the customer kept 0 of 3 judged commitments on time (0 %)',
    });
    expect(customerUnreliableFlag(null)).toBeNull();
  });

  it('flags below 50 % kept on time, not at 50 % and not above', () => {
    // 1 of 4 kept on time: 25 %.
    expect(customerUnreliableFlag(word(customer('on_time'), customer('late'), customer('missed'), customer('missed')))?.reason).toBe(
      'the customer kept 1 of 4 judged commitments on time (25 %)',
    );
    // 2 of 4: exactly 50 % is not below.
    expect(customerUnreliableFlag(word(customer('on_time'), customer('on_time'), customer('missed'), customer('late')))).toBeNull();
    // 3 of 4: 75 %.
    expect(customerUnreliableFlag(word(customer('on_time'), customer('on_time'), customer('on_time'), customer('missed')))).toBeNull();
    // 1 of 3: 33 %.
    expect(customerUnreliableFlag(word(customer('on_time'), customer('missed'), customer('missed')))?.reason).toBe('the customer kept 1 of 3 judged commitments on time (33 %)');
  });

  it('judges the weighted score, as reliability does: a kept must-do lifts 1 of 3 to 50 %, a missed one sinks 2 of 3 to 40 %', () => {
    expect(customerUnreliableFlag(word(customer('on_time', true), customer('missed'), customer('missed')))).toBeNull();
    // Kept on time: 2 of weight 1; missed must-do: weight 2 + 1 → 2 / 5 = 40 %.
    expect(customerUnreliableFlag(word(customer('on_time'), customer('on_time'), customer('missed', true), customer('missed')))?.reason).toBe(
      'the customer kept 2 of 4 judged commitments on time (40 %, must-dos counting double)',
    );
  });

  it('never shows a share just below one half as 50 %', () => {
    expect(percentBelow(0.499)).toBe(49);
    expect(percentBelow(0.29)).toBe(29);
    expect(percentBelow(0.25)).toBe(25);
  });
});

describe('no commitment to change', () => {
  it('flags after the days threshold: 29 days is not yet, 30 is, 45 is', () => {
    expect(noCommitmentToChangeFlag({ changeCommitment: 'none', daysOpen: 29, resultsCount: 0 }, T)).toBeNull();
    expect(noCommitmentToChangeFlag({ changeCommitment: 'none', daysOpen: 30, resultsCount: 0 }, T)).toEqual({
      id: 'no_commitment_to_change',
      reason: 'no commitment to change after 30 days and no calls',
    });
    expect(noCommitmentToChangeFlag({ changeCommitment: 'none', daysOpen: 45, resultsCount: 4 }, T)?.reason).toBe('no commitment to change after 45 days and 4 calls');
  });

  it('flags after the interactions threshold however young the deal: 2 is not yet, 3 is, 4 is', () => {
    expect(noCommitmentToChangeFlag({ changeCommitment: 'none', daysOpen: 5, resultsCount: 2 }, T)).toBeNull();
    expect(noCommitmentToChangeFlag({ changeCommitment: 'none', daysOpen: 5, resultsCount: 3 }, T)?.reason).toBe('no commitment to change after 5 days and 3 calls');
    expect(noCommitmentToChangeFlag({ changeCommitment: 'none', daysOpen: 1, resultsCount: 4 }, T)?.reason).toBe('no commitment to change after 1 day and 4 calls');
  });

  it('a stated or evidenced commitment to change clears it, whatever the age', () => {
    expect(noCommitmentToChangeFlag({ changeCommitment: 'stated', daysOpen: 400, resultsCount: 40 }, T)).toBeNull();
    expect(noCommitmentToChangeFlag({ changeCommitment: 'evidenced', daysOpen: 400, resultsCount: 40 }, T)).toBeNull();
  });

  it('follows the workspace thresholds', () => {
    const strict = { noCommitmentDays: 14, noCommitmentInteractions: 2 };
    expect(noCommitmentToChangeFlag({ changeCommitment: 'none', daysOpen: 14, resultsCount: 0 }, strict)).not.toBeNull();
    expect(noCommitmentToChangeFlag({ changeCommitment: 'none', daysOpen: 13, resultsCount: 2 }, strict)).not.toBeNull();
    expect(noCommitmentToChangeFlag({ changeCommitment: 'none', daysOpen: 13, resultsCount: 1 }, strict)).toBeNull();
  });
});

describe('days open', () => {
  it('counts whole elapsed days, and the cutoff instant agrees with it to the millisecond', () => {
    const now = new Date('2026-06-10T10:30:00.000Z');
    expect(daysOpen('2026-05-11T10:30:00.000Z', now)).toBe(30);
    expect(daysOpen('2026-05-11T10:30:00.001Z', now)).toBe(29);
    expect(openSinceCutoff(30, now)).toBe('2026-05-11T10:30:00.000Z');
    expect(daysOpen('2026-06-11T00:00:00.000Z', now)).toBe(0);
  });
});

describe('flags and next moves together', () => {
  it('a young, committed, advancing deal has no flag and no move', () => {
    const f = facts({ noAdvanceStreak: 1, resultsCount: 2, daysOpen: 10, changeCommitment: 'evidenced' });
    expect(focusFlags(f, T)).toEqual([]);
    expect(nextMoves([], f, T)).toEqual([]);
  });

  it('lists flags in a fixed order and suggests asking for a commitment and the cost of inaction', () => {
    const f = facts({ noAdvanceStreak: 3, resultsCount: 4, daysOpen: 45 });
    const flags = focusFlags(f, T);
    expect(flags.map((x) => x.id)).toEqual(['no_advance_streak', 'no_commitment_to_change']);
    expect(flags.map((x) => x.reason)).toEqual(['3 calls in a row without an advance', 'no commitment to change after 45 days and 4 calls']);
    // Two flags: walking away is suggested too.
    expect(nextMoves(flags, f, T).map((m) => m.id)).toEqual(['ask_for_commitment', 'cost_of_inaction', 'walk_away']);
  });

  it('with one flag, walking away is suggested only once the streak is twice the threshold', () => {
    const five = facts({ noAdvanceStreak: 5, resultsCount: 5, changeCommitment: 'evidenced', costOfInactionKnown: true });
    expect(nextMoves(focusFlags(five, T), five, T).map((m) => m.id)).toEqual(['cost_of_inaction']);
    const six = { ...five, noAdvanceStreak: 6, resultsCount: 6 };
    expect(nextMoves(focusFlags(six, T), six, T).map((m) => m.id)).toEqual(['cost_of_inaction', 'walk_away']);
  });

  it('asks a stated commitment for evidence, and asks for the cost of inaction when it is not recorded', () => {
    const f = facts({ noAdvanceStreak: 3, changeCommitment: 'stated' });
    const moves = nextMoves(focusFlags(f, T), f, T);
    expect(moves[0]).toMatchObject({ id: 'ask_for_commitment', why: expect.stringContaining('ask for evidence') });
    expect(moves[1]).toMatchObject({ id: 'cost_of_inaction', why: expect.stringContaining('not recorded yet') });
  });

  it('all three flags at once', () => {
    const f = facts({
      noAdvanceStreak: 3,
      resultsCount: 3,
      daysOpen: 31,
      customer: word(customer('missed'), customer('missed'), customer('on_time')),
    });
    expect(focusFlags(f, T).map((x) => x.id)).toEqual(['no_advance_streak', 'customer_unreliable', 'no_commitment_to_change']);
  });
});
