import type { FocusFigures } from '../../../shared/focus';
import { percentBelow } from '../../../domain/focus';
import { SMALL_SAMPLE_WEIGHT } from '../../../domain/reliability';

/** A reason as a sentence: the API says "3 calls in a row…", a list item reads "3 calls in a row…"; "the customer…" becomes "The customer…". */
export const sentence = (reason: string) => reason.charAt(0).toUpperCase() + reason.slice(1);

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const CHANGE_COMMITMENT_WORDS: Record<FocusFigures['changeCommitment'], string> = {
  none: 'None recorded',
  stated: 'Stated (no evidence yet)',
  evidenced: 'Evidenced',
};

/** "2 in a row without an advance, of 5 calls with a result" — always with the calls' n. */
export function callsLine(f: Pick<FocusFigures, 'noAdvanceStreak' | 'resultsCount'>): string {
  if (f.resultsCount === 0) return 'No call with a recorded result yet';
  return `${f.noAdvanceStreak} in a row without an advance, of ${count(f.resultsCount, 'call')} with a result`;
}

/**
 * The customer's word, counts first and with n: "1 of 4 kept on time (25 %)", and a note when the
 * sample is small (reliability's own threshold) or weighted by must-dos.
 */
export function customerLine(c: FocusFigures['customer']): { text: string; note: string | null } {
  if (c.judged === 0) return { text: c.open > 0 ? `Nothing judged yet (${count(c.open, 'commitment')} open)` : 'No customer commitments judged', note: null };
  const share = c.score === null ? '' : ` (${c.score < 0.5 ? percentBelow(c.score) : Math.round(c.score * 100)} %)`;
  const text = `${c.keptOnTime} of ${c.judged} judged kept on time${share}`;
  const notes = [
    c.weightedJudged !== c.judged ? 'must-dos count double' : null,
    c.weightedJudged < SMALL_SAMPLE_WEIGHT ? 'a small sample: read it with care' : null,
  ].filter(Boolean);
  return { text, note: notes.length ? `n = ${c.judged}; ${notes.join('; ')}` : `n = ${c.judged}` };
}
