import type { SearchQuery, SearchResults } from '../../../shared/search.js';
import type { Scope } from '../../core/scope.js';
import { matchesSearch, parseSearch, searchLength, searchRank, type Search } from '../../core/search.js';

/**
 * The global search: the best matches of each kind, in one round of four indexed queries. Each
 * reads its matches from the text index, ranks them (core/search.ts) and keeps one more than the
 * limit to tell whether there are more.
 */

function ranked<T extends { search_text: string; id: string }>(rows: T[], limit: number) {
  return { rows: rows.slice(0, limit), more: rows.length > limit };
}

async function accounts(scope: Scope, search: Search, limit: number) {
  const rows = await scope
    .selectFrom('accounts')
    .innerJoin('users as owner', 'owner.id', 'accounts.owner_id')
    .select(['accounts.id', 'accounts.name', 'accounts.domain', 'accounts.search_text', 'owner.id as owner_id', 'owner.name as owner_name'])
    .where('accounts.archived_at', 'is', null)
    .where(matchesSearch(scope, 'account', 'accounts.id', search))
    .orderBy(searchRank('accounts.search_text', search))
    .orderBy(searchLength('accounts.search_text'))
    .orderBy('accounts.id')
    .limit(limit + 1)
    .execute();
  const page = ranked(rows, limit);
  return { more: page.more, data: page.rows.map((r) => ({ id: r.id, name: r.name, domain: r.domain, owner: { id: r.owner_id, name: r.owner_name } })) };
}

async function contacts(scope: Scope, search: Search, limit: number) {
  const rows = await scope
    .selectFrom('contacts')
    .innerJoin('accounts as account', 'account.id', 'contacts.account_id')
    .select(['contacts.id', 'contacts.name', 'contacts.title', 'contacts.email', 'contacts.search_text', 'account.id as account_id', 'account.name as account_name'])
    .where('contacts.archived_at', 'is', null)
    .where(matchesSearch(scope, 'contact', 'contacts.id', search))
    .orderBy(searchRank('contacts.search_text', search))
    .orderBy(searchLength('contacts.search_text'))
    .orderBy('contacts.id')
    .limit(limit + 1)
    .execute();
  const page = ranked(rows, limit);
  return {
    more: page.more,
    data: page.rows.map((r) => ({ id: r.id, name: r.name, title: r.title, email: r.email, account: { id: r.account_id, name: r.account_name } })),
  };
}

async function opportunities(scope: Scope, search: Search, limit: number) {
  const rows = await scope
    .selectFrom('opportunities')
    .innerJoin('accounts as account', 'account.id', 'opportunities.account_id')
    .select([
      'opportunities.id',
      'opportunities.name',
      'opportunities.amount_minor',
      'opportunities.currency',
      'opportunities.status',
      'opportunities.close_date',
      'opportunities.search_text',
      'account.id as account_id',
      'account.name as account_name',
    ])
    .where('opportunities.archived_at', 'is', null)
    .where(matchesSearch(scope, 'opportunity', 'opportunities.id', search))
    .orderBy(searchRank('opportunities.search_text', search))
    .orderBy(searchLength('opportunities.search_text'))
    .orderBy('opportunities.id')
    .limit(limit + 1)
    .execute();
  const page = ranked(rows, limit);
  return {
    more: page.more,
    data: page.rows.map((r) => ({
      id: r.id,
      name: r.name,
      account: { id: r.account_id, name: r.account_name },
      amount: { amountMinor: Number(r.amount_minor), currency: r.currency },
      status: r.status,
      closeDate: r.close_date,
    })),
  };
}

async function plans(scope: Scope, search: Search, limit: number) {
  const rows = await scope
    .selectFrom('plans')
    .innerJoin('opportunities as opp', 'opp.id', 'plans.opportunity_id')
    .innerJoin('accounts as account', 'account.id', 'opp.account_id')
    .select(['plans.id', 'plans.title', 'plans.status', 'plans.target_date', 'plans.search_text', 'opp.id as opportunity_id', 'opp.name as opportunity_name', 'account.id as account_id', 'account.name as account_name'])
    .where(matchesSearch(scope, 'plan', 'plans.id', search))
    .orderBy(searchRank('plans.search_text', search))
    .orderBy(searchLength('plans.search_text'))
    .orderBy('plans.id')
    .limit(limit + 1)
    .execute();
  const page = ranked(rows, limit);
  return {
    more: page.more,
    data: page.rows.map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status,
      targetDate: r.target_date,
      opportunity: { id: r.opportunity_id, name: r.opportunity_name },
      account: { id: r.account_id, name: r.account_name },
    })),
  };
}

export async function searchWorkspace(scope: Scope, query: SearchQuery): Promise<SearchResults> {
  const search = parseSearch(query.q);
  // One connection on SQLite runs them in turn anyway; on PostgreSQL they overlap.
  const [a, c, o, p] = await Promise.all([accounts(scope, search, query.limit), contacts(scope, search, query.limit), opportunities(scope, search, query.limit), plans(scope, search, query.limit)]);
  return { accounts: a, contacts: c, opportunities: o, plans: p };
}
