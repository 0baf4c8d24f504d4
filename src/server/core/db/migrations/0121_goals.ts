import { sql, type Kysely } from 'kysely';

/**
 * What goals: kind (outcome, process, learning), title, a period (first and last day, in the owner's
 * zone), an optional measure Advance computes (src/domain/goal-measures.ts) with an optional target,
 * an optional link to the owner's why, a stretch flag and a status.
 *
 * - `set_by_id`: the owner, or the manager (or admin) who set an outcome goal — a quota — for them.
 * - Target: `target_amount_minor` + `target_currency` for revenue; `target_value` for everything else
 *   (a count, a weekly figure, or a rate in percent).
 * - `measure_amount_minor` + `measure_currency`: the amount from which an open deal counts (deals
 *   with a mutual plan).
 * - Amounts are bigint minor units: PostgreSQL returns them as strings, read with Number().
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('goals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('set_by_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('measure', 'text')
    .addColumn('measure_amount_minor', 'bigint')
    .addColumn('measure_currency', 'text')
    .addColumn('target_value', 'double precision')
    .addColumn('target_amount_minor', 'bigint')
    .addColumn('target_currency', 'text')
    .addColumn('why_id', 'text', (c) => c.references('why_ladders.id'))
    .addColumn('stretch', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('goals_known', sql`kind in ('outcome', 'process', 'learning') and status in ('active', 'done', 'dropped') and stretch in (0, 1) and period_start <= period_end`)
    .execute();
  await db.schema.createIndex('goals_ws_owner').on('goals').columns(['workspace_id', 'owner_id', 'id']).execute();
  await db.schema.createIndex('goals_ws_why').on('goals').columns(['workspace_id', 'why_id']).execute();
}
