import type { Kysely } from 'kysely';

/**
 * The Focus list walks open deals soonest close date first, for the workspace or for one person.
 * Closed deals keep their close date (in the past), so walking the plain close-date indexes went
 * through every closed deal first — a cost that grew with the workspace's history. With the status
 * in the key, the walk starts at the first open deal (a team's list walks each member's own range).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const idx = (name: string, columns: string[]) => db.schema.createIndex(name).on('opportunities').columns(columns).execute();
  await idx('opps_ws_status_close_id', ['workspace_id', 'status', 'close_date', 'id']);
  await idx('opps_ws_owner_status_close_id', ['workspace_id', 'owner_id', 'status', 'close_date', 'id']);
}
