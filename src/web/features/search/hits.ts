import { PLAN_STATUS_LABELS } from '../../../shared/labels';
import type { SearchResults } from '../../../shared/search';
import { formatDate, formatMoney } from '../../lib/format';
import { opportunityStatusLabel } from '../opportunities/statusWords';

export type HitKind = keyof SearchResults;

/** One found record as the box and the results page show it: where it leads, its name, a line of context. */
export type HitItem = { id: string; to: string; main: string; meta: string };
export type HitGroup = { kind: HitKind; title: string; icon: 'accounts' | 'contact' | 'opportunities' | 'plans'; items: HitItem[]; more: boolean };

const join = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' · ');

/** The answer's groups in the box's order, leaving out kinds with no match. */
export function hitGroups(results: SearchResults): HitGroup[] {
  const groups: HitGroup[] = [
    {
      kind: 'accounts',
      title: 'Accounts',
      icon: 'accounts',
      more: results.accounts.more,
      items: results.accounts.data.map((a) => ({ id: a.id, to: `/accounts/${a.id}`, main: a.name, meta: join(a.domain, a.owner.name) })),
    },
    {
      kind: 'contacts',
      title: 'Contacts',
      icon: 'contact',
      more: results.contacts.more,
      items: results.contacts.data.map((c) => ({ id: c.id, to: `/contacts/${c.id}`, main: c.name, meta: join(c.title, c.account.name) })),
    },
    {
      kind: 'opportunities',
      title: 'Opportunities',
      icon: 'opportunities',
      more: results.opportunities.more,
      items: results.opportunities.data.map((o) => ({
        id: o.id,
        to: `/opportunities/${o.id}`,
        main: o.name,
        meta: join(o.account.name, formatMoney(o.amount), o.status === 'open' ? `closes ${formatDate(o.closeDate)}` : opportunityStatusLabel(o.status)),
      })),
    },
    {
      kind: 'plans',
      title: 'Mutual plans',
      icon: 'plans',
      more: results.plans.more,
      items: results.plans.data.map((p) => ({ id: p.id, to: `/plans/${p.id}`, main: p.title, meta: join(p.account.name, p.opportunity.name, PLAN_STATUS_LABELS[p.status]) })),
    },
  ];
  return groups.filter((g) => g.items.length > 0);
}
