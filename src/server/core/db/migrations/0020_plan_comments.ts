import type { Kysely } from 'kysely';

/** Comments on a plan, from the customer (through a share link) or the seller side. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('plan_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
    .addColumn('author_side', 'text', (c) => c.notNull())
    .addColumn('author_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('share_link_id', 'text', (c) => c.references('plan_share_links.id'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_comments_ws_plan').on('plan_comments').columns(['workspace_id', 'plan_id', 'id']).execute();
}
