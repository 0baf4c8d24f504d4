import { OPPORTUNITY_STATUS_LABELS } from '../../../shared/labels';
import type { OpportunityStatus } from '../../../shared/opportunities';
import { isReviewMode } from '../../app/reviewMode';

/** A deal's status in words; in review mode a won, lost or walked-away deal is only "Closed". */
export const opportunityStatusLabel = (status: OpportunityStatus): string => (isReviewMode() && status !== 'open' ? 'Closed' : OPPORTUNITY_STATUS_LABELS[status]);

/** The statuses a list filter offers: in review mode, open deals only (choosing "won" would show the outcome). */
export const statusFilterLabels = (): Partial<Record<OpportunityStatus, string>> => (isReviewMode() ? { open: OPPORTUNITY_STATUS_LABELS.open } : OPPORTUNITY_STATUS_LABELS);
