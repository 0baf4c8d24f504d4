import { z } from 'zod';
import { FOCUS_THRESHOLD_BOUNDS, NEXT_MOVES, type FocusThresholds as Thresholds } from '../domain/focus.js';
import { Version, listQueryBase } from './common.js';
import { FocusFlag } from './focus-flags.js';
import { defaultFocusScope } from './views.js';
import { Opportunity } from './opportunities.js';

/**
 * Focus: open deals that show signs of being chased (src/domain/focus.ts has the rules), with the
 * reasons, the figures behind them (each with its n) and the next moves they suggest.
 */

/** Whose deals: the signed-in person's own, their team's (the teams they lead or belong to), or everyone's. */
export const FOCUS_SCOPES = ['mine', 'team', 'everyone'] as const;
export const FocusScope = z.enum(FOCUS_SCOPES);
export type FocusScope = z.infer<typeof FocusScope>;
export { defaultFocusScope };

export const FocusQuery = z.strictObject({
  ...listQueryBase,
  /** Default: a manager's team, an admin's whole workspace, a rep's own deals. */
  scope: FocusScope.optional(),
});
export type FocusQuery = z.infer<typeof FocusQuery>;

export const NextMoveId = z.enum(NEXT_MOVES);
export const NextMove = z.object({ id: NextMoveId, label: z.string(), why: z.string() }).meta({ id: 'FocusNextMove' });
export type NextMove = z.infer<typeof NextMove>;

const count = z.number().int().min(0);

export const FocusFigures = z
  .object({
    /** Consecutive latest results without an advance, out of `resultsCount` interactions with a result. */
    noAdvanceStreak: count,
    resultsCount: count,
    /** Whole days since the deal was created. */
    daysOpen: count,
    changeCommitment: z.enum(['none', 'stated', 'evidenced']),
    /** The customer side's commitments on the deal's plan, judged as reliability judges them. */
    customer: z.object({
      /** n: kept on time + kept late + missed. */
      judged: count,
      keptOnTime: count,
      keptLate: count,
      missed: count,
      open: count,
      /** Weighted share kept on time (must-dos count double); null before anything is judged. */
      score: z.number().nullable(),
      /** The weight of the judged ones (differs from `judged` when must-dos are among them). */
      weightedJudged: z.number(),
    }),
  })
  .meta({ id: 'FocusFigures' });
export type FocusFigures = z.infer<typeof FocusFigures>;

export const FocusItem = z
  .object({ opportunity: Opportunity, flags: z.array(FocusFlag), nextMoves: z.array(NextMove), figures: FocusFigures })
  .meta({ id: 'FocusItem' });
export type FocusItem = z.infer<typeof FocusItem>;

const bounded = (key: keyof Thresholds, what: string) => {
  const { min, max } = FOCUS_THRESHOLD_BOUNDS[key];
  const message = `${what}: a whole number from ${min} to ${max}.`;
  return z.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message });
};

const thresholdFields = {
  noAdvanceStreak: bounded('noAdvanceStreak', 'Calls in a row without an advance'),
  noCommitmentDays: bounded('noCommitmentDays', 'Days open without a commitment to change'),
  noCommitmentInteractions: bounded('noCommitmentInteractions', 'Calls without a commitment to change'),
};

export const FocusThresholds = z
  .object({ ...thresholdFields, version: Version })
  .meta({
    id: 'FocusThresholds',
    description:
      'When a deal is flagged as chased: noAdvanceStreak or more consecutive results without an advance; no commitment to change after noCommitmentDays days open or noCommitmentInteractions interactions with a result. version is the workspace’s.',
  });
export type FocusThresholds = z.infer<typeof FocusThresholds>;

export const UpdateFocusThresholdsBody = z
  .strictObject({
    noAdvanceStreak: thresholdFields.noAdvanceStreak.optional(),
    noCommitmentDays: thresholdFields.noCommitmentDays.optional(),
    noCommitmentInteractions: thresholdFields.noCommitmentInteractions.optional(),
    version: Version.optional(),
  })
  .meta({ id: 'UpdateFocusThresholdsBody' });
export type UpdateFocusThresholdsBody = z.infer<typeof UpdateFocusThresholdsBody>;

export const FocusList = z
  .object({
    scope: FocusScope,
    /** The thresholds the flags were computed with. */
    thresholds: FocusThresholds.omit({ version: true }),
    data: z.array(FocusItem),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'FocusList' });
export type FocusList = z.infer<typeof FocusList>;
