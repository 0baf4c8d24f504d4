import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, PostgresAdapter, sql } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.js';
import type { Database } from './schema.js';
import { StableSqliteDialect } from './sqlite-dialect.js';
import { DEFAULT_AUTOCHECKPOINT_PAGES, FALLBACK_AUTOCHECKPOINT_PAGES, startCheckpointer, type Checkpointer } from './checkpointer.js';

export type Db = Kysely<Database>;
export type DbKind = 'sqlite' | 'postgres';

// int8 (bigint) arrives as text by default; amounts in minor units fit in a double up to 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

export type DbOptions = Config['database'] & { pgSchema?: string; poolSize?: number };

/** How often a running SQLite connection checks whether its tables need new statistics. */
export const OPTIMIZE_EVERY_MS = 4 * 60 * 60 * 1000;

export function connect(options: DbOptions, events: { onIdleError?: (err: Error) => void } = {}): Db {
  if (options.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      // Tests run in their own schema so a shared database stays clean. No JIT: it compiles a
      // statement whose estimated cost is high — such as a page walked through an index with a
      // filter that keeps few rows (the focus flags) — taking 10–50 ms to save nothing on a page.
      // No parallel workers: starting them cost 3–7 ms per statement that planned them (a search
      // of a page of deals, measured), and with many requests at once the cores are already busy.
      options: [options.pgSchema ? `-c search_path=${options.pgSchema}` : '', '-c jit=off', '-c max_parallel_workers_per_gather=0'].filter(Boolean).join(' '),
    });
    pool.on('connect', keepStatementsPrepared);
    // A connection waiting in the pool can be closed by the server (a restart, a failover, an
    // administrator): the pool drops it and the next query opens a new one. Without a listener the
    // pool's 'error' event would be thrown, and end the process.
    pool.on('error', (err) => events.onIdleError?.(err));
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  if (options.file !== ':memory:') fs.mkdirSync(path.dirname(options.file), { recursive: true });
  const database = new SQLite(options.file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  // One connection serves every request: give it a page cache that holds the hot indexes (64 MiB
  // instead of SQLite's 2 MiB default), so a list page does not re-read its index pages from the
  // operating system on every request.
  database.pragma('cache_size = -65536');
  // The planner's statistics (sqlite_stat1), kept as SQLite recommends for a long-lived connection:
  // at open, analyze the tables that have grown or shrunk a lot since they were last analyzed (or
  // never were) — 0x10000 checks every table, 0x10 bounds each analysis to a sample so a large
  // database opens quickly, 0x2 analyzes — then the same check every few hours while it runs.
  // Without statistics SQLite guesses every index equally selective and can walk the wrong one.
  database.pragma('optimize = 0x10012');
  const optimizer = setInterval(() => database.pragma('optimize'), OPTIMIZE_EVERY_MS);
  optimizer.unref();
  // Checkpoints run on a thread of their own (checkpointer.ts); this connection's own is a backstop.
  let checkpointer: Checkpointer | null = null;
  if (options.file !== ':memory:') {
    database.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
    checkpointer = startCheckpointer(options.file, () => {
      if (database.open) database.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
    });
  }
  const closing = (): Promise<void> => {
    clearInterval(optimizer);
    const threadExited = checkpointer?.stop() ?? Promise.resolve();
    // The log folded into the database file before this connection closes, whether or not the
    // checkpoint thread has closed its own yet: a closed database is one file (the tests copy it).
    // If another connection still reads or writes, the log stays beside the file, which is as safe.
    try {
      if (checkpointer) database.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // SQLITE_BUSY: see above.
    }
    return threadExited;
  };
  return new Kysely<Database>({ dialect: new StableSqliteDialect({ database: withStatementCache(database, closing) }) });
}

/**
 * SQL texts PostgreSQL keeps parsed and planned on each connection, as named prepared statements:
 * the queries core/db/prepared.ts builds once (the session lookup, records by id, list pages, the
 * conditional write) run on every request, and parsing and planning them again was most of their
 * cost on the database side. Their plans do not depend on the values (an id, a workspace, a page
 * size), so PostgreSQL's generic plan is the plan. Everything else runs unnamed, as before.
 */
const statementNames = new Map<string, string>();

export function keepPrepared(sqlText: string): void {
  if (!statementNames.has(sqlText)) statementNames.set(sqlText, `advance_${statementNames.size + 1}`);
}

function keepStatementsPrepared(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  client.query = ((text: unknown, ...rest: unknown[]) => {
    const name = typeof text === 'string' ? statementNames.get(text) : undefined;
    if (name === undefined || !Array.isArray(rest[0])) return query(text, ...rest);
    return query({ name, text, values: rest[0] }, ...rest.slice(1));
  }) as typeof client.query;
}

export function dbKind(db: Pick<Kysely<unknown>, 'getExecutor'>): DbKind {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** A cheap round trip used by /readyz. */
export async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}

/**
 * Kysely prepares every statement anew; SQLite statements can be reused, and preparing was ~6% of a
 * list request. Queries are built from a small set of shapes, so a bounded cache keyed by SQL text
 * holds them all. (Kysely only iterates statements when streaming, which Advance does not use.)
 */
function withStatementCache(database: SQLite.Database, onClose: () => Promise<void>) {
  const cache = new Map<string, SQLite.Statement>();
  let closed: Promise<void> = Promise.resolve();
  return {
    get inTransaction() {
      return database.inTransaction;
    },
    /** Settles once every connection this one started (the checkpoint thread's) has closed too. */
    get closed() {
      return closed;
    },
    close: () => {
      closed = onClose();
      database.close();
    },
    prepare: (source: string) => {
      let statement = cache.get(source);
      if (!statement) {
        if (cache.size >= 500) cache.clear();
        statement = database.prepare(source);
        cache.set(source, statement);
      }
      return statement;
    },
  };
}
