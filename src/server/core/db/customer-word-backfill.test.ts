import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { JUDGE_AGAIN, judgeMarkedDeals } from '../../features/commitments/customer-word.js';
import { customerReliabilityByOpportunity } from '../../features/commitments/reliability.js';
import { databaseAsOf, emptyTestDb, isPostgres } from '../../test/harness.js';
import { Scope } from '../scope.js';
import { migrateToLatest } from './migrate.js';

/** Deals whose plans had customer commitments before migration 0165 get their stored word, on both engines. */
describe('migration 0165 (the customer side’s word on the deal)', () => {
  it('judges existing deals with the reliability rule', async () => {
    const { db, at, stamp, insert } = await databaseAsOf('0136_retrospectives');
    await insert('accounts', { id: 'a1', workspace_id: 'w1', name: 'Northwind', owner_id: 'u1', search_text: 'northwind', ...stamp });
    for (const id of ['o1', 'o2']) {
      await insert('opportunities', { id, workspace_id: 'w1', account_id: 'a1', name: id, amount_minor: 100, currency: 'EUR', stage_id: 's1', close_date: '2030-06-30', owner_id: 'u1', status: 'open', search_text: id, ...stamp });
    }
    await insert('plans', { id: 'p1', workspace_id: 'w1', opportunity_id: 'o1', title: 'Rollout', target_date: '2030-06-30', status: 'active', customer_time_zone: 'Europe/Paris', last_activity_at: at, search_text: 'rollout', ...stamp });
    const commitment = (id: string, over: Record<string, unknown>) =>
      insert('commitments', {
        id,
        workspace_id: 'w1',
        plan_id: 'p1',
        subject_kind: 'plan',
        subject_id: 'p1',
        position: 0,
        side: 'customer',
        owner_name: 'Carla',
        title: id,
        due_date: '2026-01-10',
        original_due_date: '2026-01-10',
        status: 'open',
        must_do: 0,
        internal_only: 0,
        ...stamp,
        ...over,
      });
    await commitment('kept', { status: 'done', done_at: '2026-01-09T10:00:00.000Z' });
    await commitment('missed1', { due_date: '2026-01-05', original_due_date: '2026-01-05' });
    await commitment('missed2', { due_date: '2026-01-06', original_due_date: '2026-01-06', must_do: 1 });
    await commitment('ahead', { due_date: '2099-01-06', original_due_date: '2099-01-06' });
    await commitment('seller', { side: 'seller', owner_user_id: 'u1', owner_name: null, due_date: '2026-01-01', original_due_date: '2026-01-01' });

    await migrateToLatest(db);
    const rows = await db
      .selectFrom('opportunities')
      .select(['id', 'customer_judged_count', 'customer_kept_count', 'customer_missed_count', 'customer_open_count', 'customer_judged_weight', 'customer_kept_weight', 'customer_counts_until', 'customer_unreliable_from'])
      .orderBy('id')
      .execute();
    expect(rows[0]).toMatchObject({ id: 'o1', customer_judged_count: 3, customer_kept_count: 1, customer_missed_count: 2, customer_open_count: 1, customer_judged_weight: 4, customer_kept_weight: 1, customer_counts_until: '2099-01-06T23:00:00.000Z' });
    expect(rows[0].customer_unreliable_from).not.toBeNull();
    expect(rows[1]).toMatchObject({ id: 'o2', customer_judged_count: 0, customer_open_count: 0, customer_counts_until: null, customer_unreliable_from: null });
    // The same figure as the read-time rule.
    const rule = (await customerReliabilityByOpportunity(new Scope(db, 'w1'), ['o1'])).get('o1');
    expect({ judged: rule?.counted, kept: rule?.keptOnTime, missed: rule?.missed, open: rule?.open }).toEqual({ judged: 3, kept: 1, missed: 2, open: 1 });
  });

  it('finds marked deals on every start through the partial index of 0190, not a scan of every deal', async () => {
    const db = await emptyTestDb();
    await migrateToLatest(db);
    const query = db.selectFrom('opportunities').select(['opportunities.workspace_id', 'opportunities.id']).where('opportunities.customer_counts_until', '=', sql.lit(JUDGE_AGAIN)).compile();
    let plan: string;
    if (isPostgres()) {
      // An empty table is read sequentially whatever its indexes: forbid that to see which index serves.
      plan = await db.connection().execute(async (c) => {
        await sql`set enable_seqscan = off`.execute(c);
        const rows = (await sql.raw<Record<string, string>>(`explain ${query.sql}`).execute(c)).rows;
        await sql`reset enable_seqscan`.execute(c);
        return rows.map((r) => Object.values(r).join(' ')).join('\n');
      });
    } else {
      plan = (await sql.raw<{ detail: string }>(`explain query plan ${query.sql}`).execute(db)).rows.map((r) => r.detail).join('\n');
    }
    expect(plan).toContain('opps_customer_judge_again');
    expect(await judgeMarkedDeals(db)).toBe(0);
  });
});
