import type { SearchQuery, SearchResults } from '../../../shared/search.js';
import type { Scope } from '../../core/scope.js';
import { parseSearch, rankedSearchOf, type Search } from '../../core/search.js';

/**
 * The global search: the best matches of each kind (core/search.ts ranks them), archived records
 * left out. Plans have no archive: every plan of the workspace can be found.
 */

const accountMatches = rankedSearchOf('account', (scope) =>
  scope
    .selectFrom('accounts')
    .innerJoin('users as owner', 'owner.id', 'accounts.owner_id')
    .select(['accounts.id', 'accounts.name', 'accounts.domain', 'owner.id as owner_id', 'owner.name as owner_name'])
    .where('accounts.archived_at', 'is', null),
);

async function accounts(scope: Scope, search: Search, limit: number): Promise<SearchResults['accounts']> {
  const { rows, more } = await accountMatches(scope, search, limit);
  return { more, data: rows.map((r) => ({ id: r.id, name: r.name, domain: r.domain, owner: { id: r.owner_id, name: r.owner_name } })) };
}

const contactMatches = rankedSearchOf('contact', (scope) =>
  scope
    .selectFrom('contacts')
    .innerJoin('accounts as account', 'account.id', 'contacts.account_id')
    .select(['contacts.id', 'contacts.name', 'contacts.title', 'contacts.email', 'account.id as account_id', 'account.name as account_name'])
    .where('contacts.archived_at', 'is', null),
);

async function contacts(scope: Scope, search: Search, limit: number): Promise<SearchResults['contacts']> {
  const { rows, more } = await contactMatches(scope, search, limit);
  return { more, data: rows.map((r) => ({ id: r.id, name: r.name, title: r.title, email: r.email, account: { id: r.account_id, name: r.account_name } })) };
}

const opportunityMatches = rankedSearchOf('opportunity', (scope) =>
  scope
    .selectFrom('opportunities')
    .innerJoin('accounts as account', 'account.id', 'opportunities.account_id')
    .select(['opportunities.id', 'opportunities.name', 'opportunities.amount_minor', 'opportunities.currency', 'opportunities.status', 'opportunities.close_date', 'account.id as account_id', 'account.name as account_name'])
    .where('opportunities.archived_at', 'is', null),
);

async function opportunities(scope: Scope, search: Search, limit: number): Promise<SearchResults['opportunities']> {
  const { rows, more } = await opportunityMatches(scope, search, limit);
  return {
    more,
    data: rows.map((r) => ({
      id: r.id,
      name: r.name,
      account: { id: r.account_id, name: r.account_name },
      amount: { amountMinor: Number(r.amount_minor), currency: r.currency },
      status: r.status,
      closeDate: r.close_date,
    })),
  };
}

const planMatches = rankedSearchOf('plan', (scope) =>
  scope
    .selectFrom('plans')
    .innerJoin('opportunities as opp', 'opp.id', 'plans.opportunity_id')
    .innerJoin('accounts as account', 'account.id', 'opp.account_id')
    .select(['plans.id', 'plans.title', 'plans.status', 'plans.target_date', 'opp.id as opportunity_id', 'opp.name as opportunity_name', 'account.id as account_id', 'account.name as account_name']),
);

async function plans(scope: Scope, search: Search, limit: number): Promise<SearchResults['plans']> {
  const { rows, more } = await planMatches(scope, search, limit);
  return {
    more,
    data: rows.map((r) => ({
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
  // SQLite's one connection runs them in turn anyway; on PostgreSQL they overlap.
  const [a, c, o, p] = await Promise.all([accounts(scope, search, query.limit), contacts(scope, search, query.limit), opportunities(scope, search, query.limit), plans(scope, search, query.limit)]);
  return { accounts: a, contacts: c, opportunities: o, plans: p };
}
