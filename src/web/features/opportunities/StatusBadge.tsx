import { OPPORTUNITY_STATUS_LABELS } from '../../../shared/labels';
import type { OpportunityStatus } from '../../../shared/opportunities';
import { Badge, type Tone } from '../../ui/Badge';

// Lost and walked-away deals are outcomes to learn from, not failures: neutral, not red.
const TONES: Record<OpportunityStatus, Tone> = { open: 'accent', won: 'success', lost: 'neutral', walked_away: 'neutral' };

export function StatusBadge({ status }: { status: OpportunityStatus }) {
  return <Badge tone={TONES[status]}>{OPPORTUNITY_STATUS_LABELS[status]}</Badge>;
}
