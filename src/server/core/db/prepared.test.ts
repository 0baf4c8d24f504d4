import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { emptyTestDb } from '../../test/harness.js';
import type { Db } from './connect.js';
import { migrateToLatest } from './migrate.js';
import { Scope } from '../scope.js';
import { prepared, scoped, scopedShapes } from './prepared.js';

const at = '2026-01-05T10:00:00.000Z';
const W1 = '0190f0f0-0000-7000-8000-000000000001';
const W2 = '0190f0f0-0000-7000-8000-000000000002';

const db: Db = await emptyTestDb();

describe('prepared queries', () => {
  beforeAll(async () => {
    await migrateToLatest(db);
    await db
      .insertInto('workspaces')
      .values([
        { id: W1, name: 'North', default_time_zone: 'Europe/Paris', is_demo: 0, version: 1, created_at: at, updated_at: at },
        { id: W2, name: 'South', default_time_zone: 'Asia/Tokyo', is_demo: 1, version: 3, created_at: at, updated_at: at },
      ])
      .execute();
  });

  const byNameAndVersion = prepared((conn, p: { name: string; minVersion: number }) =>
    conn.selectFrom('workspaces').select(['id', 'name', 'version']).where('name', '=', p.name).where('version', '>=', p.minVersion).where('is_demo', 'in', [0, 1]).orderBy('id'),
  );

  it('answers each run with that run’s values, and keeps the constants written in the query', async () => {
    expect(await byNameAndVersion.execute(db, { name: 'North', minVersion: 1 })).toEqual([{ id: W1, name: 'North', version: 1 }]);
    expect(await byNameAndVersion.first(db, { name: 'South', minVersion: 1 })).toEqual({ id: W2, name: 'South', version: 3 });
    expect(await byNameAndVersion.first(db, { name: 'South', minVersion: 4 })).toBeUndefined();
  });

  it('runs inside a transaction, seeing its uncommitted changes', async () => {
    await db
      .transaction()
      .execute(async (trx) => {
        await trx.updateTable('workspaces').set({ version: 9 }).where('id', '=', W1).execute();
        expect(await byNameAndVersion.first(trx, { name: 'North', minVersion: 9 })).toEqual({ id: W1, name: 'North', version: 9 });
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await byNameAndVersion.first(db, { name: 'North', minVersion: 9 })).toBeUndefined();
  });

  it('refuses a placeholder used inside another value or as SQL, instead of running something else', async () => {
    const inside = prepared((conn, p: { name: string }) => conn.selectFrom('workspaces').select('id').where('name', 'like', `${p.name}%`));
    await expect(inside.execute(db, { name: 'No' })).rejects.toThrow(/plain value/);
    const asSql = prepared((conn, p: { name: string }) => conn.selectFrom('workspaces').select('id').where(sql.raw(p.name), '=', 'North'));
    await expect(asSql.execute(db, { name: 'name' })).rejects.toThrow(/plain value/);
  });

  const stage = (id: string, name: string) => ({ id, name, position: 1, archived_at: null, version: 1, created_at: at, updated_at: at });
  const S1 = '0190f0f0-0000-7000-8000-0000000000a1';
  const S2 = '0190f0f0-0000-7000-8000-0000000000a2';
  const stageByName = scoped((scope, p: { name: string }) => scope.selectFrom('stages').select(['id', 'name']).where('name', '=', p.name));
  const rename = scopedShapes((scope, p: { id: string; name: string; version: number }, s: { archive: boolean }) =>
    scope
      .updateTable('stages')
      .set({ name: p.name, ...(s.archive ? { archived_at: at } : {}) })
      .where('stages.id', '=', p.id)
      .where('stages.version', '=', p.version),
  );

  it('keeps a scoped query to the caller’s workspace, and counts the rows a write changed', async () => {
    const north = new Scope(db, W1);
    const south = new Scope(db, W2);
    await north.insertRow('stages', stage(S1, 'Qualify')).execute();
    await south.insertRow('stages', stage(S2, 'Qualify')).execute();
    expect(await stageByName.execute(north, { name: 'Qualify' })).toEqual([{ id: S1, name: 'Qualify' }]);
    expect(await stageByName.execute(south, { name: 'Qualify' })).toEqual([{ id: S2, name: 'Qualify' }]);
    // Another workspace's row, or a stale version, changes nothing.
    expect(await rename.changed(south, { archive: false }, { id: S1, name: 'Taken', version: 1 })).toBe(0);
    expect(await rename.changed(north, { archive: false }, { id: S1, name: 'Discover', version: 2 })).toBe(0);
    expect(await rename.changed(north, { archive: true }, { id: S1, name: 'Discover', version: 1 })).toBe(1);
    const rows = await db.selectFrom('stages').select(['id', 'name', 'archived_at']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: S1, name: 'Discover', archived_at: at },
      { id: S2, name: 'Qualify', archived_at: null },
    ]);
  });
});
