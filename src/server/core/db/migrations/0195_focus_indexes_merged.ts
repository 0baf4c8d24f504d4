import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Two indexes fewer on deals, the same walks. Migration 0115 indexed open deals by close date
 * (`workspace_id, status, close_date, id`, the workspace's and one person's) and 0175 indexed the
 * deals that carry or will carry a flag in the same order, with `flagged_from` last (partial:
 * `flagged_from is not null`). `flagged_from` is null on every deal that is not open, so the second
 * pair held the open deals of the first in the same order: one index now does both, with
 * `flagged_from` last so a walk of the Focus list still tests it in the index (the flag predicate
 * says `status = 'open'`, focus/flags.ts).
 *
 * Every new deal went into all four, at a place its close date decides (not at the end, as for the
 * update time): importing 100 000 deals spent about a second on each such index. Reads keep the
 * same shape: a range of open deals in close-date order, with the flag tested in the index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const name of ['opps_ws_flagged_close', 'opps_ws_owner_flagged_close', 'opps_ws_status_close_id', 'opps_ws_owner_status_close_id']) {
    await sql`drop index if exists ${sql.id(name)}`.execute(db);
  }
  await sql`create index opps_ws_status_close_flagged on opportunities (workspace_id, status, close_date, id, flagged_from)`.execute(db);
  await sql`create index opps_ws_owner_status_close_flagged on opportunities (workspace_id, owner_id, status, close_date, id, flagged_from)`.execute(db);
  // SQLite plans with the statistics of each index (sqlite_stat1). A database that has them (the
  // running app keeps them, core/db/connect.ts) gets them for the two new indexes now: without, the
  // planner's guesses could turn a walk away from them until the next analysis. One that has none
  // keeps none: statistics for two indexes alone would skew the planner's view of the others.
  // PostgreSQL keeps statistics per column, which the new indexes share with the old ones.
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  const { rows } = await sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'table' and name = 'sqlite_stat1'`.execute(db);
  if (Number(rows[0].n) === 0) return;
  const analyzed = await sql<{ n: number }>`select count(*) as n from sqlite_stat1 where tbl = 'opportunities'`.execute(db);
  if (Number(analyzed.rows[0].n) === 0) return;
  await sql`analyze opps_ws_status_close_flagged`.execute(db);
  await sql`analyze opps_ws_owner_status_close_flagged`.execute(db);
}
