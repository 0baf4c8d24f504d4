import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Global search reads records whose folded text starts with the query straight from a B-tree on
 * (workspace_id, search_text), in byte order, and stops after a page — however many records match
 * (core/search.ts `rankedSearch`). PostgreSQL compares text by its collation unless told
 * otherwise; `collate "C"` gives the byte order SQLite uses, so both engines rank alike.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const collate = db.getExecutor().adapter instanceof PostgresAdapter ? sql` collate "C"` : sql``;
  for (const table of ['accounts', 'contacts', 'opportunities', 'plans']) {
    await sql`create index ${sql.id(`${table}_ws_search_text`)} on ${sql.table(table)} (workspace_id, search_text${collate})`.execute(db);
  }
}
