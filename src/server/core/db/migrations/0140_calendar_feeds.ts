import type { Kysely } from 'kysely';

/**
 * Calendar feeds: each person's secret iCalendar URL. The URL carries 256 random bits; only their
 * SHA-256 is stored, so nobody can show a lost URL again (it is revoked and a new one made). A person
 * has at most one live feed (revoked_at null); revoked rows stay for the audit trail and "last used".
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('calendar_feeds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('last_used_at', 'text')
    .execute();
  await db.schema.createIndex('calendar_feeds_user').on('calendar_feeds').columns(['workspace_id', 'user_id', 'revoked_at']).execute();
}
