import { IdParams } from '../common.js';
import { FocusItem, FocusList, FocusQuery, FocusThresholds, UpdateFocusThresholdsBody } from '../focus.js';
import { defineRoutes } from './define.js';

const tags = ['opportunities'] as const;

export const focusApi = defineRoutes({
  listFocus: {
    tags,
    summary: 'Chased deals: open opportunities with at least one focus flag',
    description:
      'Flags: no_advance_streak (that many results in a row without an advance), customer_unreliable (customer-side commitments on the plan: at least 3 judged, under 50 % kept on time), no_commitment_to_change (none recorded after that many days open or interactions with a result). Each with its reason in plain words, the figures behind it with their n, and suggested next moves. Soonest close date first; keyset-paged.',
    query: FocusQuery,
    response: { 200: FocusList },
  },
  getOpportunityFocus: {
    tags,
    summary: 'One deal’s focus flags, with their reasons, the figures behind them and the suggested next moves',
    description:
      'The same judgement as a Focus list item, for one deal whether it is flagged or not (flags and next moves are empty then, and for a closed or archived deal). The opportunity page shows it.',
    params: IdParams,
    response: { 200: FocusItem },
  },
  getFocusThresholds: { tags: ['people'], summary: 'When a deal is flagged as chased (the workspace’s focus thresholds)', response: { 200: FocusThresholds } },
  updateFocusThresholds: {
    tags: ['people'],
    summary: 'Change the focus thresholds (admins; send the workspace version)',
    body: UpdateFocusThresholdsBody,
    response: { 200: FocusThresholds },
  },
});
