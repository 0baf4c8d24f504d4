import type { Quadrant } from '../../../shared/retrospectives';
import type { ProcessPart } from '../../../shared/coaching-words';
import { plural } from '../../lib/format';

export const QUADRANT_LABELS: Record<Quadrant, string> = {
  earned_win: 'Earned win',
  lucky_win: 'Lucky win',
  unlucky_loss: 'Unlucky loss',
  earned_loss: 'Earned loss',
};

/** Each quadrant's place: process (rows: sound, weak) by outcome (columns: won, not won). */
export const QUADRANT_GRID: Quadrant[][] = [
  ['earned_win', 'unlucky_loss'],
  ['lucky_win', 'earned_loss'],
];

/** A save that lost the race: the answers as they are now are loaded; the form still holds these. */
export const RETRO_CHANGED_ELSEWHERE =
  'Your answers were saved elsewhere a moment ago (another tab?). The form still holds what you chose here: save again to keep it.';

export const ANSWER_LABELS = { yes: 'Yes', partly: 'Partly', no: 'No' } as const;

/** What each part of the data's score counted, in words. */
export const PART_WORDS: Record<ProcessPart, { label: string; counted: (successes: number, n: number) => string }> = {
  plannedOutcomes: { label: 'Outcomes planned ahead', counted: (s, n) => (n === 0 ? 'no interaction held' : `${s} of ${plural(n, 'interaction')} planned before ${n === 1 ? 'it' : 'they'} happened`) },
  advancesWon: { label: 'Advances won', counted: (s, n) => (n === 0 ? 'no result recorded' : `${plural(s, 'advance')} of ${plural(n, 'result')}`) },
  customerKept: { label: 'Customer kept their word', counted: (s, n) => (n === 0 ? 'no customer commitment due' : `${s} of ${plural(n, 'customer commitment')} kept on time`) },
  mutualPlan: { label: 'Mutual plan', counted: (s) => (s ? 'a plan was agreed' : 'no agreed plan') },
  changeCommitment: { label: 'Commitment to change', counted: (s) => (s ? 'evidenced' : 'not evidenced') },
};

export const percent = (x: number) => `${Math.round(x * 100)} %`;
