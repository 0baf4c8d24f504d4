/**
 * Retrospectives on closed deals: judge the PROCESS apart from the OUTCOME. A won deal can hide a
 * weak process (luck, the halo effect) and a lost one can follow a sound process.
 *
 * - `processScore`: an outcome-blind score derived from what the data shows about a deal — its
 *   interactions' outcomes planned ahead and advances won, the customer's commitments kept, a mutual
 *   plan, an evidenced commitment to change. Each part is a share from 0 to 1 (null when there is
 *   nothing to measure); the score is their plain mean; SOUND_FROM (0.6) or more is a sound process.
 * - `placeDeal`: the 2×2 of process (sound / weak) and outcome (won / not won): earned win, lucky
 *   win, unlucky loss, earned loss. Walking away is not won: it lands with the losses, where a sound
 *   process reads "unlucky loss — or the right call to walk away".
 * - `answeredScore`: a person's own answers to the same questions (yes 1, partly ½, no 0), averaged.
 * - `processWinsVerdict`: does the process predict wins? The win rate of deals with a sound process
 *   against those with a weak one, in plain words.
 */
import { judgeRate, type RateJudgement, type TwoProportionResult } from './proportions.js';

export const SOUND_FROM = 0.6;

export type ChangeCommitment = 'none' | 'stated' | 'evidenced';

/** What the data shows about one deal's process. */
export type DealProcessFacts = {
  /** Interactions on the deal whose time has come (not cancelled), and those planned ahead of it. */
  held: number;
  plannedAhead: number;
  /** Interactions with a recorded result, and the advances among them. */
  results: number;
  advances: number;
  /** Customer-side commitments on the deal's plan that were judged, and those kept on time. */
  customerJudged: number;
  customerKept: number;
  /** A mutual plan was agreed (active or completed; a draft or an abandoned plan is not). */
  hasPlan: boolean;
  changeCommitment: ChangeCommitment;
};

export const PROCESS_PARTS = ['plannedOutcomes', 'advancesWon', 'customerKept', 'mutualPlan', 'changeCommitment'] as const;
export type ProcessPart = (typeof PROCESS_PARTS)[number];

export type ProcessComponent = { part: ProcessPart; score: number | null; successes: number; n: number };
export type ProcessVerdict = 'sound' | 'weak';
export type ProcessScore = { score: number; verdict: ProcessVerdict; components: ProcessComponent[] };

const share = (successes: number, n: number): number | null => (n > 0 ? successes / n : null);
const CHANGE_SCORE: Record<ChangeCommitment, number> = { none: 0, stated: 0.5, evidenced: 1 };

export function processScore(f: DealProcessFacts): ProcessScore {
  const components: ProcessComponent[] = [
    { part: 'plannedOutcomes', score: share(f.plannedAhead, f.held), successes: f.plannedAhead, n: f.held },
    { part: 'advancesWon', score: share(f.advances, f.results), successes: f.advances, n: f.results },
    { part: 'customerKept', score: share(f.customerKept, f.customerJudged), successes: f.customerKept, n: f.customerJudged },
    { part: 'mutualPlan', score: f.hasPlan ? 1 : 0, successes: f.hasPlan ? 1 : 0, n: 1 },
    { part: 'changeCommitment', score: CHANGE_SCORE[f.changeCommitment], successes: f.changeCommitment === 'evidenced' ? 1 : 0, n: 1 },
  ];
  const measured = components.flatMap((c) => (c.score === null ? [] : [c.score]));
  const score = measured.reduce((a, b) => a + b, 0) / measured.length;
  return { score, verdict: score >= SOUND_FROM ? 'sound' : 'weak', components };
}

export type Answer = 'yes' | 'partly' | 'no';
const ANSWER_SCORE: Record<Answer, number> = { yes: 1, partly: 0.5, no: 0 };

/** A person's answers to the process questions, averaged (yes 1, partly ½, no 0). */
export function answeredScore(answers: Record<ProcessPart, Answer>): number {
  return PROCESS_PARTS.reduce((sum, p) => sum + ANSWER_SCORE[answers[p]], 0) / PROCESS_PARTS.length;
}

export type DealOutcome = 'won' | 'lost' | 'walked_away';
export type Quadrant = 'earned_win' | 'lucky_win' | 'unlucky_loss' | 'earned_loss';

export function placeDeal(process: ProcessVerdict, outcome: DealOutcome): Quadrant {
  if (outcome === 'won') return process === 'sound' ? 'earned_win' : 'lucky_win';
  return process === 'sound' ? 'unlucky_loss' : 'earned_loss';
}

export const QUADRANT_WORDS: Record<Quadrant, string> = {
  earned_win: 'Earned win: a sound process, and the deal was won.',
  lucky_win: 'Lucky win: won despite a weak process — do not repeat what happened by chance.',
  unlucky_loss: 'Unlucky loss: a sound process, and the deal was not won — or walking away was the right call. Keep the process.',
  earned_loss: 'Earned loss: a weak process, and the deal was not won. The process is where to learn.',
};

const pct = (x: number) => `${Math.round(x * 100)} %`;
const withInterval = (j: RateJudgement) => (j.kind === 'rate' ? `${pct(j.rate)} [${Math.round(j.low * 100)}–${Math.round(j.high * 100)}]` : `too few to judge (n = ${j.n})`);

/**
 * "Does our process predict wins?" in words, from the test of sound-process deals (a) against
 * weak-process deals (b): won out of won or lost.
 */
export function processWinsVerdict(test: TwoProportionResult): string {
  const sound = judgeRate(test.a.successes, test.a.n);
  const weak = judgeRate(test.b.successes, test.b.n);
  if (test.verdict === 'too_few_to_tell') return 'Not enough closed deals to tell yet.';
  const rates = `${withInterval(sound)} vs ${withInterval(weak)}`;
  if (test.verdict === 'no_detectable_difference') return `No detectable difference: deals run with a sound process were won ${pct(test.a.successes / test.a.n)} of the time, the others ${pct(test.b.successes / test.b.n)}.`;
  return test.higher === 'a' ? `Deals run with the process were won more often: ${rates}.` : `Deals run with a weak process were won more often: ${rates} — worth a closer look at what the process asks.`;
}
