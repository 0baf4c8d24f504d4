import type { PlanStatus } from '../../../shared/plans';
import type { PlanHealth } from '../../../shared/plan-reliability';
import type { Tone } from '../../ui/Badge';

/** The words and tones of a plan's status and health: plain, and never shaming. */

export const HEALTH_LABELS: Record<PlanHealth['status'], string> = { on_track: 'On track', at_risk: 'At risk', stalled: 'Stalled' };
export const HEALTH_TONES: Record<PlanHealth['status'], Tone> = { on_track: 'success', at_risk: 'warning', stalled: 'danger' };

export const PLAN_STATUS_TONES: Record<PlanStatus, Tone> = { draft: 'neutral', active: 'accent', completed: 'success', abandoned: 'neutral' };

/**
 * Where a commitment lives, in a line: the plan's title and its deal — the deal only once, since a
 * plan is often named after it ("Mutual plan: Acme renewal", not "… · Acme renewal" again).
 */
export function planAndDeal(plan: { title: string; opportunity: { name: string } }): string {
  const deal = plan.opportunity.name.trim();
  return deal && plan.title.toLocaleLowerCase().includes(deal.toLocaleLowerCase()) ? plan.title : `${plan.title} · ${deal}`;
}
