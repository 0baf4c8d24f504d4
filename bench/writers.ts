import fs from 'node:fs';
import SQLite from 'better-sqlite3';
import pg from 'pg';

/**
 * Fast bulk writers for the benchmark's sample data. They bypass the app on purpose: loading a
 * million rows through HTTP or per-row ORM inserts would take longer than the benchmark itself.
 * Rows go into the real, migrated schema, so every index the app relies on is maintained.
 */

export type Value = string | number | null;
export type ColumnType = 'text' | 'int4' | 'int8';
export type TableSpec = { name: string; columns: readonly (readonly [string, ColumnType])[] };

export type Writer = {
  kind: 'sqlite' | 'postgres';
  /** Everything between begin and commit is one transaction. */
  begin(): Promise<void>;
  insert(table: TableSpec, rows: Value[][]): Promise<void>;
  commit(): Promise<void>;
  /** Refreshes the planner's statistics, as autovacuum (pg) or `PRAGMA optimize` (SQLite) would (inside `bulkLoad`'s transaction). */
  analyze(): Promise<void>;
  /**
   * What can be set aside during a bulk load and rebuilt afterwards, with the SQL for each: the
   * tables' secondary indexes (never primary keys or unique constraints) and, on PostgreSQL, their
   * foreign keys (checked row by row they cost more than the inserts; re-adding one validates all
   * rows in one join). SQLite's foreign-key checks are cheap and cannot be dropped, so they stay.
   */
  rebuildable(tables: readonly string[]): Promise<{ drop: string; create: string }[]>;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
};

export function sqliteWriter(file: string): Writer {
  const db = new SQLite(file);
  // This connection only loads data: durability per commit is not needed, memory is plentiful.
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1000000');
  // Rebuilding the indexes sorts millions of keys: in memory, on both cores (at 10× the default
  // size the sorts no longer fit the page cache and spill to temporary files otherwise).
  db.pragma('temp_store = MEMORY');
  db.pragma('threads = 2');
  const statements = new Map<string, SQLite.Statement>();
  const statementFor = (t: TableSpec) => {
    let s = statements.get(t.name);
    if (!s) {
      const cols = t.columns.map(([c]) => c);
      s = db.prepare(`insert into ${t.name} (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')})`);
      statements.set(t.name, s);
    }
    return s;
  };
  return {
    kind: 'sqlite',
    begin: async () => void db.exec('begin'),
    insert: async (table, rows) => {
      const s = statementFor(table);
      for (const row of rows) s.run(row);
    },
    commit: async () => {
      db.exec('commit');
      db.pragma('wal_checkpoint(TRUNCATE)');
      // With synchronous=OFF the checkpoint leaves the load (gigabytes at 10×) in the kernel's dirty
      // pages, written out in the background during the next measurements: the first one measured
      // after a growth had a p99 of 690 ms. Write them out now, as PostgreSQL's CHECKPOINT does below.
      const fd = fs.openSync(file, 'r+');
      try {
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    },
    analyze: async () => void db.exec('analyze'),
    rebuildable: async (tables) =>
      (
        db
          .prepare(`select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${tables.map(() => '?').join(', ')})`)
          .all(...tables) as { name: string; sql: string }[]
      ).map((i) => ({ drop: `drop index ${i.name}`, create: i.sql })),
    exec: async (sql) => void db.exec(sql),
    close: async () => void db.close(),
  };
}

/** One `insert … select * from unnest($1::text[], …)` per batch: one parameter per column. */
export async function postgresWriter(url: string): Promise<Writer> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    kind: 'postgres',
    begin: async () => void (await client.query('begin')),
    insert: async (table, rows) => {
      if (rows.length === 0) return;
      const cols = table.columns.map(([c]) => c).join(', ');
      const arrays = table.columns.map((_, i) => rows.map((r) => r[i]));
      const unnest = table.columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
      await client.query(`insert into ${table.name} (${cols}) select * from unnest(${unnest})`, arrays);
    },
    commit: async () => void (await client.query('commit')),
    analyze: async () => void (await client.query('analyze')),
    rebuildable: async (tables) => {
      const foreignKeys = await client.query<{ tbl: string; name: string; def: string }>(
        `select conrelid::regclass::text as tbl, conname as name, pg_get_constraintdef(oid) as def
           from pg_constraint where contype = 'f' and conrelid::regclass::text = any($1)`,
        [tables],
      );
      const indexes = await client.query<{ name: string; def: string }>(
        `select indexname as name, indexdef as def from pg_indexes
          where schemaname = current_schema() and tablename = any($1)
            and indexname not in (select conname from pg_constraint)`,
        [tables],
      );
      return [
        ...foreignKeys.rows.map((f) => ({ drop: `alter table ${f.tbl} drop constraint ${f.name}`, create: `alter table ${f.tbl} add constraint ${f.name} ${f.def}` })),
        ...indexes.rows.map((i) => ({ drop: `drop index ${i.name}`, create: i.def })),
      ];
    },
    exec: async (sql) => void (await client.query(sql)),
    close: async () => client.end(),
  };
}

/**
 * `lock table` takes its tables one after another, so a query still running from the last
 * measurement that holds one of them and waits for another (a plan page reads users, opportunities
 * and accounts) deadlocks with it, and PostgreSQL aborts the lock. Nothing is written yet then:
 * start the transaction again and wait a moment for those queries.
 */
async function lockTables(w: Writer, tables: readonly string[]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await w.exec(`lock table ${tables.join(', ')} in access exclusive mode`);
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== '40P01' || attempt >= 5) throw err;
      await w.exec('rollback');
      await new Promise((r) => setTimeout(r, 500));
      await w.begin();
    }
  }
}

/**
 * Runs `load` in one transaction with the tables' secondary indexes (and PostgreSQL's foreign keys)
 * set aside, then rebuilds them from their own definitions, as pg_restore does: building an index
 * once over sorted data is many times faster than updating it row by row. The schema afterwards is
 * exactly the migrated one, and re-adding the foreign keys proves the generated rows satisfy them.
 */
export async function bulkLoad<T>(w: Writer, tables: readonly string[], load: () => Promise<T>, log?: (message: string) => void): Promise<T> {
  const started = performance.now();
  const lap = (what: string) => log?.(`  ${what}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await w.begin();
  // Wait for queries still running from the last measurement, all tables at once: taking the
  // locks index by index while they run can deadlock.
  if (w.kind === 'postgres') await lockTables(w, tables);
  const structures = await w.rebuildable(tables);
  for (const s of structures) await w.exec(s.drop);
  const result = await load();
  lap('rows written');
  // Indexes first, so validating the foreign keys can use them.
  for (const s of [...structures].reverse()) await w.exec(s.create);
  lap('indexes rebuilt');
  // The statistics in the same transaction as the indexes. SQLite deletes a dropped index's rows of
  // sqlite_stat1, and ANALYZE does not change the schema cookie: a connection that reads the new
  // schema between a commit of the indexes and a later ANALYZE (the server's, answering a request)
  // keeps planning without statistics for them until the schema changes again — the searches then
  // walked every account or deal of the workspace (`SEARCH … USING INDEX accounts_ws_search_text
  // (workspace_id=?)`) instead of reading the text index's matches by id, 20× the CPU at 10×.
  // One commit makes indexes and statistics visible together.
  await w.analyze();
  await w.commit();
  lap('indexes rebuilt, analyzed and committed');
  // PostgreSQL would otherwise write the load's dirty pages out in the background during the next
  // measurements (a checkpoint after ~100 MB): flush them now. Needs superuser; skipped without.
  if (w.kind === 'postgres') await w.exec('checkpoint').catch(() => undefined);
  return result;
}
