import type { Kysely } from 'kysely';

/**
 * Yearly targets per rep and fiscal year. The workspace says in which month its fiscal year starts
 * (1 = January) and in which currency targets are set by default. A fiscal year is named by the
 * calendar year in which it starts: with a start month of April, FY2026 runs 2026-04-01 … 2027-03-31.
 * One target per (rep, fiscal year); its currency is stored with it (never add currencies).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('workspaces').addColumn('fiscal_year_start_month', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.alterTable('workspaces').addColumn('target_currency', 'text', (c) => c.notNull().defaultTo('USD')).execute();

  await db.schema
    .createTable('rep_targets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('set_by_id', 'text', (c) => c.references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('rep_targets_one_per_year', ['workspace_id', 'user_id', 'fiscal_year'])
    .execute();
  await db.schema.createIndex('rep_targets_ws_year').on('rep_targets').columns(['workspace_id', 'fiscal_year', 'user_id']).execute();
}
