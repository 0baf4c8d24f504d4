import type { Me } from '../../shared/auth';
import type { Role } from '../../shared/common';
import { defaultFocusScope, defaultPlanView, defaultTodayView } from '../../shared/views';

/**
 * The filters each list page keeps in its address, with their defaults (the address carries only
 * what differs). One definition for the page and for the prefetch that asks for the page's data
 * alongside its code (pageData.ts): the same filters make the same query key.
 */
export const listFilters = {
  accounts: { q: '', ownerId: '', archived: 'active', sort: 'name' },
  opportunities: { q: '', ownerId: '', stageId: '', status: '', flag: '', archived: 'active', sort: '-updatedAt' },
  plans: (role: Role) => ({ view: defaultPlanView(role), ownerId: '', status: '', sort: '-lastActivityAt' }),
  today: (role: Role) => ({ view: defaultTodayView(role) }),
  focus: (role: Role) => ({ scope: defaultFocusScope(role) }),
};

/** Today's "deals closing" card: the signed-in person's open deals, soonest close date first. */
export const closingDealsParams = (me: Me) => ({ ownerId: me.user.id, status: 'open', sort: 'closeDate' });

/** An account page's contacts and deals. */
export const accountContactsParams = (accountId: string) => ({ accountId, sort: 'name' });
export const accountOpportunitiesParams = (accountId: string) => ({ accountId, sort: 'closeDate' });
