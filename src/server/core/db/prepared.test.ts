import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { emptyTestDb } from '../../test/harness.js';
import type { Db } from './connect.js';
import { migrateToLatest } from './migrate.js';
import { prepared } from './prepared.js';

const at = '2026-01-05T10:00:00.000Z';
const W1 = '0190f0f0-0000-7000-8000-000000000001';
const W2 = '0190f0f0-0000-7000-8000-000000000002';

describe('prepared queries', () => {
  let db: Db;
  beforeAll(async () => {
    db = await emptyTestDb();
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
});
