import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { StableSqliteDialect } from './sqlite-dialect.js';

type T = { t: { id: number; txt: string | null; num: number | null; blob: Buffer | null } };

describe('the SQLite dialect that keeps statements prepared', () => {
  const database = new SQLite(':memory:');
  database.exec(`create table t (id integer primary key, txt text, num integer, blob blob);
    create index t_txt on t (txt);
    insert into t (txt, num, blob) values ('5', 5, x'01'), ('a', 7, null), (null, null, x'02'), ('10', 10, null);`);
  const stable = new Kysely<T>({ dialect: new StableSqliteDialect({ database }) });
  const plain = new Kysely<T>({ dialect: new SqliteDialect({ database }) });
  afterAll(() => database.close());

  it('answers every comparison exactly as plain parameters do, affinities included', async () => {
    const values: unknown[] = ['5', 5, 5.0, '10', 10, 'a', 7, '7', null, Buffer.from([1]), 0, 1, ''];
    for (const v of values) {
      for (const column of ['txt', 'num', 'blob'] as const) {
        for (const op of ['=', '<', '>=', 'is', 'is not'] as const) {
          const q = (db: Kysely<T>) => db.selectFrom('t').select('id').where(column, op, v as never).orderBy('id').execute();
          expect(await q(stable), `${column} ${op} ${String(v)}`).toEqual(await q(plain));
        }
      }
      const expr = (db: Kysely<T>) => sql<{ x: unknown }>`select ${v} as x, typeof(${v}) as type, ${v} || '' as s`.execute(db);
      expect((await expr(stable)).rows).toEqual((await expr(plain)).rows);
    }
  });

  it('stores inserted and updated values with the same types', async () => {
    await stable.insertInto('t').values({ id: 100, txt: 12 as never, num: '13' as never, blob: Buffer.from([3]) }).execute();
    await plain.insertInto('t').values({ id: 101, txt: 12 as never, num: '13' as never, blob: Buffer.from([3]) }).execute();
    await stable.updateTable('t').set({ num: sql`num + ${2}` }).where('id', 'in', [100, 101]).execute();
    const rows = database.prepare('select typeof(txt) a, typeof(num) b, typeof(blob) c, txt, num from t where id in (100, 101) order by id').all();
    expect(rows[0]).toEqual(rows[1]);
    expect(rows[0]).toMatchObject({ a: 'text', b: 'integer', c: 'blob', num: 15 });
  });

  it('writes whole-number limits and offsets into the statement, other values as parameters', () => {
    const page = stable.selectFrom('t').select('id').where('txt', '=', 'a').limit(51).offset(0).compile();
    expect(page.sql).toBe('select "id" from "t" where "txt" = +? limit 51 offset 0');
    expect(page.parameters).toEqual(['a']);
    const odd = stable.selectFrom('t').select('id').limit(sql<number>`${2} + 1`).compile();
    expect(odd.sql).toBe('select "id" from "t" limit +? + 1');
    expect(odd.parameters).toEqual([2]);
  });

  it('pages the same rows as plain parameters do', async () => {
    for (const [limit, offset] of [[1, 0], [2, 1], [0, 0], [10, 3]]) {
      const q = (db: Kysely<T>) => db.selectFrom('t').select('id').orderBy('id').limit(limit).offset(offset).execute();
      expect(await q(stable)).toEqual(await q(plain));
    }
  });
});
