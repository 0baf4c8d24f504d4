import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
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
    // 5 000 rows (the spread per value of the index is estimated from a sample): what the planner now reads.
    const atOpen = await statOf(db);
    expect(atOpen).toMatch(/^5000 \d+$/);

    await addRows(db, 5000, 60_000);
    await sql`select count(*) from t where kind = 'kind 3'`.execute(db);
    expect(await statOf(db)).toBe(atOpen);
    vi.advanceTimersByTime(OPTIMIZE_EVERY_MS);
    // Re-analyzed within SQLite's sampling limit: the row count is exact, the spread an estimate.
    expect(await statOf(db)).toMatch(/^60000 \d+$/);
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

// PostgreSQL only (the PostgreSQL pass of .ci/run): SQLite has no server to close a connection.
const pgUrl = process.env.TEST_DATABASE_URL;
if (pgUrl) {
  describe('PostgreSQL connections closed by the server', () => {
    it('the process lives on when idle connections are closed (a restart, a failover), and the next query opens a new one', async () => {
      const closed: string[] = [];
      const db = connect({ kind: 'postgres', url: pgUrl, poolSize: 2 }, { onIdleError: (err) => closed.push(err.message) });
      // Two connections in the pool, each answering with its server process.
      const pids = await Promise.all([0, 1].map(async () => (await sql<{ pid: number }>`select pg_backend_pid() as pid, pg_sleep(0.05)`.execute(db)).rows[0].pid));
      expect(new Set(pids).size).toBe(2);
      const admin = new pg.Client({ connectionString: pgUrl });
      await admin.connect();
      await admin.query('select pg_terminate_backend(pid) from unnest($1::int[]) as pid', [pids]);
      await admin.end();
      // Without the pool's error listener, this error would end the test run as an uncaught exception.
      await vi.waitFor(() => expect(closed).toHaveLength(2), { timeout: 10_000 });
      expect(closed[0]).toMatch(/terminat/i);
      const after = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db)).rows[0].pid;
      expect(pids).not.toContain(after);
      await db.destroy();
    });
  });
}
