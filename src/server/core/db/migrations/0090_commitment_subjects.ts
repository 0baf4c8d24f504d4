import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * One commitment engine for every kind of subject: a commitment belongs to a mutual plan (as
 * before), an account objective (its tasks), an interaction (its agreed actions) or a check-in.
 *
 * `subject_kind` + `subject_id` name what it belongs to, so one index serves "the commitments of
 * this subject" for every kind and a new kind needs no new column. `plan_id` stays as the foreign
 * key of the plan kind (existing plan queries and the plan's integrity are unchanged) and becomes
 * nullable; a CHECK keeps the two in step: plan_id is set exactly when the subject is a plan, and
 * then equals subject_id. A renegotiation's `plan_id` becomes nullable likewise (a re-dated
 * objective task has no plan).
 *
 * SQLite cannot drop NOT NULL in place: both tables are rebuilt (create, copy every row, drop,
 * rename, recreate indexes) with foreign keys off for the swap and checked before committing.
 * PostgreSQL alters them in place. Neither table has search triggers (0060 covers accounts,
 * contacts, opportunities and plans only).
 */

const SUBJECT_KINDS = ['plan', 'objective', 'interaction', 'check_in'];
const kinds = SUBJECT_KINDS.map((k) => `'${k}'`).join(', ');
const oneSubject = `subject_kind in (${kinds}) and ((subject_kind = 'plan') = (plan_id is not null)) and (plan_id is null or plan_id = subject_id)`;

const COMMITMENT_COLUMNS = [
  'id', 'workspace_id', 'plan_id', 'milestone_id', 'position', 'side', 'owner_user_id', 'owner_contact_id', 'owner_name', 'owner_email', 'role', 'title',
  'detail', 'due_date', 'original_due_date', 'must_do', 'internal_only', 'status', 'drop_reason', 'done_at', 'version', 'created_at', 'updated_at',
];
const RENEGOTIATION_COLUMNS = [
  'id', 'workspace_id', 'plan_id', 'commitment_id', 'from_date', 'to_date', 'reason', 'status', 'requested_by_side', 'requested_by_user_id',
  'requested_by_name', 'requested_at', 'in_advance', 'decided_by_side', 'decided_by_user_id', 'decided_by_name', 'decided_at', 'note',
];

async function commitmentIndexes(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('commitments_ws_plan').on('commitments').columns(['workspace_id', 'plan_id', 'position']).execute();
  await db.schema.createIndex('commitments_ws_owner_user').on('commitments').columns(['workspace_id', 'owner_user_id', 'due_date']).execute();
  await db.schema.createIndex('commitments_ws_owner_contact').on('commitments').columns(['workspace_id', 'owner_contact_id']).execute();
}

async function renegotiationIndexes(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('renegotiations_ws_plan').on('commitment_renegotiations').columns(['workspace_id', 'plan_id']).execute();
  await db.schema.createIndex('renegotiations_ws_commitment').on('commitment_renegotiations').columns(['workspace_id', 'commitment_id', 'requested_at']).execute();
  await db.schema.createIndex('renegotiations_one_pending').on('commitment_renegotiations').column('commitment_id').unique().where(sql.ref('status'), '=', 'pending').execute();
  await db.schema.createIndex('renegotiations_ws_status').on('commitment_renegotiations').columns(['workspace_id', 'status']).execute();
}

async function rebuildOnSqlite(db: Kysely<unknown>): Promise<void> {
  const cols = (names: string[]) => sql.join(names.map((n) => sql.ref(n)));
  await db.schema
    .createTable('commitments_new')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text', (c) => c.references('plans.id'))
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
    .addCheckConstraint('commitments_one_subject', sql.raw(oneSubject))
    .execute();
  await sql`insert into commitments_new (subject_kind, subject_id, ${cols(COMMITMENT_COLUMNS)}) select 'plan', plan_id, ${cols(COMMITMENT_COLUMNS)} from commitments`.execute(db);

  await db.schema
    .createTable('renegotiations_new')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('plan_id', 'text', (c) => c.references('plans.id'))
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
  await sql`insert into renegotiations_new (${cols(RENEGOTIATION_COLUMNS)}) select ${cols(RENEGOTIATION_COLUMNS)} from commitment_renegotiations`.execute(db);

  await db.schema.dropTable('commitment_renegotiations').execute();
  await db.schema.dropTable('commitments').execute();
  await db.schema.alterTable('commitments_new').renameTo('commitments').execute();
  await db.schema.alterTable('renegotiations_new').renameTo('commitment_renegotiations').execute();
}

export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table commitments alter column plan_id drop not null`.execute(db);
    await sql`alter table commitments add column subject_kind text, add column subject_id text`.execute(db);
    await sql`update commitments set subject_kind = 'plan', subject_id = plan_id`.execute(db);
    await sql`alter table commitments alter column subject_kind set not null, alter column subject_id set not null`.execute(db);
    await sql`alter table commitments add constraint commitments_one_subject check (${sql.raw(oneSubject)})`.execute(db);
    await sql`alter table commitment_renegotiations alter column plan_id drop not null`.execute(db);
  } else {
    // Kysely runs SQLite migrations outside a transaction, so foreign keys can be turned off for the
    // swap (dropping a referenced table would otherwise fail) and the rebuild still commits as one.
    const { rows } = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
    const enforced = rows[0]?.foreign_keys === 1;
    await sql`pragma foreign_keys = off`.execute(db);
    try {
      await sql`begin`.execute(db);
      try {
        await rebuildOnSqlite(db);
        await commitmentIndexes(db);
        await renegotiationIndexes(db);
        const broken = await sql`pragma foreign_key_check`.execute(db);
        if (broken.rows.length > 0) throw new Error(`0090: ${broken.rows.length} rows break a foreign key after the rebuild`);
        await sql`commit`.execute(db);
      } catch (error) {
        await sql`rollback`.execute(db);
        throw error;
      }
    } finally {
      if (enforced) await sql`pragma foreign_keys = on`.execute(db);
    }
  }
  // Every kind's commitments of one subject, in order (plans keep their own index above).
  await db.schema.createIndex('commitments_ws_subject').on('commitments').columns(['workspace_id', 'subject_kind', 'subject_id', 'position']).execute();
}
