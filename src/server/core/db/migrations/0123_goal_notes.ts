import type { Kysely } from 'kysely';

/**
 * Notes on a goal: the rep's log of what they practised and learned. A learning goal's progress is
 * counted from them (with the lessons of its completed steps).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('goal_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('goal_id', 'text', (c) => c.notNull().references('goals.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('goal_notes_ws_goal').on('goal_notes').columns(['workspace_id', 'goal_id', 'created_at']).execute();
}
