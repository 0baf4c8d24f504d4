import type { Kysely } from 'kysely';

/**
 * Commitments on a plan, seller or customer side. The owner is a user (seller side), a contact, or a
 * name and email (customer side). `original_due_date` keeps the first date; changes are renegotiations.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('commitments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
    .addColumn('milestone_id', 'text', (c) => c.references('plan_milestones.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('owner_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('owner_contact_id', 'text', (c) => c.references('contacts.id'))
    .addColumn('owner_name', 'text')
    .addColumn('owner_email', 'text')
    .addColumn('role', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('original_due_date', 'text', (c) => c.notNull())
    .addColumn('must_do', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('internal_only', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('drop_reason', 'text')
    .addColumn('done_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('commitments_ws_plan').on('commitments').columns(['workspace_id', 'plan_id', 'position']).execute();
  // Today and reliability per person read one owner's commitments across plans.
  await db.schema.createIndex('commitments_ws_owner_user').on('commitments').columns(['workspace_id', 'owner_user_id', 'due_date']).execute();
  await db.schema.createIndex('commitments_ws_owner_contact').on('commitments').columns(['workspace_id', 'owner_contact_id']).execute();
}
