import { sql, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { searchTerms } from '../../domain/search-text.js';
import { dbKind } from './db/connect.js';
import { scopedShapes } from './db/prepared.js';
import { keyset } from './paging.js';
import type { Scope } from './scope.js';

/**
 * Full-text search, one module for both engines. Records carry `search_text` (their fields folded by
 * src/domain/search-text.ts); SQLite finds them through FTS5 (`<table>_fts` over `<table>_search_rows`),
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
export function matchesSearch(scope: Scope, kind: SearchKind, idColumn: string, search: Search, read: 'walk' | 'matches' = 'walk'): RawBuilder<SqlBool> {
  if (search.terms.length === 0) return sql<SqlBool>`1 = 0`;
  return matchesText(scope, kind, idColumn, textQuery(scope, search), read);
}

/** The engine's text-index query for the words: a tsquery on PostgreSQL, an FTS5 query on SQLite (one value, bound). */
export function textQuery(scope: Scope, search: Search): string {
  // Terms are letters and digits only (the fold removed everything else), so quoting is safe.
  if (dbKind(scope.db) === 'postgres') return search.terms.map((t) => `'${t}':*`).join(' & ');
  return search.terms.map((t) => `"${t}"*`).join(' ');
}

/**
 * The text-index query of a ranked search's second step. On SQLite, with several words, each word
 * longer than three letters is asked for by its first three: FTS5 keeps an index of every 1-, 2- and
 * 3-letter prefix (migration 0060), which it reads like a word — skipping through the lists to the
 * records that have all the words — while a longer prefix makes it read and merge every record
 * of every word that starts so, before intersecting. A company's name of three common words cost
 * 581 µs that way at 200 000 accounts against 49 µs by the first three letters. What this lets
 * through is a few more candidates, which the step then checks word by word (`words`). One word
 * alone stays as it is: its matches are the answer, to be read and ranked anyway.
 */
function candidateQuery(scope: Scope, search: Search, several: boolean): string {
  if (!several || dbKind(scope.db) === 'postgres') return textQuery(scope, search);
  return [...new Set(search.terms.map((t) => [...t].slice(0, 3).join('')))].map((t) => `"${t}"*`).join(' ');
}

/** `matchesSearch` with the text-index query given (`textQuery`), so a prepared query can take it as a placeholder. */
function matchesText(scope: Scope, kind: SearchKind, idColumn: string, query: string, read: 'walk' | 'matches'): RawBuilder<SqlBool> {
  if (dbKind(scope.db) === 'postgres') {
    const table = TABLES[kind];
    // Reading the matches themselves (ranked search): the predicate on the record's own row, which
    // the GIN index serves as a bitmap of the matches. As `id in (select id … where …)` PostgreSQL
    // joined the table to itself and, expecting many matches, hashed them and scanned every record
    // to probe. A list walked in its own order (`walk`) keeps the `in` form: the matches are hashed
    // once and each walked row is one lookup, where the predicate would fold every walked row's text.
    if (read === 'matches' && idColumn === `${table}.id`) return sql<SqlBool>`to_tsvector('simple', ${sql.ref(`${table}.search_text`)}) @@ to_tsquery('simple', ${query})`;
    return sql<SqlBool>`${sql.ref(idColumn)} in (select ${sql.ref(`${table}.id`)} from ${sql.table(table)} where ${sql.ref(`${table}.workspace_id`)} = ${scope.workspaceId} and to_tsvector('simple', ${sql.ref(`${table}.search_text`)}) @@ to_tsquery('simple', ${query}))`;
  }
  const rows = sql.table(`${TABLES[kind]}_search_rows`);
  const fts = sql.table(`${TABLES[kind]}_fts`);
  // `rowid in (…match…)` makes SQLite read the matches from the text index first.
  return sql<SqlBool>`${sql.ref(idColumn)} in (select entity_id from ${rows} where rowid in (select rowid from ${fts} where ${fts} match ${query}))`;
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
 * bm25 and ts_rank, which disagree. `make` builds the kind's query (joins, columns, filters) on the
 * scope's workspace; the returned function runs a search, `more` saying matches remain beyond `limit`.
 *
 * Both steps are built once per page size and kept prepared (core/db/prepared.ts): the words travel
 * as values (the phrase's bounds, the text-index query, the rank's patterns), so PostgreSQL plans each
 * step once per connection instead of on every keystroke.
 */
export function rankedSearchOf<DB, TB extends keyof DB, O>(kind: SearchKind, make: (scope: Scope) => SelectQueryBuilder<DB, TB, O>) {
  const table = TABLES[kind];
  const text = sql.ref(`${table}.search_text`);
  const id = sql.ref(`${table}.id`);
  const collated = (scope: Scope) => (dbKind(scope.db) === 'postgres' ? sql`${text} collate "C"` : text);
  type Values = { low: string; high: string; query: string; words: string; whole: string; start: string };
  const firstStep = (scope: Scope, p: Values, limit: number) => {
    const c = collated(scope);
    return make(scope)
      .where(sql<SqlBool>`${c} >= ${p.low} and ${c} < ${p.high}`)
      .orderBy(c)
      .orderBy(id)
      .limit(sql<number>`${sql.lit(limit + 1)}`);
  };
  const restStep = (scope: Scope, p: Values, s: { limit: number; several: boolean }) => {
    const c = collated(scope);
    const byLetters = s.several && dbKind(scope.db) !== 'postgres';
    return make(scope)
      .where(matchesText(scope, kind, `${table}.id`, p.query, 'matches'))
      // SQLite's text index was asked for the words' first letters (`candidateQuery`): each
      // candidate keeps only if every word of the query starts one of its words.
      .$if(byLetters, (q) => q.where(sql<SqlBool>`not exists (select 1 from json_each(${p.words}) where instr(' ' || ${text}, ' ' || value) = 0)`))
      .where(sql<SqlBool>`not (${c} >= ${p.low} and ${c} < ${p.high})`)
      .orderBy(laterRank(text, p.whole, p.start))
      .orderBy(sql`length(${text})`)
      .orderBy(id)
      .limit(sql<number>`${sql.lit(s.limit + 1)}`);
  };
  const first = scopedShapes((scope, p: Values, s: { limit: number }) => firstStep(scope, p, s.limit));
  const rest = scopedShapes((scope, p: Values, s: { limit: number; several: boolean }) => restStep(scope, p, s));
  // PostgreSQL, where each statement is a round trip: both steps in one statement. The app's
  // connections run no parallel plans (connect.ts), so the union's branches run in order and only as
  // far as the outer limit pulls: the second step starts only when the first did not fill the page.
  const both = scopedShapes((scope, p: Values, s: { limit: number; several: boolean }) => {
    const union = sql<O>`select * from ((${firstStep(scope, p, s.limit)}) union all (${restStep(scope, p, s)})) as ranked limit ${sql.lit(s.limit + 1)}`;
    return { compile: () => union.compile(scope.db) };
  });
  return async (scope: Scope, search: Search, limit: number): Promise<{ rows: O[]; more: boolean }> => {
    if (search.terms.length === 0) return { rows: [], more: false };
    const p = search.phrase;
    const several = search.terms.length > 1;
    // Above every folded text that starts with the phrase: folded text never holds U+10FFFF.
    const values: Values = { low: p, high: `${p}\u{10FFFF}`, query: candidateQuery(scope, search, several), words: JSON.stringify(search.terms), whole: `% ${p} %`, start: `% ${p}%` };
    if (dbKind(scope.db) === 'postgres') {
      const rows = (await both.execute(scope, { limit, several }, values)) as O[];
      return { rows: rows.slice(0, limit), more: rows.length > limit };
    }
    const top = (await first.execute(scope, { limit }, values)) as O[];
    if (top.length > limit) return { rows: top.slice(0, limit), more: true };
    const room = limit - top.length;
    const others = (await rest.execute(scope, { limit: room, several }, values)) as O[];
    return { rows: [...top, ...others.slice(0, room)], more: others.length > room };
  };
}

/** For text that does not start with the query: 0 whole words later on, 1 a later word's start, 2 apart (`whole` is `% phrase %`, `start` `% phrase%`). */
function laterRank(text: RawBuilder<unknown>, whole: string, start: string): RawBuilder<number> {
  return sql<number>`case when (' ' || ${text} || ' ') like ${whole} then 0 when (' ' || ${text}) like ${start} then 1 else 2 end`;
}

/**
 * The same test as the text index, on one row's folded text (SQLite only): every term starts one of
 * its words. Folded text is words of letters and digits separated by single spaces (search-text.ts),
 * exactly the tokens FTS5 indexes, and terms are letters and digits, so `instr` on ' ' + text finds
 * the same records as the index's prefix query — at a cost per row that does not depend on how many
 * records of the workspace match.
 */
export function textMatches(search: Search, text: RawBuilder<unknown>): RawBuilder<SqlBool> {
  if (search.terms.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`(${sql.join(
    search.terms.map((t) => sql`instr(' ' || ${text}, ${` ${t}`}) > 0`),
    sql` and `,
  )})`;
}

/** Rows of a list read in order before the text index is asked instead (SQLite only). */
const LIST_PROBE_ROWS = 2000;

type KeysetOptions = { column: string; idColumn: string; descending: boolean; cursor?: string; limit: number };

/**
 * A keyset page of a list filtered by a search (`?q=`): `base` holds every other filter, `match`
 * the search condition on the columns of a row of `base` (given a column's name, it returns how
 * to refer to it).
 *
 * When many records match, reading them all from the text index and sorting them grows with the
 * workspace; walking the list's own index and keeping the matching rows stops after a page. When
 * few match, the walk would read the whole list. PostgreSQL's planner knows how common a word is
 * and picks; SQLite's does not, so on SQLite the first LIST_PROBE_ROWS rows of the page are walked
 * first, and only if they hold fewer than a page of matches are the matches read from the text
 * index. Either way the rows are exactly the matching rows of the list in its order.
 *
 * `lean` is the list's own table with the same filters and no joins, selecting the columns `match`
 * reads besides the id (e.g. `opportunities.account_id`): on SQLite the walk and the text-index
 * read go through it, and only the page's rows are read with `base`'s joins. Walking with the joins
 * looked up every walked row's account, stage and owner: a word in one account name of 32 walks
 * about 1 800 rows for a page of 50.
 *
 * `rowMatch`, when given, is the same condition tested on each walked row's own text (`textMatches`:
 * `lean` then selects the columns it reads too). `match` as an `in (…text index…)` condition makes
 * SQLite first collect every match of the workspace — 600 account ids for a word of one name in 32
 * among 20 000 accounts, 6 000 at ten times the data — so the walk's cost grew with the workspace;
 * tested row by row it stays the cost of the rows walked.
 */
export async function searchKeyset<DB, TB extends keyof DB, O, LDB, LTB extends keyof LDB, LO>(
  scope: Scope,
  base: SelectQueryBuilder<DB, TB, O>,
  match: (column: (name: string) => string) => RawBuilder<SqlBool>,
  opts: KeysetOptions,
  lean?: SelectQueryBuilder<LDB, LTB, LO>,
  rowMatch?: (column: (name: string) => string) => RawBuilder<SqlBool>,
): Promise<O[]> {
  const [, table] = /^(\w+)\./.exec(opts.idColumn) ?? [];
  if (dbKind(scope.db) === 'sqlite') {
    const dir = sql.raw(opts.descending ? 'desc' : 'asc');
    if (lean) {
      const keys = lean.select([sql.ref(opts.idColumn).as('id'), sql.ref(opts.column).as('sort_key')] as never) as unknown as SelectQueryBuilder<LDB, LTB, { id: string }>;
      const { rows: probe } = await sql<{ id: string }>`select probe.id from (${keyset(keys, { ...opts, limit: LIST_PROBE_ROWS - 1 })}) as probe
        where ${(rowMatch ?? match)((name) => `probe.${name}`)}
        order by probe.sort_key ${dir}, probe.id ${dir} limit ${opts.limit + 1}`.execute(scope.db);
      const ids = probe.length > opts.limit ? probe : await keyset(keys.where(match((name) => `${table}.${name}`)), opts).execute();
      if (ids.length === 0) return [];
      return keyset(base.where(sql.ref(opts.idColumn), 'in', ids.map((r) => r.id)), { ...opts, limit: ids.length }).execute();
    }
    const sortColumn = opts.column.split('.').pop() ?? opts.column;
    const { rows: probe } = await sql<O>`select * from (${keyset(base, { ...opts, limit: LIST_PROBE_ROWS - 1 })}) as probe
      where ${match((name) => `probe.${name}`)}
      order by ${sql.ref(`probe.${sortColumn}`)} ${dir}, probe.id ${dir} limit ${opts.limit + 1}`.execute(scope.db);
    if (probe.length > opts.limit) return probe;
  }
  return keyset(base.where(match((name) => `${table}.${name}`)), opts).execute();
}
