import type { Kysely } from 'kysely';

/**
 * Coaching in a check-in: the why ladder run with the rep (issue 12 point 7). The ladder itself is a
 * row of why_ladders (0120) owned by the REP; this row only says which check-in it was climbed in, by
 * which manager, which rungs were written in the session (`rung_ids`, JSON: the manager reads those
 * and nothing else of the rep's ladders, and only while the session is open), and when it closed.
 * One per check-in.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('check_in_coaching')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('check_in_id', 'text', (c) => c.notNull().references('check_ins.id').unique())
    .addColumn('ladder_id', 'text', (c) => c.notNull().references('why_ladders.id'))
    .addColumn('manager_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('rung_ids', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
