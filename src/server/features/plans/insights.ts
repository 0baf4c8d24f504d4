import type { PlanHealth, PlanLengthAdvice } from '../../../shared/plan-reliability.js';
import type { PlanStatus } from '../../../shared/plans.js';
import { planHealth, planLengthAdvice } from '../../../domain/plan-health.js';
import type { CommitmentFacts } from '../../../domain/commitments.js';

/**
 * Health and length advice of a plan, from the domain rules. Health is about plans in progress and
 * judged only once the plan is active: a draft has none yet ("draft — not judged": it is still being
 * agreed, so nothing on it is late), and a completed or abandoned plan has none (it would otherwise
 * look "stalled" forever). An active plan past its target date is at least at risk; the target day is
 * judged in the plan's customer zone, the zone of the mutual dates.
 */
export function planInsights(
  plan: { status: PlanStatus; last_activity_at: string; target_date: string; customer_time_zone: string },
  commitments: readonly CommitmentFacts[],
  now: Date,
): { health: PlanHealth | null; length: PlanLengthAdvice } {
  const counted = commitments.filter((c) => c.status !== 'dropped').length;
  const target = { date: plan.target_date, timeZone: plan.customer_time_zone };
  return {
    health: plan.status === 'active' ? planHealth({ commitments, lastActivityAt: plan.last_activity_at, now, target }) : null,
    length: { ...planLengthAdvice(counted), commitments: counted },
  };
}
