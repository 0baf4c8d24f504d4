import type { Kysely } from 'kysely';

/**
 * Coaching figures read a team's deals closed in a period, per rep and week: an index on
 * (workspace, owner, closed_at) reads exactly those rows. (Interactions already have
 * (workspace, owner, sort_at) from 0093; commitments (workspace, owner, due date) from 0090.)
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('opps_ws_owner_closed').on('opportunities').columns(['workspace_id', 'owner_id', 'closed_at']).execute();
}
