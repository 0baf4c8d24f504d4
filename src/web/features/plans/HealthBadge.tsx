import type { PlanHealth } from '../../../shared/plan-reliability';
import { PLAN_STATUS_LABELS, type PlanStatus } from '../../../shared/plans';
import { Badge } from '../../ui/Badge';
import { HEALTH_LABELS, HEALTH_TONES, PLAN_STATUS_TONES } from './planWords';

/** Internal plan health; a draft is not judged yet (and says so), completed and abandoned plans have none. */
export function HealthBadge({ health, status }: { health: PlanHealth | null; status: PlanStatus }) {
  if (status === 'draft') return <Badge tone="neutral">Draft — not judged</Badge>;
  if (!health) return null;
  return <Badge tone={HEALTH_TONES[health.status]}>{HEALTH_LABELS[health.status]}</Badge>;
}

export function PlanStatusBadge({ status }: { status: PlanStatus }) {
  return <Badge tone={PLAN_STATUS_TONES[status]}>{PLAN_STATUS_LABELS[status]}</Badge>;
}
