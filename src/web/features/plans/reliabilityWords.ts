import type { Reliability } from '../../../shared/plan-reliability';

/** Counts first, in plain words: "4 on time · 1 late · 2 open". */
export function personLine(r: Reliability): string {
  const parts = [`${r.keptOnTime} on time`];
  if (r.keptLate) parts.push(`${r.keptLate} late`);
  if (r.missed) parts.push(`${r.missed} missed`);
  if (r.redatedInAdvance) parts.push(`${r.redatedInAdvance} re-dated in advance`);
  if (r.open) parts.push(`${r.open} open`);
  return parts.join(' · ');
}

/** A small sample is only worth flagging once something has been judged. */
export const isSmallSample = (r: Reliability) => r.smallSample && r.counted > 0;

export const RELIABILITY_NOTE =
  'Judged once a commitment is done or its date has passed: kept on time, kept late or missed. Must-do commitments count double. A new date agreed before the old one ended counts as re-dated in advance — that is keeping your word.';
