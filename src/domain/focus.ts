/**
 * Focus: chased deals. Part 3 of the method — effort goes to customers who have decided to change —
 * turned into three flags an open deal can carry, each with its reason in plain words, and the next
 * moves they suggest. Pure functions of plain facts (the counters kept on the opportunity row, its
 * age and qualification, and the customer side's reliability as src/domain/reliability.ts judges it).
 *
 *   no_advance_streak        the latest `noAdvanceStreak` (workspace threshold, default 3) or more
 *                            interactions with a result were in a row not an advance
 *   customer_unreliable      customer-side commitments on the deal's plan: at least 3 judged and the
 *                            reliability score (kept on time, must-dos counting double) below 50 %
 *   no_commitment_to_change  no commitment to change recorded (none — a stated one counts) after
 *                            `noCommitmentDays` days open (default 30) or `noCommitmentInteractions`
 *                            interactions with a result (default 3)
 *
 * Every threshold is "at or above": a streak of exactly 3 is flagged at the threshold 3, 30 days open
 * is flagged at 30. Reasons name the facts, never the person, so they read as a prompt to act.
 */
import { instantMs } from './dates.js';
import type { Reliability, ReliabilityWeights } from './reliability.js';

export const FOCUS_FLAGS = ['no_advance_streak', 'customer_unreliable', 'no_commitment_to_change'] as const;
export type FocusFlagId = (typeof FOCUS_FLAGS)[number];

export const NEXT_MOVES = ['ask_for_commitment', 'cost_of_inaction', 'walk_away'] as const;
export type NextMoveId = (typeof NEXT_MOVES)[number];

export type ChangeCommitment = 'none' | 'stated' | 'evidenced';

export type FocusThresholds = {
  /** Consecutive results without an advance that flag a deal. */
  noAdvanceStreak: number;
  /** Days open without a commitment to change that flag a deal. */
  noCommitmentDays: number;
  /** Interactions with a result without a commitment to change that flag a deal. */
  noCommitmentInteractions: number;
};

/** The workspace defaults (migration 0094) and the bounds an admin may set. */
export const DEFAULT_FOCUS_THRESHOLDS: FocusThresholds = { noAdvanceStreak: 3, noCommitmentDays: 30, noCommitmentInteractions: 3 };
export const FOCUS_THRESHOLD_BOUNDS: Record<keyof FocusThresholds, { min: number; max: number }> = {
  noAdvanceStreak: { min: 2, max: 20 },
  noCommitmentDays: { min: 7, max: 365 },
  noCommitmentInteractions: { min: 1, max: 50 },
};

/** Customer-side reliability flags a deal only with at least this many judged commitments… */
export const CUSTOMER_MIN_JUDGED = 3;
/** …and a score below this share kept on time. */
export const CUSTOMER_SCORE_BELOW = 0.5;

export type FocusFlag = { id: FocusFlagId; reason: string };
export type NextMove = { id: NextMoveId; label: string; why: string };

/** What the customer side's reliability figure says, as the rule reads it. */
export type CustomerWord = Pick<Reliability, 'counted' | 'keptOnTime' | 'score'> & { weighted: Pick<ReliabilityWeights, 'counted'> };

export type FocusFacts = {
  noAdvanceStreak: number;
  /** Interactions on the deal with a recorded result. */
  resultsCount: number;
  /** Whole days since the deal was created (see `daysOpen`). */
  daysOpen: number;
  changeCommitment: ChangeCommitment;
  /** Null when the deal has no plan (nothing judged). */
  customer: CustomerWord | null;
  /** Whether the cost of inaction is recorded on the deal (it changes what the next move says). */
  costOfInactionKnown: boolean;
};

const DAY_MS = 86_400_000;

/** Whole days from `createdAt` to `now` (elapsed time: 29 days and 23 hours is 29). */
export function daysOpen(createdAt: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - instantMs(createdAt)) / DAY_MS));
}

/** The instant before which a deal created has been open `days` days or more at `now`: `daysOpen(c) >= days` ⇔ `c <= cutoff`. */
export function openSinceCutoff(days: number, now: Date): string {
  return new Date(now.getTime() - days * DAY_MS).toISOString();
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const calls = (n: number) => (n === 0 ? 'no calls' : count(n, 'call', 'calls'));

/** A share below one half as a whole percent that never rounds up to 50 (0.495 is "49 %", not "50 %"). */
export function percentBelow(share: number): number {
  return Math.floor(share * 100 + 1e-9);
}

export function noAdvanceStreakFlag(streak: number, threshold: number): FocusFlag | null {
  if (streak < threshold) return null;
  return { id: 'no_advance_streak', reason: `${calls(streak)} in a row without an advance` };
}

export function customerUnreliableFlag(customer: CustomerWord | null): FocusFlag | null {
  if (!customer || customer.counted < CUSTOMER_MIN_JUDGED || customer.score === null || customer.score >= CUSTOMER_SCORE_BELOW) return null;
  const weighted = customer.weighted.counted !== customer.counted ? ', must-dos counting double' : '';
  return {
    id: 'customer_unreliable',
    reason: `the customer kept ${customer.keptOnTime} of ${customer.counted} judged commitments on time (${percentBelow(customer.score)} %${weighted})`,
  };
}

export function noCommitmentToChangeFlag(facts: Pick<FocusFacts, 'changeCommitment' | 'daysOpen' | 'resultsCount'>, thresholds: Pick<FocusThresholds, 'noCommitmentDays' | 'noCommitmentInteractions'>): FocusFlag | null {
  if (facts.changeCommitment !== 'none') return null;
  if (facts.daysOpen < thresholds.noCommitmentDays && facts.resultsCount < thresholds.noCommitmentInteractions) return null;
  return { id: 'no_commitment_to_change', reason: `no commitment to change after ${count(facts.daysOpen, 'day', 'days')} and ${calls(facts.resultsCount)}` };
}

/** The deal's flags, in the order of FOCUS_FLAGS; empty when the deal is not chased. */
export function focusFlags(facts: FocusFacts, thresholds: FocusThresholds): FocusFlag[] {
  // Judged for every row of a list page: no intermediate array.
  const flags: FocusFlag[] = [];
  const streak = noAdvanceStreakFlag(facts.noAdvanceStreak, thresholds.noAdvanceStreak);
  if (streak) flags.push(streak);
  const customer = customerUnreliableFlag(facts.customer);
  if (customer) flags.push(customer);
  const noCommitment = noCommitmentToChangeFlag(facts, thresholds);
  if (noCommitment) flags.push(noCommitment);
  return flags;
}

/**
 * What to do about a chased deal, most useful first:
 * - ask for a commitment, unless an evidenced one is recorded (a stated one still asks for evidence);
 * - talk through the cost of inaction, always (its words depend on whether it is recorded);
 * - walk away, when two or more flags are up or the streak is twice the threshold: the customer is
 *   showing, several ways, that they are not deciding.
 */
export function nextMoves(flags: readonly FocusFlag[], facts: FocusFacts, thresholds: FocusThresholds): NextMove[] {
  if (flags.length === 0) return [];
  const moves: NextMove[] = [];
  if (facts.changeCommitment !== 'evidenced') {
    moves.push({
      id: 'ask_for_commitment',
      label: 'Ask for a commitment',
      why:
        facts.changeCommitment === 'none'
          ? 'Plan the next call’s outcome as a commitment to change: what will they do, and by when?'
          : 'They said they would change: ask for evidence — a step they take, with a date.',
    });
  }
  moves.push({
    id: 'cost_of_inaction',
    label: 'Talk through the cost of inaction',
    why: facts.costOfInactionKnown
      ? 'Go back to what waiting costs them, in their words, and check it still holds.'
      : 'What waiting costs them is not recorded yet: ask, in their words, and per month if they can say.',
  });
  if (flags.length >= 2 || facts.noAdvanceStreak >= 2 * thresholds.noAdvanceStreak) {
    moves.push({
      id: 'walk_away',
      label: 'Walk away',
      why: 'Several signs say this customer is not deciding: your time may serve a customer who will.',
    });
  }
  return moves;
}

/** What an open deal's flags read from its row, as stored (see `flaggedFrom`). */
export type FlagInputs = {
  status: string;
  createdAt: string;
  noAdvanceStreak: number;
  resultsCount: number;
  changeCommitment: ChangeCommitment;
  /** The instant the customer side's flag is up from (src/domain/customer-word.ts), null when not before the next write. */
  customerUnreliableFrom: string | null;
};

/**
 * The instant from which a deal carries at least one flag if nothing is written before, or null
 * when it carries none before the next write — stored on the deal's row (`flagged_from`, migration
 * 0175) so the list filtered by `flag=any` and the Focus list read "flagged now?" as one indexed
 * comparison, `flagged_from <= now`. Between writes each flag can only go up as time passes: the
 * streak and the counts do not move, the days open only grow, and the customer's word only turns
 * open commitments into misses (customer-word.ts). So "any flag is up" holds from the earliest of
 * the instants each flag holds from:
 *
 * - the streak, and no commitment to change after enough calls: from the deal's creation (up already);
 * - no commitment to change after enough days: from `createdAt` + `noCommitmentDays` days, the
 *   instant `daysOpen` reaches the threshold (`openSinceCutoff` read the other way round);
 * - the customer side: its own stored instant.
 *
 * A deal that is not open carries no flag. This is `focusFlags` evaluated at the instants where it
 * can change (a property test compares the two); the server writes the same rule in SQL
 * (src/server/features/focus/stored.ts) so one statement keeps a row, or a workspace, current.
 */
export function flaggedFrom(d: FlagInputs, t: FocusThresholds): string | null {
  if (d.status !== 'open') return null;
  const from: string[] = [];
  if (d.noAdvanceStreak >= t.noAdvanceStreak) from.push(d.createdAt);
  if (d.changeCommitment === 'none') from.push(d.resultsCount >= t.noCommitmentInteractions ? d.createdAt : noCommitmentDaysReached(d.createdAt, t.noCommitmentDays));
  if (d.customerUnreliableFrom !== null) from.push(d.customerUnreliableFrom);
  return from.length ? from.reduce((a, b) => (b < a ? b : a)) : null;
}

/** The instant a deal created at `createdAt` has been open `days` whole days. */
export function noCommitmentDaysReached(createdAt: string, days: number): string {
  return new Date(Date.parse(createdAt) + days * DAY_MS).toISOString();
}
