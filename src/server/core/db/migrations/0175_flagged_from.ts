import { sql, type Kysely } from 'kysely';

/**
 * `flagged_from` on each deal: the instant from which it carries at least one focus flag, null when
 * none before the next write (src/domain/focus.ts `flaggedFrom`; kept by every write that can move a
 * flag, src/server/features/focus/stored.ts). "Flagged now?" is `flagged_from <= now`.
 *
 * Partial indexes hold only the deals that carry, or will carry, a flag, in the order of the lists
 * that filter on it — the opportunity list's default (newest updated) and the Focus list's (soonest
 * close date, the workspace's and one person's) — with `flagged_from` last, so a walk tests it in the
 * index and reads only the flagged rows, instead of walking every deal and testing each.
 *
 * One more partial index holds only the deals marked to be judged again by this migration: the
 * judging after the migrations (src/server/core/db/migrate.ts) finds them with one probe of a
 * (normally empty) index instead of reading the whole table on every start (0190 does the same for
 * 0165's marker).
 *
 * Existing open deals are marked here and judged with the application's rule right after the
 * migrations, as 0165 does (a migration copies no application code).
 */
const FLAGS_TO_JUDGE = '0000-01-01T00:00:00.000Z';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('opportunities').addColumn('flagged_from', 'text').execute();
  const flagged = (name: string, columns: string) => sql`create index ${sql.id(name)} on opportunities (${sql.raw(columns)}) where flagged_from is not null`.execute(db);
  await flagged('opps_ws_flagged_updated', 'workspace_id, updated_at, id, flagged_from');
  await flagged('opps_ws_flagged_close', 'workspace_id, close_date, id, flagged_from');
  await flagged('opps_ws_owner_flagged_close', 'workspace_id, owner_id, close_date, id, flagged_from');
  await sql`create index opps_flags_to_judge on opportunities (workspace_id, id) where flagged_from = ${sql.lit(FLAGS_TO_JUDGE)}`.execute(db);
  await sql`update opportunities set flagged_from = ${sql.lit(FLAGS_TO_JUDGE)} where status = 'open'`.execute(db);
}
