/**
 * Reliability — "keep your word", measured for a person, a side, a plan or a customer company.
 *
 * The rule (each commitment is judged by `classifyCommitment` at `now`, in its owner's time zone as
 * fixed on the commitment when it was made: src/server/features/commitments/zones.ts):
 *
 *   1. Every commitment falls in exactly ONE primary bucket:
 *        kept_on_time  done on or before the end of the date it was held to when it was done
 *        kept_late     done after that
 *        missed        not done, that date has ended, and no new date asked for before then is
 *                      waiting for an answer
 *        open          not done and not missed (not yet due, or a new date asked for in time waits
 *                      for an answer)
 *        dropped       dropped — left out of every share
 *      "The date it was held to" is the original due date moved only by accepted changes that were
 *      requested on or before the end of the date they moved. A re-date asked for after the date had
 *      passed ("late re-date") does not move it: it cannot turn a slip into "on time" or erase a miss.
 *
 *   2. Re-dates are COUNTS inside the judged buckets, never a share of their own:
 *      `redatedInAdvance` counts commitments with at least one accepted change asked for before its
 *      date ended AND to a day not yet gone (today or later in the owner's zone) — the healthy case,
 *      which the method wants, so such a commitment kept by its new date is both re-dated in advance
 *      and kept on time; `redatedInAdvanceIn` says in which bucket each of them landed (so the UI can
 *      say "Kept on time 3, 1 of them re-dated in advance"). `redatedLate` counts those with at least
 *      one accepted change that was not in advance. One commitment can be in both. Declined and
 *      pending proposals are not re-dates.
 *
 *   3. Only judged commitments are counted: counted = kept_on_time + kept_late + missed. Open ones
 *      (including those overdue while a timely request waits for an answer) and dropped ones are
 *      counts apart with no share, because their outcome is not known or not judged. The re-date
 *      counts cover counted commitments only, so they describe the same commitments as the shares.
 *
 *   4. Weights: a must-do commitment weighs w = 2, any other w = 1.
 *        score            = Σ w·[kept_on_time] / Σ w·[counted]      (null when nothing is counted)
 *        shares.<bucket>  = Σ w·[bucket]       / Σ w·[counted]      for the three judged buckets
 *      so shares.keptOnTime + shares.keptLate + shares.missed = 1 (100 % of judged weight), and
 *      score = shares.keptOnTime. `wholePercents` rounds the three so that they still add up to 100.
 *      smallSample is true when Σ w·[counted] < 5: too little to read much into, and the UI says so.
 */
import { classifyCommitment, type CommitmentClassification, type CommitmentFacts } from './commitments.js';

export const MUST_DO_WEIGHT = 2;
export const SMALL_SAMPLE_WEIGHT = 5;

export type ReliabilityWeights = {
  counted: number;
  keptOnTime: number;
  keptLate: number;
  missed: number;
  open: number;
  redatedInAdvance: number;
  redatedLate: number;
};

/** The three judged buckets' shares of judged weight: they add up to 1. */
export type ReliabilityShares = {
  keptOnTime: number;
  keptLate: number;
  missed: number;
};

export type JudgedCounts = { keptOnTime: number; keptLate: number; missed: number };

export type Reliability = {
  total: number;
  /** Judged commitments: kept on time + kept late + missed. */
  counted: number;
  keptOnTime: number;
  keptLate: number;
  missed: number;
  open: number;
  dropped: number;
  /** Counted commitments re-dated in advance at least once (a count inside the buckets, not a share). */
  redatedInAdvance: number;
  /** The same, per judged bucket: they add up to `redatedInAdvance`. */
  redatedInAdvanceIn: JudgedCounts;
  /** Counted commitments re-dated at least once after their date had ended. */
  redatedLate: number;
  weighted: ReliabilityWeights;
  /** Weighted share kept on time among counted; null when nothing is counted yet. */
  score: number | null;
  shares: ReliabilityShares | null;
  smallSample: boolean;
};

export function commitmentWeight(c: Pick<CommitmentFacts, 'mustDo'>): number {
  return c.mustDo ? MUST_DO_WEIGHT : 1;
}

type Judged = { weight: number; verdict: CommitmentClassification };

function emptyWeights(): ReliabilityWeights {
  return { counted: 0, keptOnTime: 0, keptLate: 0, missed: 0, open: 0, redatedInAdvance: 0, redatedLate: 0 };
}

function tally(judged: readonly Judged[]): Reliability {
  const n = emptyWeights();
  const w = emptyWeights();
  let dropped = 0;
  const inAdvanceIn: JudgedCounts = { keptOnTime: 0, keptLate: 0, missed: 0 };
  const bucketOf = { kept_on_time: 'keptOnTime', kept_late: 'keptLate', missed: 'missed' } as const;
  const add = (key: keyof ReliabilityWeights, weight: number) => {
    n[key] += 1;
    w[key] += weight;
  };
  for (const { weight, verdict } of judged) {
    switch (verdict.outcome) {
      case 'dropped':
        dropped += 1;
        continue;
      case 'open':
        add('open', weight);
        continue;
      case 'kept_on_time':
        add('keptOnTime', weight);
        break;
      case 'kept_late':
        add('keptLate', weight);
        break;
      case 'missed':
        add('missed', weight);
        break;
    }
    add('counted', weight);
    if (verdict.redatedInAdvance) {
      add('redatedInAdvance', weight);
      inAdvanceIn[bucketOf[verdict.outcome]] += 1;
    }
    if (verdict.redatedLate) add('redatedLate', weight);
  }
  const share = (key: keyof ReliabilityShares) => w[key] / w.counted;
  const shares: ReliabilityShares | null =
    w.counted === 0
      ? null
      : {
          keptOnTime: share('keptOnTime'),
          keptLate: share('keptLate'),
          missed: share('missed'),
        };
  return {
    total: judged.length,
    counted: n.counted,
    keptOnTime: n.keptOnTime,
    keptLate: n.keptLate,
    missed: n.missed,
    open: n.open,
    dropped,
    redatedInAdvance: n.redatedInAdvance,
    redatedInAdvanceIn: inAdvanceIn,
    redatedLate: n.redatedLate,
    weighted: w,
    score: shares ? shares.keptOnTime : null,
    shares,
    smallSample: w.counted < SMALL_SAMPLE_WEIGHT,
  };
}

/**
 * The three shares as whole percentages that add up to exactly 100 (largest remainder: each is
 * rounded down, then the points left go to the largest fractions, ties in bucket order), so a reader
 * never sees 33 % + 33 % + 33 %.
 */
export function wholePercents(shares: ReliabilityShares): ReliabilityShares {
  const keys = ['keptOnTime', 'keptLate', 'missed'] as const;
  const exact = keys.map((k) => shares[k] * 100);
  const out = exact.map(Math.floor);
  const left = 100 - out.reduce((a, b) => a + b, 0);
  const order = keys.map((_, i) => i).sort((a, b) => exact[b] - out[b] - (exact[a] - out[a]) || a - b);
  for (let i = 0; i < left; i += 1) out[order[i]] += 1;
  return { keptOnTime: out[0], keptLate: out[1], missed: out[2] };
}

const judge = (c: CommitmentFacts, now: Date): Judged => ({
  weight: commitmentWeight(c),
  verdict: classifyCommitment(c, now),
});

/** Reliability of a set of commitments at `now` (see the rule at the top of this file). */
export function reliability(commitments: readonly CommitmentFacts[], now: Date): Reliability {
  return tally(commitments.map((c) => judge(c, now)));
}

/**
 * Reliability per group — per owner (`c => c.ownerKey`), per side, per plan or per customer company
 * (with a key the caller carries on its own commitment type). Groups keep first-seen order.
 */
export function reliabilityBy<T extends CommitmentFacts, K>(
  commitments: readonly T[],
  keyFn: (c: T) => K,
  now: Date,
): Map<K, Reliability> {
  const groups = new Map<K, Judged[]>();
  for (const c of commitments) {
    const key = keyFn(c);
    const group = groups.get(key);
    if (group) group.push(judge(c, now));
    else groups.set(key, [judge(c, now)]);
  }
  return new Map([...groups].map(([key, judged]) => [key, tally(judged)]));
}
