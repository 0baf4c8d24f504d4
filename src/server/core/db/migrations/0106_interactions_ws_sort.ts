import type { Kysely } from 'kysely';

/**
 * A workspace's interactions by when they happen, for lists that filter by nothing but their state
 * (everyone's upcoming calls, everyone's results): keyset pages on (sort_at, id) through the index
 * instead of sorting every interaction of the workspace. Filtered lists use 0093's indexes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('interactions_ws_sort').on('interactions').columns(['workspace_id', 'sort_at', 'id']).execute();
}
