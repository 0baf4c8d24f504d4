import type { PlanHealth, PlanLengthAdvice } from '../../../shared/plan-reliability.js';
import type { PlanStatus } from '../../../shared/plans.js';
import { planHealth, planLengthAdvice } from '../../../domain/plan-health.js';
import type { CommitmentFacts } from '../../../domain/commitments.js';

/**
 * Health and length advice of a plan, from the domain rules. Health is about plans in progress:
 * a completed or abandoned plan has none (it would otherwise look "stalled" forever).
 */
export function planInsights(
  plan: { status: PlanStatus; last_activity_at: string },
  commitments: readonly CommitmentFacts[],
  now: Date,
): { health: PlanHealth | null; length: PlanLengthAdvice } {
  const counted = commitments.filter((c) => c.status !== 'dropped').length;
  const inProgress = plan.status === 'draft' || plan.status === 'active';
  return {
    health: inProgress ? planHealth({ commitments, lastActivityAt: plan.last_activity_at, now }) : null,
    length: { ...planLengthAdvice(counted), commitments: counted },
  };
}
