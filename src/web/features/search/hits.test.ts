import { describe, expect, it } from 'vitest';
import type { SearchResults } from '../../../shared/search';
import { hitGroups } from './hits';

const none = { data: [], more: false };

describe('search hits', () => {
  it('links each record to its page, leaves out kinds with no match and keeps "more"', () => {
    const results: SearchResults = {
      accounts: { data: [{ id: 'a1', name: 'Müller GmbH', domain: 'mueller.example', owner: { id: 'u1', name: 'Ana Rep' } }], more: true },
      contacts: none,
      opportunities: none,
      plans: {
        data: [{ id: 'p1', title: 'Go-live', status: 'active', targetDate: '2027-03-31', opportunity: { id: 'o1', name: 'Line expansion' }, account: { id: 'a1', name: 'Müller GmbH' } }],
        more: false,
      },
    };
    expect(hitGroups(results)).toEqual([
      { kind: 'accounts', title: 'Accounts', icon: 'accounts', more: true, items: [{ id: 'a1', to: '/accounts/a1', main: 'Müller GmbH', meta: 'mueller.example · Ana Rep' }] },
      { kind: 'plans', title: 'Mutual plans', icon: 'plans', more: false, items: [{ id: 'p1', to: '/plans/p1', main: 'Go-live', meta: 'Müller GmbH · Line expansion · Active' }] },
    ]);
  });
});
