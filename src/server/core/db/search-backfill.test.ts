import { describe, expect, it } from 'vitest';
import { searchWorkspace } from '../../features/search/queries.js';
import { databaseAsOf, isPostgres } from '../../test/harness.js';
import { Scope } from '../scope.js';
import { dbKind } from './connect.js';
import { migrateToLatest } from './migrate.js';

/** Records written before search existed are found after migration 0060, on both engines. */
describe('migration 0060 (search text)', () => {
  it('backfills the search text of existing records and indexes it', async () => {
    const { db, at, stamp, insert } = await databaseAsOf('0021_notifications');
    // Written the way rows were before 0060: no search_text column yet.
    await insert('accounts', { id: 'a1', workspace_id: 'w1', name: 'Müller Maschinenbau', domain: 'mueller.example', owner_id: 'u1', ...stamp });
    await insert('accounts', { id: 'a2', workspace_id: 'w1', name: 'Northwind Traders', owner_id: 'u1', ...stamp });
    await insert('contacts', { id: 'c1', workspace_id: 'w1', account_id: 'a1', name: 'Zoë Adams', email: 'zoe@muller.example', title: 'CFO', ...stamp });
    await insert('opportunities', { id: 'o1', workspace_id: 'w1', account_id: 'a2', name: 'Northwind renewal', amount_minor: 100, currency: 'EUR', stage_id: 's1', close_date: '2026-06-30', owner_id: 'u1', status: 'open', ...stamp });
    await insert('plans', { id: 'p1', workspace_id: 'w1', opportunity_id: 'o1', title: 'Łódź rollout', target_date: '2026-06-30', customer_time_zone: 'Europe/Warsaw', last_activity_at: at, ...stamp });

    await migrateToLatest(db);
    const texts = await db.selectFrom('accounts').select(['id', 'search_text']).orderBy('id').execute();
    expect(texts).toEqual([
      { id: 'a1', search_text: 'muller maschinenbau mueller example' },
      { id: 'a2', search_text: 'northwind traders' },
    ]);
    const found = await searchWorkspace(new Scope(db, 'w1'), { q: 'muller', limit: 5 });
    expect(found.accounts.data.map((h) => h.id)).toEqual(['a1']);
    expect(found.contacts.data.map((h) => h.id)).toEqual(['c1']); // by her email's domain
    expect((await searchWorkspace(new Scope(db, 'w1'), { q: 'zoe', limit: 5 })).contacts.data.map((h) => h.id)).toEqual(['c1']);
    const north = await searchWorkspace(new Scope(db, 'w1'), { q: 'north', limit: 5 });
    expect([north.accounts.data.map((h) => h.id), north.opportunities.data.map((h) => h.id)]).toEqual([['a2'], ['o1']]);
    expect((await searchWorkspace(new Scope(db, 'w1'), { q: 'lodz', limit: 5 })).plans.data.map((h) => h.id)).toEqual(['p1']);
    // Rows written after the migration are indexed too (triggers on SQLite, the GIN index on PostgreSQL).
    await db.updateTable('accounts').set({ name: 'Globex', search_text: 'globex' }).where('id', '=', 'a2').execute();
    expect((await searchWorkspace(new Scope(db, 'w1'), { q: 'north', limit: 5 })).accounts.data).toEqual([]);
    expect((await searchWorkspace(new Scope(db, 'w1'), { q: 'glob', limit: 5 })).accounts.data.map((h) => h.id)).toEqual(['a2']);
    expect(dbKind(db)).toBe(isPostgres() ? 'postgres' : 'sqlite');
  });
});

/** Search text stored before the final sigma was folded into σ is folded again by migration 0210. */
describe('migration 0210 (final sigma)', () => {
  it('folds the final sigma in stored search text, so both engines find the name', async () => {
    const { db, stamp, insert } = await databaseAsOf('0205_commitment_time_zone');
    await insert('accounts', { id: 'a1', workspace_id: 'w1', name: 'ΣΊΣΥΦΟΣ Greek', search_text: 'σισυφος greek', owner_id: 'u1', ...stamp });
    await insert('accounts', { id: 'a2', workspace_id: 'w1', name: 'Northwind Traders', search_text: 'northwind traders', owner_id: 'u1', ...stamp });
    await migrateToLatest(db);
    const texts = await db.selectFrom('accounts').select(['id', 'search_text']).orderBy('id').execute();
    expect(texts).toEqual([
      { id: 'a1', search_text: 'σισυφοσ greek' },
      { id: 'a2', search_text: 'northwind traders' },
    ]);
    expect((await searchWorkspace(new Scope(db, 'w1'), { q: 'σισυφος', limit: 5 })).accounts.data.map((h) => h.id)).toEqual(['a1']);
  });
});
