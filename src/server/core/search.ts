import { sql, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { searchTerms } from '../../domain/search-text.js';
import { dbKind } from './db/connect.js';
import type { Scope } from './scope.js';

/**
 * Full-text search, one module for both engines. Records carry `search_text` (their fields folded by
 * src/domain/search-text.ts); SQLite finds them through FTS5 (`search_fts` over `search_entries`),
 * PostgreSQL through a GIN index on `to_tsvector('simple', search_text)` (migrations 0060, 0061).
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
 * Ranked matches of one kind, best first, read in two steps so that typing the start of a name
 * costs the same however large the workspace grows:
 *
 * 1. records whose text starts with the query (their name does: it comes first), from a B-tree
 *    index on (workspace_id, search_text), in byte order of the folded text — which puts a whole
 *    word before a longer one ("zoe adams" before "zoey park") — and stops after `limit + 1`;
 * 2. only when those do not fill the page: the other matches from the text index, ranked by
 *    `laterRank` (whole words before prefixes of later words before words apart), then shorter
 *    text, then id.
 *
 * Both steps are plain comparisons on the folded text, which both engines evaluate alike (byte
 * order: PostgreSQL compares with `collate "C"`), so a ranked page is the same on both — unlike
 * bm25 and ts_rank, which disagree. `make` builds the kind's query (joins, columns, filters) on
 * `table`; `more` says matches remain beyond `limit`.
 */
export async function rankedSearch<DB, TB extends keyof DB, O>(
  scope: Scope,
  kind: SearchKind,
  search: Search,
  limit: number,
  make: () => SelectQueryBuilder<DB, TB, O>,
): Promise<{ rows: O[]; more: boolean }> {
  if (search.terms.length === 0) return { rows: [], more: false };
  const table = TABLES[kind];
  const text = sql.ref(`${table}.search_text`);
  const id = sql.ref(`${table}.id`);
  const c = dbKind(scope.db) === 'postgres' ? sql`${text} collate "C"` : text;
  const low = search.phrase;
  // Above every folded text that starts with the phrase: folded text never holds U+10FFFF.
  const high = `${search.phrase}\u{10FFFF}`;
  const first = await make()
    .where(sql<SqlBool>`${c} >= ${low} and ${c} < ${high}`)
    .orderBy(c)
    .orderBy(id)
    .limit(limit + 1)
    .execute();
  if (first.length > limit) return { rows: first.slice(0, limit), more: true };
  const room = limit - first.length;
  const rest = await make()
    .where(matchesSearch(scope, kind, `${table}.id`, search))
    .where(sql<SqlBool>`not (${c} >= ${low} and ${c} < ${high})`)
    .orderBy(laterRank(text, search))
    .orderBy(sql`length(${text})`)
    .orderBy(id)
    .limit(room + 1)
    .execute();
  return { rows: [...first, ...rest.slice(0, room)], more: rest.length > room };
}

/** For text that does not start with the query: 0 whole words later on, 1 a later word's start, 2 apart. */
function laterRank(text: RawBuilder<unknown>, search: Search): RawBuilder<number> {
  const p = search.phrase;
  return sql<number>`case when (' ' || ${text} || ' ') like ${`% ${p} %`} then 0 when (' ' || ${text}) like ${`% ${p}%`} then 1 else 2 end`;
}
