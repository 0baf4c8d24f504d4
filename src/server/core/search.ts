import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { searchTerms } from '../../domain/search-text.js';
import { dbKind } from './db/connect.js';
import type { Scope } from './scope.js';

/**
 * Full-text search, one module for both engines. Records carry `search_text` (their fields folded by
 * src/domain/search-text.ts); SQLite finds them through FTS5 (`search_fts` over `search_entries`),
 * PostgreSQL through a GIN index on `to_tsvector('simple', search_text)` (migration 0060).
 *
 * A record matches when every word of the query starts one of its words ("north" finds "Northwind
 * Traders", "zoe" finds "Zoë"). Both engines see the same words, so they match the same records; the
 * rank is computed from those words with plain SQL that both evaluate identically (not bm25 or
 * ts_rank, which disagree), so a limited, ranked page is the same on both too.
 */

export type SearchKind = 'account' | 'contact' | 'opportunity' | 'plan';

const TABLES = { account: 'accounts', contact: 'contacts', opportunity: 'opportunities', plan: 'plans' } as const satisfies Record<SearchKind, string>;

export type Search = { terms: string[]; phrase: string };

/** The query's words; `terms` is empty when it has nothing to search for (then nothing matches). */
export function parseSearch(q: string): Search {
  const terms = searchTerms(q);
  return { terms, phrase: terms.join(' ') };
}

/**
 * `idColumn` is the id of a matching record of `kind`, in the scope's workspace. Used with the
 * record's own id (`accounts.id`) or a reference to it (`opportunities.account_id`); either way the
 * engine reads the matches from its text index, never the whole table.
 */
export function matchesSearch(scope: Scope, kind: SearchKind, idColumn: string, search: Search): RawBuilder<SqlBool> {
  if (search.terms.length === 0) return sql<SqlBool>`1 = 0`;
  if (dbKind(scope.db) === 'postgres') {
    // Terms are letters and digits only (the fold removed everything else), so quoting is safe.
    const tsquery = search.terms.map((t) => `'${t}':*`).join(' & ');
    const table = TABLES[kind];
    return sql<SqlBool>`${sql.ref(idColumn)} in (select ${sql.ref(`${table}.id`)} from ${sql.table(table)} where ${sql.ref(`${table}.workspace_id`)} = ${scope.workspaceId} and to_tsvector('simple', ${sql.ref(`${table}.search_text`)}) @@ to_tsquery('simple', ${tsquery}))`;
  }
  const match = search.terms.map((t) => `"${t}"*`).join(' ');
  return sql<SqlBool>`${sql.ref(idColumn)} in (select search_entries.entity_id from search_fts join search_entries on search_entries.rowid = search_fts.rowid where search_fts match ${match} and search_entries.kind = ${kind})`;
}

/**
 * How well a matching record answers the query, lower first: 0 when its name starts with the
 * query's words, whole ("zoe" and "Zoë Adams"); 1 when it starts with them as a prefix ("Zoey
 * Park"); 2 when the words appear whole further on ("Acme North America" for "north"); 3 when they
 * start a later word; 4 when they match apart. Order by this, then `searchLength` (of two equal
 * matches the shorter text is the closer one), then id. Plain LIKE on folded text (no wildcards can
 * occur in it): both engines compute the same rank, so a ranked page is the same on both.
 */
export function searchRank(textColumn: string, search: Search): RawBuilder<number> {
  const text = sql.ref(textColumn);
  const p = search.phrase;
  return sql<number>`case when (${text} || ' ') like ${`${p} %`} then 0 when ${text} like ${`${p}%`} then 1 when (' ' || ${text} || ' ') like ${`% ${p} %`} then 2 when (' ' || ${text}) like ${`% ${p}%`} then 3 else 4 end`;
}

export function searchLength(textColumn: string): RawBuilder<number> {
  return sql<number>`length(${sql.ref(textColumn)})`;
}
