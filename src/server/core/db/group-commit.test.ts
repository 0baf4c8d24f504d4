import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, sql, type Generated } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StableSqliteDialect } from './sqlite-dialect.js';

type T = { t: { id: Generated<number>; v: string }; child: { id: number; parent_id: number } };

describe('SQLite group commit', () => {
  let dir: string;
  let database: SQLite.Database;
  let db: Kysely<T>;
  /** A second connection to the same file: it sees only what is committed. */
  let other: SQLite.Database;
  let commits: number;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'advance-group-commit-'));
    const file = path.join(dir, 'test.db');
    database = new SQLite(file);
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = FULL');
    database.pragma('foreign_keys = ON');
    database.exec(`create table t (id integer primary key, v text not null);
      create table child (id integer primary key, parent_id integer not null references t (id));
      create trigger t_refuse after insert on t when new.v = 'roll everything back' begin select raise(rollback, 'refused'); end;`);
    commits = 0;
    const prepare = database.prepare.bind(database);
    const counted = {
      get inTransaction() {
        return database.inTransaction;
      },
      close: () => database.close(),
      prepare: (source: string) => {
        if (source === 'commit') commits += 1;
        return prepare(source);
      },
    };
    db = new Kysely<T>({ dialect: new StableSqliteDialect({ database: counted }) });
    other = new SQLite(file, { readonly: true });
  });

  afterEach(async () => {
    other.close();
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const committed = () => (other.prepare('select v from t order by id').all() as { v: string }[]).map((r) => r.v);
  const insert = (v: string) => db.transaction().execute(async (trx) => {
    // A turn of the event loop inside the transaction, as a request's awaits give: others queue meanwhile.
    await new Promise((resolve) => setImmediate(resolve));
    await trx.insertInto('t').values({ v }).execute();
    return v;
  });

  it('saves transactions that queue together with fewer commits, each durable when it resolves, in arrival order', async () => {
    const seenAtResolve: string[][] = [];
    const values = Array.from({ length: 20 }, (_, i) => `row ${i}`);
    await Promise.all(values.map((v) => insert(v).then(() => seenAtResolve.push(committed()))));
    expect(committed()).toEqual(values);
    // Every caller, when told "saved", could already read its row from another connection.
    seenAtResolve.forEach((seen, i) => expect(seen.length).toBeGreaterThanOrEqual(i + 1));
    for (const v of values) expect(seenAtResolve.some((seen) => seen.includes(v))).toBe(true);
    expect(commits).toBeGreaterThan(0);
    expect(commits).toBeLessThan(values.length / 2);
  });

  it('commits at once when nothing else waits', async () => {
    await insert('alone');
    expect(committed()).toEqual(['alone']);
    expect(commits).toBe(1);
  });

  it('undoes only the writes of a transaction that fails; the others of its group are saved', async () => {
    const results = await Promise.allSettled([
      insert('a'),
      db.transaction().execute(async (trx) => {
        await trx.insertInto('t').values({ v: 'undone' }).execute();
        throw new Error('changed my mind');
      }),
      insert('b'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(committed()).toEqual(['a', 'b']);
  });

  it('fails every transaction of the group when SQLite rolls the whole transaction back: none is told it was saved', async () => {
    const results = await Promise.allSettled([insert('a'), insert('roll everything back'), insert('c')]);
    // 'a' ran before the rollback, in the same SQLite transaction: it is lost, and says so.
    expect(results[0].status).toBe('rejected');
    expect(results[1].status).toBe('rejected');
    expect(committed()).not.toContain('a');
    expect(committed()).not.toContain('roll everything back');
    // The connection works on: the next transaction saves.
    await insert('after');
    expect(committed()).toContain('after');
  });

  it('fails every transaction of the group when the COMMIT fails, and rolls all of them back', async () => {
    const results = await Promise.allSettled([
      insert('a'),
      db.transaction().execute(async (trx) => {
        await new Promise((resolve) => setImmediate(resolve));
        // Foreign keys checked at COMMIT: the orphan makes the group's COMMIT fail.
        await sql`pragma defer_foreign_keys = on`.execute(trx);
        await trx.insertInto('child').values({ id: 1, parent_id: 999 }).execute();
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect((results[0] as PromiseRejectedResult).reason.message).toMatch(/FOREIGN KEY/);
    expect(committed()).toEqual([]);
    expect(database.inTransaction).toBe(false);
  });

  it('commits an open group before a write outside a transaction, which is never acknowledged before it is durable', async () => {
    const writes = [insert('x'), insert('y')];
    const plain = db.insertInto('t').values({ v: 'on its own' }).execute().then(() => committed());
    await Promise.all(writes);
    expect(await plain).toEqual(['x', 'y', 'on its own']);
    expect(database.inTransaction).toBe(false);
  });

  it('lets a plain read run while a group waits, seeing what its members wrote', async () => {
    const writes = [insert('x'), insert('y'), insert('z')];
    const read = db.selectFrom('t').select('v').execute();
    await Promise.all(writes);
    expect((await read).map((r) => r.v)).toEqual(['x', 'y', 'z']);
    expect(committed()).toEqual(['x', 'y', 'z']);
  });
});
