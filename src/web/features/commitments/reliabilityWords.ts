import type { Reliability } from '../../../shared/plan-reliability';
import { wholePercents } from '../../../domain/reliability';

/** Counts first, in plain words: "4 on time · 1 late · 2 open"; re-dates are counted inside, never a share. */
export function personLine(r: Reliability): string {
  const parts = [`${r.keptOnTime} on time`];
  if (r.keptLate) parts.push(`${r.keptLate} late`);
  if (r.missed) parts.push(`${r.missed} missed`);
  if (r.open) parts.push(`${r.open} open`);
  const line = parts.join(' · ');
  return r.redatedInAdvance ? `${line} (${r.redatedInAdvance} of them re-dated in advance)` : line;
}

/** The sample behind a figure, with the must-do weight explained: "n = 6 judged · weight 8 (must-dos count double)". */
export function sampleLine(r: Reliability): string {
  const weight = r.weighted.counted === r.counted ? '' : ` · weight ${r.weighted.counted} (must-dos count double)`;
  return `n = ${r.counted} judged${weight}`;
}

/** Whole percents of the three judged buckets that add up to 100 (null before anything is judged). */
export const percents = (r: Reliability) => (r.shares ? wholePercents(r.shares) : null);

/** A small sample is only worth flagging once something has been judged. */
export const isSmallSample = (r: Reliability) => r.smallSample && r.counted > 0;

export const RELIABILITY_NOTE =
  'Kept on time, kept late and missed add up to 100 % of judged commitments; must-dos count double; open and dropped ones are not judged; a new date agreed before the old one ended, to a day not yet gone, counts as re-dated in advance — keeping your word.';
