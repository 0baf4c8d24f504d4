import { describe, expect, it } from 'vitest';
import { createAccount, signUpWorkspace } from '../test/factories.js';
import { testApp } from '../test/harness.js';
import { newId, nowIso } from './ids.js';
import { jsonRows, Scope } from './scope.js';

/**
 * `Scope.insertMany` (an import's chunk) stores exactly what `insert` stores, on whichever engine the
 * suite runs: on SQLite it sends the rows as one JSON parameter, so every kind of value has to come
 * back from JSON as the value a bound parameter would have given.
 */
const { app, db } = await testApp();

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const AWKWARD = 'Ünïcödé "quoted", comma\nnew line \\ back\\slash \u{1F600} e\u0301 (decomposed) \t tab';

describe('Scope.insertMany', () => {
  it('stores text, integers, nulls and defaults as insert does, in one workspace', async () => {
    const { client, me } = await signUpWorkspace(app);
    const account = await createAccount(client);
    const stageId = (await client.get('/api/v1/stages')).data.data[0].id as string;
    const scope = new Scope(db, me.workspace.id);
    const now = nowIso();
    const base = { account_id: account.id, stage_id: stageId, owner_id: me.user.id, currency: 'EUR', status: 'open' as const, search_text: 'plain', created_at: now, updated_at: now };
    const values = [
      { name: AWKWARD, amount_minor: MAX_SAFE, close_date: '2027-02-28', close_reason: null, version: 3 },
      { name: 'Plain', amount_minor: 0, close_date: '2027-01-01', close_reason: 'Lost to "them"', version: 1 },
      { name: '', amount_minor: -125, close_date: '2026-12-31', close_reason: '', version: 2 },
    ];
    const many = values.map((v) => ({ id: newId(), ...base, ...v }));
    const one = values.map((v) => ({ id: newId(), ...base, ...v }));
    await scope.insertMany('opportunities', many);
    for (const row of one) await scope.insert('opportunities', row);

    const read = async (ids: string[]) =>
      (await db.selectFrom('opportunities').selectAll().where('id', 'in', ids).orderBy('id').execute()).map(({ id: _id, ...rest }) => ({ ...rest, amount_minor: Number(rest.amount_minor) }));
    const stored = await read(many.map((r) => r.id));
    expect(stored).toEqual(await read(one.map((r) => r.id)));
    expect(stored.map((r) => [r.name, r.amount_minor, r.close_reason, r.version])).toEqual(values.map((v) => [v.name, v.amount_minor, v.close_reason, v.version]));
    // Columns left out take their defaults; the workspace is the scope's.
    expect(stored.every((r) => r.results_count === 0 && r.change_commitment === 'none' && r.workspace_id === me.workspace.id && r.archived_at === null)).toBe(true);

    // Text JSON cannot carry as it is (a lone surrogate, which a JSON body may hold) is stored as insert stores it.
    const odd = { ...base, name: 'Lone \ud800 surrogate', amount_minor: 1, close_date: '2027-03-01', close_reason: null, version: 1 };
    const [a, b] = [{ id: newId(), ...odd }, { id: newId(), ...odd }];
    await scope.insertMany('opportunities', [a]);
    await scope.insert('opportunities', b);
    const [oddMany, oddOne] = await Promise.all([read([a.id]), read([b.id])]);
    expect(oddMany).toEqual(oddOne);
  });
});

describe('jsonRows', () => {
  it('writes the columns in order with the workspace last', () => {
    expect(JSON.parse(jsonRows([{ a: 'x', b: 1.5, c: null }], ['a', 'b', 'c'], 'w1')!)).toEqual([['x', 1.5, null, 'w1']]);
  });

  it('declines values JSON would not give back as the same SQLite value', () => {
    for (const value of [10n, Buffer.from('ab'), Number.NaN, Number.POSITIVE_INFINITY, true, { a: 1 }, 'lone \ud800 surrogate']) {
      expect(jsonRows([{ a: 'x' }, { a: value }], ['a'], 'w1')).toBeNull();
    }
  });
});
