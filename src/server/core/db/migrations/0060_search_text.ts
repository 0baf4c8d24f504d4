import { sql, type Kysely } from 'kysely';
import { dbKind } from '../connect.js';

/**
 * Full-text search for accounts, contacts, opportunities and plans.
 *
 * Each table gets `search_text`: its searchable fields folded by the application (accents and case
 * removed, punctuation turned into spaces — src/domain/search-text.ts), so both engines index the
 * same words. PostgreSQL indexes it with a GIN index over `to_tsvector('simple', …)` (no extension
 * needed). SQLite indexes it with FTS5; an external-content FTS table needs a stable integer key,
 * which these text-keyed tables do not have (VACUUM may renumber their rowids), so `search_entries`
 * holds one row per record with an INTEGER PRIMARY KEY, kept in step with the records by triggers,
 * and `search_fts` indexes it. Triggers cover every write, bulk loads included.
 *
 * Existing rows are backfilled with a copy of the fold as it is today: a migration must not change
 * what it does when the application's code changes later.
 */

const TABLES = [
  { table: 'accounts', kind: 'account', fields: ['name', 'domain'] },
  { table: 'contacts', kind: 'contact', fields: ['name', 'email', 'title'] },
  { table: 'opportunities', kind: 'opportunity', fields: ['name'] },
  { table: 'plans', kind: 'plan', fields: ['title'] },
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
  const postgres = dbKind(db) === 'postgres';
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
  await sql`create table search_entries (
    rowid integer primary key,
    entity_id text not null unique,
    kind text not null,
    body text not null
  )`.execute(db);
  // unicode61 with remove_diacritics 2 folds what the application's fold already did: a safety net
  // for rows written by hand. Prefix indexes make one- to three-letter prefixes cheap.
  await sql`create virtual table search_fts using fts5(body, content='search_entries', content_rowid='rowid', tokenize="unicode61 remove_diacritics 2", prefix='1 2 3')`.execute(db);
  await sql`create trigger search_entries_ai after insert on search_entries begin
    insert into search_fts(rowid, body) values (new.rowid, new.body);
  end`.execute(db);
  await sql`create trigger search_entries_ad after delete on search_entries begin
    insert into search_fts(search_fts, rowid, body) values ('delete', old.rowid, old.body);
  end`.execute(db);
  await sql`create trigger search_entries_au after update of body on search_entries begin
    insert into search_fts(search_fts, rowid, body) values ('delete', old.rowid, old.body);
    insert into search_fts(rowid, body) values (new.rowid, new.body);
  end`.execute(db);
  for (const { table, kind } of TABLES) {
    await sql`insert into search_entries (entity_id, kind, body) select id, ${sql.lit(kind)}, search_text from ${sql.table(table)} order by id`.execute(db);
    await sql.raw(`create trigger ${table}_search_ai after insert on ${table} begin
      insert into search_entries (entity_id, kind, body) values (new.id, '${kind}', new.search_text);
    end`).execute(db);
    await sql.raw(`create trigger ${table}_search_au after update of search_text on ${table} when new.search_text is not old.search_text begin
      update search_entries set body = new.search_text where entity_id = new.id;
    end`).execute(db);
    await sql.raw(`create trigger ${table}_search_ad after delete on ${table} begin
      delete from search_entries where entity_id = old.id;
    end`).execute(db);
  }
}
