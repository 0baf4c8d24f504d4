import type { Kysely } from 'kysely';

/** The session lookup finds the teams a manager leads on every request: an index, not a scan. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('teams_ws_manager').on('teams').columns(['workspace_id', 'manager_id']).execute();
}
