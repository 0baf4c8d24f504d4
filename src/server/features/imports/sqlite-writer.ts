import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { CompiledQuery, sql } from 'kysely';
import { dbKind, type Db } from '../../core/db/connect.js';

/**
 * On SQLite, an import's chunks are written by a connection of their own on a thread of their own,
 * so that the server's thread reads and checks the next chunk's rows (CSV, the API's schemas, audit
 * diffs: about a third of an import's time) while SQLite writes this one (the other two thirds:
 * every row goes into some twenty B-tree indexes, and the commit writes each page it changed).
 *
 * The app's connection stays the only writer that requests see: while a chunk is written, the
 * writer holds that connection (Kysely's `db.connection()`, the group-commit driver's lock), after
 * committing any group of request transactions still open on it. Requests wait for the chunk as
 * they waited before, when the app's connection wrote it itself, but the server's thread is free
 * meanwhile; and no request transaction can find the database changed under its snapshot
 * (SQLITE_BUSY_SNAPSHOT), since none runs while the other connection writes.
 *
 * The thread knows nothing of the app: it runs statements in one transaction and reports the
 * outcome. A step can require a row (a `select`) or a number of changed rows; when it gets another
 * answer the transaction is rolled back and the step's `failAs` reported (the import's lease lost,
 * the focus thresholds changed meanwhile), and an error rolls back and is reported as such.
 */

export type WriteStep = {
  sql: string;
  params: unknown[];
  /** A `select` that must return a row, else the transaction is rolled back and `failAs` reported. */
  expectRow?: boolean;
  /** The number of rows the statement must change, else the transaction is rolled back and `failAs` reported. */
  expectChanges?: number;
  failAs?: string;
};

export type WriteOutcome = { ok: true } | { ok: false; failed: string } | { ok: false; error: Error };

// Plain CommonJS for a worker of its own (`eval`): it needs nothing of the app, only the driver,
// whose resolved path it is given — so it runs alike from the sources, the tests and the bundle.
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
// 256 MiB of pages (the app's connection keeps 64): a chunk changes pages all over each index of
// its table, and with fewer of them in memory SQLite writes changed pages to the log before the
// commit and again at the commit when they change again. Held only while an import runs.
db.pragma('cache_size = -262144');
// A chunk's commit writes some hundred megabytes of index pages to the write-ahead log (each page
// it changed), and copying them into the database after every commit (SQLite's default: once the
// log holds 1 000 pages) copied the same pages chunk after chunk. Copied every 32 768 pages (128
// MiB), about every other chunk of 10 000 deals, each page goes over once for two chunks; the log
// file then grows to about twice a chunk's pages.
db.pragma('wal_autocheckpoint = 32768');
parentPort.postMessage({ ready: true });
const statements = new Map();
const prepare = (text) => {
  let s = statements.get(text);
  if (!s) { s = db.prepare(text); statements.set(text, s); }
  return s;
};
parentPort.on('message', (message) => {
  if (message.close) {
    // What the log holds since the last copy, copied now rather than by the next request's commit on the server's thread.
    try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
    db.close();
    parentPort.close();
    return;
  }
  const { id, steps } = message;
  try {
    db.exec('begin immediate');
    try {
      for (const step of steps) {
        const statement = prepare(step.sql);
        const ok = step.expectRow ? statement.get(...step.params) !== undefined : (() => { const r = statement.run(...step.params); return step.expectChanges === undefined || r.changes === step.expectChanges; })();
        if (!ok) {
          db.exec('rollback');
          parentPort.postMessage({ id, failed: step.failAs || 'expectation' });
          return;
        }
      }
      db.exec('commit');
    } catch (err) {
      if (db.inTransaction) db.exec('rollback');
      throw err;
    }
    parentPort.postMessage({ id, ok: true });
  } catch (err) {
    parentPort.postMessage({ id, error: { message: String(err && err.message), code: err && err.code } });
  }
});
`;

export type ChunkWriter = {
  /**
   * Runs the steps in one transaction on the writer's connection, holding the app's connection
   * meanwhile. `posted` resolves once the writer has them: until then, this thread must not start
   * long synchronous work (reading the next chunk), or the writer would wait for it.
   */
  write(steps: WriteStep[]): { posted: Promise<void>; outcome: Promise<WriteOutcome> };
  close(): Promise<void>;
};

/** A writer for the database behind `db`, or null where there is none to open (PostgreSQL, an in-memory SQLite database). */
export async function openChunkWriter(db: Db): Promise<ChunkWriter | null> {
  if (dbKind(db) !== 'sqlite') return null;
  const { rows } = await sql<{ name: string; file: string }>`pragma database_list`.execute(db);
  const file = rows.find((r) => r.name === 'main')?.file;
  if (!file) return null;
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(THREAD, { eval: true, workerData: { file, driver } });
  // Ready once it has opened the database; if it cannot, the import is written on this thread as before.
  const ready = await new Promise<boolean>((resolve) => {
    worker.once('message', (m: { ready?: boolean }) => resolve(m.ready === true));
    worker.once('error', () => resolve(false));
    worker.once('exit', () => resolve(false));
  });
  if (!ready) {
    await worker.terminate();
    return null;
  }
  // The thread keeps the process alive only while it writes a chunk.
  worker.unref();
  const waiting = new Map<number, (outcome: WriteOutcome) => void>();
  let broken: Error | null = null;
  const failAll = (err: Error) => {
    broken = err;
    for (const resolve of waiting.values()) resolve({ ok: false, error: err });
    waiting.clear();
  };
  worker.on('message', (m: { id: number; ok?: true; failed?: string; error?: { message: string; code?: string } }) => {
    const resolve = waiting.get(m.id);
    if (!resolve) return;
    waiting.delete(m.id);
    if (waiting.size === 0) worker.unref();
    if (m.ok) resolve({ ok: true });
    else if (m.failed) resolve({ ok: false, failed: m.failed });
    else resolve({ ok: false, error: Object.assign(new Error(m.error?.message ?? 'the import writer failed'), { code: m.error?.code }) });
  });
  worker.on('error', (err) => failAll(err));
  worker.on('exit', () => failAll(new Error('the import writer stopped')));
  let next = 0;
  return {
    write(steps) {
      let posted!: () => void;
      const handed = new Promise<void>((resolve) => (posted = resolve));
      const outcome = db.connection().execute(async (conn) => {
        // A statement other than a read commits the group of request transactions still open on
        // the app's connection (core/db/group-commit.ts): the writer's BEGIN IMMEDIATE would wait for it.
        await conn.executeQuery(CompiledQuery.raw('pragma data_version'));
        if (broken) {
          posted();
          return { ok: false, error: broken } as WriteOutcome;
        }
        const id = (next += 1);
        return new Promise<WriteOutcome>((resolve) => {
          waiting.set(id, resolve);
          worker.ref();
          worker.postMessage({ id, steps });
          posted();
        });
      });
      // A failure before the steps were handed over (acquiring the connection) must not leave `posted` waiting.
      void outcome.then(posted, posted);
      return { posted: handed, outcome };
    },
    async close() {
      if (broken) return;
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.ref();
      worker.postMessage({ close: true });
      await exited;
    },
  };
}
