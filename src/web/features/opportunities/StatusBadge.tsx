import type { OpportunityStatus } from '../../../shared/opportunities';
import { isReviewMode } from '../../app/reviewMode';
import { Badge, type Tone } from '../../ui/Badge';
import { opportunityStatusLabel } from './statusWords';

// Lost and walked-away deals are outcomes to learn from, not failures: neutral, not red.
const TONES: Record<OpportunityStatus, Tone> = { open: 'accent', won: 'success', lost: 'neutral', walked_away: 'neutral' };

export function StatusBadge({ status }: { status: OpportunityStatus }) {
  return <Badge tone={isReviewMode() && status !== 'open' ? 'neutral' : TONES[status]}>{opportunityStatusLabel(status)}</Badge>;
}
