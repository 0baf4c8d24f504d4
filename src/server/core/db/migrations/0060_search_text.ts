import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Full-text search for accounts, contacts, opportunities and plans.
 *
 * Each table gets `search_text`: its searchable fields folded by the application (accents and case
 * removed, punctuation turned into spaces — src/domain/search-text.ts), so both engines index the
 * same words. PostgreSQL indexes it with a GIN index over `to_tsvector('simple', …)` (no extension
 * needed). SQLite indexes it with FTS5; an external-content FTS table needs a stable integer key,
 * which these text-keyed tables do not have (VACUUM may renumber their rowids), so for each table
 * `<table>_search_rows` holds one row per record with an INTEGER PRIMARY KEY, kept in step with the
 * records by triggers, and `<table>_fts` indexes it. Triggers cover every write, bulk loads included.
 *
 * Existing rows are backfilled with a copy of the fold as it is today: a migration must not change
 * what it does when the application's code changes later.
 */

const TABLES = [
  { table: 'accounts', fields: ['name', 'domain'] },
  { table: 'contacts', fields: ['name', 'email', 'title'] },
  { table: 'opportunities', fields: ['name'] },
  { table: 'plans', fields: ['title'] },
] as const;

const SPELLED: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i', ħ: 'h', ŧ: 't', ŀ: 'l' };
const SPELLED_RE = new RegExp(`[${Object.keys(SPELLED).join('')}]`, 'g');

function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(SPELLED_RE, (c) => SPELLED[c] ?? c)
    .replace(/[^\p{L}0-9]+/gu, ' ')
    .trim();
}

const searchText = (fields: (string | null)[]) =>
  fields
    .map((f) => (f ? fold(f) : ''))
    .filter((f) => f !== '')
    .join(' ');

export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const { table, fields } of TABLES) {
    await db.schema.alterTable(table).addColumn('search_text', 'text', (c) => c.notNull().defaultTo('')).execute();
    // Backfill in pages of ids, so a large table is never held in memory at once.
    let after = '';
    for (;;) {
      const rows = (await sql<Record<string, string | null>>`select ${sql.join([sql.ref('id'), ...fields.map((f) => sql.ref(f))])} from ${sql.table(table)} where id > ${after} order by id limit 1000`.execute(db)).rows;
      if (rows.length === 0) break;
      for (const row of rows) {
        const text = searchText(fields.map((f) => row[f] ?? null));
        if (text !== '') await sql`update ${sql.table(table)} set search_text = ${text} where id = ${row.id}`.execute(db);
      }
      after = String(rows[rows.length - 1].id);
    }
  }
  if (postgres) {
    for (const { table } of TABLES) {
      await sql`create index ${sql.id(`${table}_search`)} on ${sql.table(table)} using gin (to_tsvector('simple', search_text))`.execute(db);
    }
    return;
  }
  // Per kind: `<table>_search_rows` (one row per record, a stable integer key) and `<table>_fts`
  // over it, so a search for accounts never reads the index entries of opportunities.
  // unicode61 with remove_diacritics 2 folds what the application's fold already did: a safety net
  // for rows written by hand. Prefix indexes make one- to three-letter prefixes cheap.
  for (const { table } of TABLES) {
    const rows = `${table}_search_rows`;
    const fts = `${table}_fts`;
    const run = (statement: string) => sql.raw(statement).execute(db);
    await run(`create table ${rows} (rowid integer primary key, entity_id text not null unique, body text not null)`);
    await run(`create virtual table ${fts} using fts5(body, content='${rows}', content_rowid='rowid', tokenize="unicode61 remove_diacritics 2", prefix='1 2 3')`);
    await run(`insert into ${rows} (entity_id, body) select id, search_text from ${table} order by id`);
    await run(`insert into ${fts} (${fts}) values ('rebuild')`);
    await run(`create trigger ${rows}_ai after insert on ${rows} begin
      insert into ${fts} (rowid, body) values (new.rowid, new.body);
    end`);
    await run(`create trigger ${rows}_ad after delete on ${rows} begin
      insert into ${fts} (${fts}, rowid, body) values ('delete', old.rowid, old.body);
    end`);
    await run(`create trigger ${rows}_au after update of body on ${rows} begin
      insert into ${fts} (${fts}, rowid, body) values ('delete', old.rowid, old.body);
      insert into ${fts} (rowid, body) values (new.rowid, new.body);
    end`);
    await run(`create trigger ${table}_search_ai after insert on ${table} begin
      insert into ${rows} (entity_id, body) values (new.id, new.search_text);
    end`);
    await run(`create trigger ${table}_search_au after update of search_text on ${table} when new.search_text is not old.search_text begin
      update ${rows} set body = new.search_text where entity_id = new.id;
    end`);
    await run(`create trigger ${table}_search_ad after delete on ${table} begin
      delete from ${rows} where entity_id = old.id;
    end`);
  }
}
