import type { Kysely } from 'kysely';

/**
 * Strategic objectives on accounts: the next major milestone of the relationship, the client goal it
 * serves, a financial target (amount and currency, optional), a target date, a status and an owner.
 * Contributors are workspace users the owner invited; insights are their comment thread; linked
 * opportunities are deals of the same account. Tasks are commitments with subject 'objective' (0090).
 * A notification can link to an objective (an invitation to contribute).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('account_objectives')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('client_goal', 'text')
    .addColumn('target_amount_minor', 'bigint')
    .addColumn('target_currency', 'text')
    .addColumn('target_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('objectives_ws_account').on('account_objectives').columns(['workspace_id', 'account_id', 'target_date']).execute();
  await db.schema.createIndex('objectives_ws_owner').on('account_objectives').columns(['workspace_id', 'owner_id', 'target_date']).execute();

  await db.schema
    .createTable('objective_contributors')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('objective_id', 'text', (c) => c.notNull().references('account_objectives.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('invited_by_id', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('objective_contributors_pk', ['objective_id', 'user_id'])
    .execute();
  await db.schema.createIndex('objective_contributors_ws_user').on('objective_contributors').columns(['workspace_id', 'user_id']).execute();

  await db.schema
    .createTable('objective_opportunities')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('objective_id', 'text', (c) => c.notNull().references('account_objectives.id'))
    .addColumn('opportunity_id', 'text', (c) => c.notNull().references('opportunities.id'))
    .addPrimaryKeyConstraint('objective_opportunities_pk', ['objective_id', 'opportunity_id'])
    .execute();
  await db.schema.createIndex('objective_opportunities_ws_opp').on('objective_opportunities').columns(['workspace_id', 'opportunity_id']).execute();

  await db.schema
    .createTable('objective_insights')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('objective_id', 'text', (c) => c.notNull().references('account_objectives.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('objective_insights_ws_objective').on('objective_insights').columns(['workspace_id', 'objective_id', 'created_at']).execute();

  await db.schema.alterTable('notifications').addColumn('objective_id', 'text', (c) => c.references('account_objectives.id')).execute();
}
