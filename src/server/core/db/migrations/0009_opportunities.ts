import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('opportunities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('stage_id', 'text', (c) => c.notNull().references('stages.id'))
    .addColumn('close_date', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('close_reason', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('archived_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  const idx = (name: string, columns: string[]) =>
    db.schema.createIndex(name).on('opportunities').columns(columns).execute();
  await idx('opps_ws_name', ['workspace_id', 'name', 'id']);
  await idx('opps_ws_updated', ['workspace_id', 'updated_at', 'id']);
  await idx('opps_ws_close', ['workspace_id', 'close_date', 'id']);
  await idx('opps_ws_amount', ['workspace_id', 'amount_minor', 'id']);
  await idx('opps_ws_owner', ['workspace_id', 'owner_id', 'updated_at']);
  await idx('opps_ws_stage', ['workspace_id', 'stage_id', 'updated_at']);
  await idx('opps_ws_account', ['workspace_id', 'account_id', 'updated_at']);
}
