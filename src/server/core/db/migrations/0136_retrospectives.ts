import { sql, type Kysely } from 'kysely';

/**
 * Retrospectives on closed deals: the deal's owner ('rep') and, separately, their manager
 * ('manager') each answer the process questions once (and may revise their answers, versioned). One
 * row per deal and perspective. The outcome-blind process score is derived from the data on read,
 * never stored; the answers are kept apart from each other until both are in (the service decides).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const answer = (name: string) => sql.raw(`${name} in ('yes', 'partly', 'no')`);
  await db.schema
    .createTable('retrospective_answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('opportunity_id', 'text', (c) => c.notNull().references('opportunities.id'))
    .addColumn('perspective', 'text', (c) => c.notNull())
    .addColumn('respondent_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('planned_outcomes', 'text', (c) => c.notNull())
    .addColumn('advances_won', 'text', (c) => c.notNull())
    .addColumn('customer_kept', 'text', (c) => c.notNull())
    .addColumn('mutual_plan', 'text', (c) => c.notNull())
    .addColumn('change_commitment', 'text', (c) => c.notNull())
    .addColumn('process_judgement', 'text', (c) => c.notNull())
    .addColumn('lesson', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('retrospective_perspective', sql`perspective in ('rep', 'manager')`)
    .addCheckConstraint('retrospective_judgement', sql`process_judgement in ('sound', 'weak')`)
    .addCheckConstraint(
      'retrospective_answers_known',
      sql`${answer('planned_outcomes')} and ${answer('advances_won')} and ${answer('customer_kept')} and ${answer('mutual_plan')} and ${answer('change_commitment')}`,
    )
    .execute();
  await db.schema.createIndex('retrospective_answers_one').on('retrospective_answers').columns(['workspace_id', 'opportunity_id', 'perspective']).unique().execute();
}
