import { sql, type Kysely } from 'kysely';

/**
 * Why ladders: a rep's answers to "What will that get you?", rung after rung, and the why goal they
 * lead to. Private to their owner unless shared with the rep's manager (`shared_with_manager`): no
 * other person, admins included, reads them through any route (features/goals/access.ts).
 *
 * - `stopped_changing`: the rep said the answer has stopped changing (a repeated rung ends the ladder
 *   by itself: that is read from the rungs, src/domain/why-ladder.ts). A new rung clears it.
 * - `why`: the why goal the rep saved (the proposal, edited as they like); null until saved.
 * - Rungs are kept in order, one per position; they are never changed or removed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('why_ladders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('why', 'text')
    .addColumn('why_saved_at', 'text')
    .addColumn('stopped_changing', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('shared_with_manager', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('shared_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('why_ladders_flags', sql`stopped_changing in (0, 1) and shared_with_manager in (0, 1)`)
    .execute();
  await db.schema.createIndex('why_ladders_ws_owner').on('why_ladders').columns(['workspace_id', 'owner_id', 'id']).execute();

  await db.schema
    .createTable('why_rungs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('ladder_id', 'text', (c) => c.notNull().references('why_ladders.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('why_rungs_one_per_position', ['ladder_id', 'position'])
    .execute();
  await db.schema.createIndex('why_rungs_ws_ladder').on('why_rungs').columns(['workspace_id', 'ladder_id', 'position']).execute();
}
