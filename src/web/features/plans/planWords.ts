import type { PlanStatus } from '../../../shared/plans';
import type { PlanHealth } from '../../../shared/plan-reliability';
import type { Tone } from '../../ui/Badge';

/** The words and tones of a plan's status and health: plain, and never shaming. */

export const HEALTH_LABELS: Record<PlanHealth['status'], string> = { on_track: 'On track', at_risk: 'At risk', stalled: 'Stalled' };
export const HEALTH_TONES: Record<PlanHealth['status'], Tone> = { on_track: 'success', at_risk: 'warning', stalled: 'danger' };

export const PLAN_STATUS_TONES: Record<PlanStatus, Tone> = { draft: 'neutral', active: 'accent', completed: 'success', abandoned: 'neutral' };
