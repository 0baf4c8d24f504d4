import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { databaseAsOf, isPostgres } from '../../test/harness.js';
import { migrateToLatest } from './migrate.js';

const indexesOf = async (db: Awaited<ReturnType<typeof databaseAsOf>>['db']) =>
  isPostgres()
    ? (await sql<{ name: string }>`select indexname as name from pg_indexes where tablename = 'opportunities' and schemaname = current_schema()`.execute(db)).rows.map((r) => r.name)
    : (await sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name = 'opportunities'`.execute(db)).rows.map((r) => r.name);

const statsOf = async (db: Awaited<ReturnType<typeof databaseAsOf>>['db']) =>
  (await sql<{ idx: string }>`select idx from sqlite_stat1 where tbl = 'opportunities'`.execute(db)).rows.map((r) => r.idx);

async function withDeals() {
  const old = await databaseAsOf('0190_judge_again_index');
  await old.insert('accounts', { id: 'a1', workspace_id: 'w1', name: 'Northwind', owner_id: 'u1', search_text: 'northwind', ...old.stamp });
  for (let i = 0; i < 5; i += 1) {
    await old.insert('opportunities', { id: `d${i}`, workspace_id: 'w1', account_id: 'a1', name: `Deal ${i}`, amount_minor: 100, currency: 'EUR', stage_id: 's1', close_date: `2030-06-0${i + 1}`, owner_id: 'u1', status: i < 3 ? 'open' : 'won', search_text: `deal ${i}`, ...old.stamp });
  }
  return old;
}

/** Migration 0195: one index per order of open deals instead of two, and statistics only where there were some. */
describe('migration 0195 (Focus and open-deal indexes merged)', () => {
  it('replaces the four close-date indexes of open and flagged deals with two that carry flagged_from', async () => {
    const { db } = await withDeals();
    await migrateToLatest(db);
    const names = await indexesOf(db);
    expect(names).toEqual(expect.arrayContaining(['opps_ws_status_close_flagged', 'opps_ws_owner_status_close_flagged']));
    for (const gone of ['opps_ws_flagged_close', 'opps_ws_owner_flagged_close', 'opps_ws_status_close_id', 'opps_ws_owner_status_close_id']) expect(names).not.toContain(gone);
  });

  it('analyzes the new indexes (SQLite) when the deals had statistics, and adds none when they had none', async () => {
    const analyzed = await withDeals();
    await sql`analyze opportunities`.execute(analyzed.db);
    await migrateToLatest(analyzed.db);
    if (isPostgres()) {
      // PostgreSQL keeps statistics per column: the new indexes only have to be usable.
      const invalid = await sql<{ n: number }>`select count(*) as n from pg_index i join pg_class c on c.oid = i.indexrelid where c.relname in ('opps_ws_status_close_flagged', 'opps_ws_owner_status_close_flagged') and not i.indisvalid`.execute(analyzed.db);
      expect(Number(invalid.rows[0].n)).toBe(0);
      return;
    }
    expect(await statsOf(analyzed.db)).toEqual(expect.arrayContaining(['opps_ws_status_close_flagged', 'opps_ws_owner_status_close_flagged']));

    // Statistics for another table only: the deals' indexes, old and new, stay without.
    const never = await withDeals();
    await sql`analyze accounts`.execute(never.db);
    await migrateToLatest(never.db);
    expect(await statsOf(never.db)).toEqual([]);
  });
});
