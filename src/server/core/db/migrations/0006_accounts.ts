import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('domain', 'text')
    .addColumn('industry', 'text')
    .addColumn('size', 'text')
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('notes', 'text')
    .addColumn('archived_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('accounts_ws_name').on('accounts').columns(['workspace_id', 'name', 'id']).execute();
  await db.schema.createIndex('accounts_ws_updated').on('accounts').columns(['workspace_id', 'updated_at', 'id']).execute();
  await db.schema.createIndex('accounts_ws_owner').on('accounts').columns(['workspace_id', 'owner_id', 'name']).execute();
}
