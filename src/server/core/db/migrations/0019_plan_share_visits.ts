import type { Kysely } from 'kysely';

/** Each time a customer opens their link: when, and through which link (nothing about their device). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('plan_share_visits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('share_link_id', 'text', (c) => c.notNull().references('plan_share_links.id'))
    .addColumn('visited_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_share_visits_ws_link').on('plan_share_visits').columns(['workspace_id', 'share_link_id', 'visited_at']).execute();
}
