import type { Kysely } from 'kysely';

/**
 * Notifications carry what happened as data (dates formatted by the reader's app), who did it, the
 * share link it came through and how many events a burst from that link grouped.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('notifications').addColumn('actor_name', 'text').execute();
  await db.schema.alterTable('notifications').addColumn('data', 'text').execute();
  await db.schema.alterTable('notifications').addColumn('share_link_id', 'text').execute();
  await db.schema.alterTable('notifications').addColumn('event_count', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.alterTable('notifications').addColumn('last_event_at', 'text').execute();
}
