import { sql, type Kysely } from 'kysely';

/**
 * The steps of a what goal: one tiny next step at a time. A step is `current` until it is done (with
 * what was learned: `lesson`, on the owner's calendar day `done_on`) or set aside (the goal was
 * closed, or the step replaced before it was done). There is no list of future steps.
 *
 * The database itself refuses a second current step for a goal: a unique index over `goal_id`
 * restricted to current steps (a partial index, on SQLite and PostgreSQL alike). That an ACTIVE goal
 * has one is kept by the writes that create a goal, complete a step and reopen a goal, each in one
 * transaction with its next step.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('goal_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('goal_id', 'text', (c) => c.notNull().references('goals.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('lesson', 'text')
    .addColumn('done_at', 'text')
    .addColumn('done_on', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('goal_steps_known', sql`status in ('current', 'done', 'set_aside') and (status = 'done') = (done_at is not null)`)
    .addUniqueConstraint('goal_steps_one_per_position', ['goal_id', 'position'])
    .execute();
  await db.schema.createIndex('goal_steps_one_current').on('goal_steps').column('goal_id').unique().where(sql.ref('status'), '=', 'current').execute();
  await db.schema.createIndex('goal_steps_ws_goal').on('goal_steps').columns(['workspace_id', 'goal_id', 'position']).execute();
}
