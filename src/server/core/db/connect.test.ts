import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connect, OPTIMIZE_EVERY_MS } from './connect.js';

/** What the planner knows of table `t`: sqlite_stat1's line for its index, or null when none. */
async function statOf(db: ReturnType<typeof connect>): Promise<string | null> {
  const table = await sql<{ n: number }>`select count(*) as n from sqlite_master where name = 'sqlite_stat1'`.execute(db);
  if (Number(table.rows[0].n) === 0) return null;
  const row = await sql<{ stat: string }>`select stat from sqlite_stat1 where tbl = 't' and idx = 't_kind'`.execute(db);
  return row.rows[0]?.stat ?? null;
}

async function addRows(db: ReturnType<typeof connect>, from: number, to: number) {
  await db.transaction().execute(async (trx) => {
    for (let i = from; i < to; i += 500) {
      const values = Array.from({ length: Math.min(500, to - i) }, (_, k) => sql`(${`kind ${(i + k) % 10}`})`);
      await sql`insert into t (kind) values ${sql.join(values)}`.execute(trx);
    }
  });
}

describe('the SQLite connection keeps the planner’s statistics', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'advance-optimize-'));
  const file = path.join(dir, 'advance.db');
  afterEach(() => vi.useRealTimers());

  it('analyzes at open a table that was never analyzed, then again every few hours once it has grown', async () => {
    let db = connect({ kind: 'sqlite', file });
    await sql`create table t (id integer primary key, kind text not null)`.execute(db);
    await sql`create index t_kind on t (kind)`.execute(db);
    await addRows(db, 0, 5000);
    expect(await statOf(db)).toBeNull();
    await db.destroy();

    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    db = connect({ kind: 'sqlite', file });
    // 5 000 rows, about 500 per value of the index: what the planner now reads.
    expect(await statOf(db)).toBe('5000 500');

    await addRows(db, 5000, 60_000);
    await sql`select count(*) from t where kind = 'kind 3'`.execute(db);
    expect(await statOf(db)).toBe('5000 500');
    vi.advanceTimersByTime(OPTIMIZE_EVERY_MS);
    // Re-analyzed within SQLite's sampling limit: the row count is exact, the spread an estimate.
    expect(await statOf(db)).toMatch(/^60000 \d+$/);
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
