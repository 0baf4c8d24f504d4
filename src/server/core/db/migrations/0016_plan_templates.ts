import type { Kysely } from 'kysely';

/**
 * Workspace plan templates. `content` is JSON (milestones and commitments with due-date offsets);
 * `builtin_key` marks the ones shipped with Advance, so they are created once per workspace.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('plan_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('builtin_key', 'text')
    .addColumn('length_days', 'integer', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_by_id', 'text', (c) => c.references('users.id'))
    .addColumn('archived_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_templates_ws_name').on('plan_templates').columns(['workspace_id', 'name', 'id']).execute();
  await db.schema.createIndex('plan_templates_ws_builtin').on('plan_templates').columns(['workspace_id', 'builtin_key']).unique().execute();
}
