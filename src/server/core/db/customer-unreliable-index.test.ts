import { CompiledQuery, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { flagPredicate } from '../../features/focus/flags.js';
import { databaseAsOf, isPostgres } from '../../test/harness.js';
import { migrateToLatest } from './migrate.js';

/**
 * Migration 0200: the list of deals whose customer may not keep their word reads a partial index of
 * those deals — on PostgreSQL in update order, also in the generic plan, the one a prepared statement
 * keeps when it cannot see the instant it compares with (without 0200, that plan walked every deal
 * of the workspace); on SQLite, which plans for the values, a range of 0165's index.
 */
describe('the customer_unreliable list (migration 0200)', () => {
  it('is planned on the partial index of flagged customers, for any instant', async () => {
    const { db, insert, stamp } = await databaseAsOf('0195_focus_indexes_merged');
    await insert('accounts', { id: 'a1', workspace_id: 'w1', name: 'Northwind', owner_id: 'u1', search_text: 'northwind', ...stamp });
    await migrateToLatest(db);
    // Enough deals for the planners to tell a walk of them all from a walk of the few flagged ones.
    const values = Array.from({ length: 3000 }, (_, i) => {
      const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
      const unreliable = i % 500 === 0 ? '2026-02-01T00:00:00.000Z' : null;
      return sql`(${`d${i}`}, 'w1', 'a1', ${`Deal ${i}`}, 100, 'EUR', 's1', '2030-06-01', 'u1', 'open', ${`deal ${i}`}, 1, ${at}, ${at}, ${unreliable})`;
    });
    await sql`insert into opportunities (id, workspace_id, account_id, name, amount_minor, currency, stage_id, close_date, owner_id, status, search_text, version, created_at, updated_at, customer_unreliable_from) values ${sql.join(values)}`.execute(db);
    await sql`analyze opportunities`.execute(db);

    const query = db
      .selectFrom('opportunities')
      .select(['id', 'name'])
      .where('workspace_id', '=', 'w1')
      .where('archived_at', 'is', null)
      .where(flagPredicate('customer_unreliable', { now: '2026-11-28T00:00:00.000Z', streak: 3, openedBefore: '2026-11-01T00:00:00.000Z', interactions: 3 }))
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
      .limit(51);
    const rows = await query.execute();
    expect(rows.map((r) => r.id)).toEqual(['d2500', 'd2000', 'd1500', 'd1000', 'd500', 'd0']);

    const compiled = query.compile();
    const plan = await db.connection().execute(async (c) => {
      if (!isPostgres()) {
        const explained = await c.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]));
        return explained.rows.map((r) => r.detail).join('\n');
      }
      // The plan a prepared statement keeps for any values (the app's list pages are prepared: core/db/prepared.ts).
      await sql.raw(`prepare unreliable_walk as ${compiled.sql}`).execute(c);
      await sql`set plan_cache_mode = force_generic_plan`.execute(c);
      try {
        const args = sql.join(compiled.parameters.map((p) => sql.lit(p)));
        const explained = await sql<{ 'QUERY PLAN': string }>`explain execute unreliable_walk (${args})`.execute(c);
        return explained.rows.map((r) => r['QUERY PLAN']).join('\n');
      } finally {
        await sql`reset plan_cache_mode`.execute(c);
        await sql`deallocate unreliable_walk`.execute(c);
      }
    });
    // SQLite takes a range of 0165's index; PostgreSQL's generic plan walks 0200's.
    expect(plan).toMatch(isPostgres() ? /opps_ws_customer_unreliable_updated/ : /opps_ws_customer_unreliable \(workspace_id=\? AND customer_unreliable_from<\?\)/);
  });
});
