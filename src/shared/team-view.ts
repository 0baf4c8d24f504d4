import { z } from 'zod';
import { UserRef } from './common.js';
import { Reliability } from './plan-reliability.js';

/**
 * Whose plans and commitments a list shows: the signed-in person's own, their team's (the teams
 * they lead or belong to, themselves included), or everyone's in the workspace.
 */
export const PLAN_VIEWS = ['mine', 'team', 'everyone'] as const;
export const PlanView = z.enum(PLAN_VIEWS);
export type PlanView = z.infer<typeof PlanView>;

export const PLAN_VIEW_LABELS: Record<PlanView, string> = { mine: 'Mine', team: 'My team', everyone: 'Everyone' };

export { defaultPlanView, defaultTodayView } from './views.js';

export const TodayQuery = z.strictObject({ view: PlanView.optional() });
export type TodayQuery = z.infer<typeof TodayQuery>;

export const TeamSummaryQuery = z.strictObject({ view: PlanView.optional() });
export type TeamSummaryQuery = z.infer<typeof TeamSummaryQuery>;

const HealthCounts = z.object({
  draft: z.number().int(),
  onTrack: z.number().int(),
  atRisk: z.number().int(),
  stalled: z.number().int(),
  /** Completed or abandoned: no health any more. */
  closed: z.number().int(),
});

export const TeamSummaryRow = z
  .object({
    user: UserRef,
    plans: HealthCounts,
    /** Seller-side commitments this person owns, of every kind (plans, objectives, interactions, check-ins). */
    seller: Reliability,
    /** Customer-side commitments on the plans of this person's deals. */
    customer: Reliability,
  })
  .meta({ id: 'TeamSummaryRow' });
export type TeamSummaryRow = z.infer<typeof TeamSummaryRow>;

export const TeamSummary = z
  .object({ view: PlanView, rows: z.array(TeamSummaryRow) })
  .meta({ id: 'TeamSummary', description: 'One row per person in the view who owns a deal with a plan or a seller-side commitment, in name order.' });
export type TeamSummary = z.infer<typeof TeamSummary>;
