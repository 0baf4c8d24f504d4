import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { flaggedFrom, DEFAULT_FOCUS_THRESHOLDS } from '../../../domain/focus.js';
import { FLAGS_TO_JUDGE, judgeMarkedFlags } from '../../features/focus/stored.js';
import { databaseAsOf, isPostgres } from '../../test/harness.js';
import { migrateToLatest } from './migrate.js';

/** Open deals that existed before migration 0175 get their `flagged_from`, judged by the app's rule; later starts read no table. */
describe('migration 0175 (the instant a deal is flagged from)', () => {
  it('judges existing open deals with the focus rule, leaves closed ones unflagged, and finds marked deals through their own index', async () => {
    const { db, at, stamp, insert } = await databaseAsOf('0165_customer_word');
    await insert('accounts', { id: 'a1', workspace_id: 'w1', name: 'Northwind', owner_id: 'u1', search_text: 'northwind', ...stamp });
    const deal = (id: string, over: Record<string, unknown>) =>
      insert('opportunities', { id, workspace_id: 'w1', account_id: 'a1', name: id, amount_minor: 100, currency: 'EUR', stage_id: 's1', close_date: '2030-06-30', owner_id: 'u1', status: 'open', search_text: id, ...stamp, ...over });
    await deal('fresh', {}); // no commitment to change: flagged from its thirtieth day
    await deal('streak', { no_advance_streak: 3, results_count: 3, change_commitment: 'stated' }); // flagged from the start
    await deal('healthy', { no_advance_streak: 1, results_count: 2, change_commitment: 'evidenced' }); // never
    await deal('won', { status: 'won', closed_at: at, no_advance_streak: 5, results_count: 5 }); // closed: never

    await migrateToLatest(db);
    const rows = await db.selectFrom('opportunities').select(['id', 'flagged_from']).orderBy('id').execute();
    expect(Object.fromEntries(rows.map((r) => [r.id, r.flagged_from]))).toEqual({ fresh: '2026-01-31T00:00:00.000Z', healthy: null, streak: at, won: null });
    const domain = (over: Partial<Parameters<typeof flaggedFrom>[0]>) =>
      flaggedFrom({ status: 'open', createdAt: at, noAdvanceStreak: 0, resultsCount: 0, changeCommitment: 'none', customerUnreliableFrom: null, ...over }, DEFAULT_FOCUS_THRESHOLDS);
    expect(domain({})).toBe('2026-01-31T00:00:00.000Z');

    // Nothing marked any more: the next start judges nothing, and finds that out from the marker's own index.
    expect(await judgeMarkedFlags(db)).toBe(0);
    const plan = isPostgres()
      ? (await sql<{ 'QUERY PLAN': string }>`explain select workspace_id, id from opportunities where flagged_from = ${sql.lit(FLAGS_TO_JUDGE)}`.execute(db)).rows.map((r) => r['QUERY PLAN']).join('\n')
      : (await sql<{ detail: string }>`explain query plan select workspace_id, id from opportunities where flagged_from = ${sql.lit(FLAGS_TO_JUDGE)}`.execute(db)).rows.map((r) => r.detail).join('\n');
    // PostgreSQL may prefer a sequential scan of a table this small; SQLite names the index it uses.
    if (!isPostgres()) expect(plan).toMatch(/opps_flags_to_judge/);
    const customerPlan = isPostgres()
      ? ''
      : (await sql<{ detail: string }>`explain query plan select workspace_id, id from opportunities where customer_counts_until = '0000-01-01T00:00:00.000Z'`.execute(db)).rows.map((r) => r.detail).join('\n');
    if (!isPostgres()) expect(customerPlan).toMatch(/opps_customer_judge_again/);
  });
});
