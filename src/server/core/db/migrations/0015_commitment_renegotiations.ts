import { sql, type Kysely } from 'kysely';

/** Every proposed or applied change of a commitment's due date: who, when, why, from → to, and the answer. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('commitment_renegotiations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
    .addColumn('commitment_id', 'text', (c) => c.notNull().references('commitments.id'))
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('to_date', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_by_side', 'text', (c) => c.notNull())
    .addColumn('requested_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('requested_by_name', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('in_advance', 'integer', (c) => c.notNull())
    .addColumn('decided_by_side', 'text')
    .addColumn('decided_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('decided_by_name', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('renegotiations_ws_plan').on('commitment_renegotiations').columns(['workspace_id', 'plan_id']).execute();
  await db.schema.createIndex('renegotiations_ws_commitment').on('commitment_renegotiations').columns(['workspace_id', 'commitment_id', 'requested_at']).execute();
  // At most one new date waits for an answer per commitment, even when two are proposed at once.
  await db.schema
    .createIndex('renegotiations_one_pending')
    .on('commitment_renegotiations')
    .column('commitment_id')
    .unique()
    .where(sql.ref('status'), '=', 'pending')
    .execute();
  await db.schema.createIndex('renegotiations_ws_status').on('commitment_renegotiations').columns(['workspace_id', 'status']).execute();
}
