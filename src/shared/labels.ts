// Words for statuses, without zod: the app's shell (search hits, lists) shows them on every page and
// must not pull the schemas in with them. The contracts re-export these beside their enums.
import type { OpportunityStatus } from './opportunities.js';
import type { PlanStatus } from './plans.js';
import type { FocusFlagId } from './focus-flags.js';

export const OPPORTUNITY_STATUS_LABELS: Record<OpportunityStatus, string> = {
  open: 'Open',
  won: 'Won',
  lost: 'Lost',
  walked_away: 'Walked away',
};

export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  draft: 'Draft',
  active: 'Active',
  completed: 'Completed',
  abandoned: 'Abandoned',
};

/** The focus flags' names (src/domain/focus.ts has the rules; each flag also carries its reason). */
export const FOCUS_FLAG_LABELS: Record<FocusFlagId, string> = {
  no_advance_streak: 'Calls without an advance',
  customer_unreliable: 'Customer not keeping their word',
  no_commitment_to_change: 'No commitment to change',
};
