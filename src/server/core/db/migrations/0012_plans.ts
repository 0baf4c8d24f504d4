import type { Kysely } from 'kysely';

/** Mutual plans: one per opportunity. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('opportunity_id', 'text', (c) => c.notNull().unique().references('opportunities.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('agreed_outcome', 'text')
    .addColumn('why_it_matters', 'text')
    .addColumn('cost_of_inaction', 'text')
    .addColumn('start_date', 'text')
    .addColumn('target_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('customer_time_zone', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('last_activity_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plans_ws_activity').on('plans').columns(['workspace_id', 'last_activity_at', 'id']).execute();
  await db.schema.createIndex('plans_ws_target').on('plans').columns(['workspace_id', 'target_date', 'id']).execute();
}
