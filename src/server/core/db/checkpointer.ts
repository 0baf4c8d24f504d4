import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * SQLite's checkpoints, on a thread of their own.
 *
 * In WAL mode a commit appends the pages it changed to the write-ahead log; a checkpoint copies them
 * back into the database file and fsyncs it. By default the connection that commits past 1 000 pages
 * of log runs the checkpoint itself, inside that COMMIT: with one connection serving every request,
 * the server's thread then stopped for the copy and the fsync of up to 4 MB of pages, and every
 * request behind it waited — under a steady 800 writes a second that was a tick's p99.
 *
 * Here a second connection, on a worker thread, runs a PASSIVE checkpoint every CHECKPOINT_EVERY_MS:
 * it copies what no reader still needs and never blocks the app's writes or reads (a write meanwhile
 * appends to the log; SQLite starts the log over once a checkpoint has copied all of it). The app's
 * connection keeps an automatic checkpoint only as a backstop, at FALLBACK_AUTOCHECKPOINT_PAGES, for
 * when the thread cannot keep up or has stopped; if the thread cannot start at all the app's
 * connection goes back to SQLite's default.
 *
 * The thread knows nothing of the app (plain CommonJS, `eval`, given the driver's resolved path), so
 * it runs alike from the sources, the tests and the bundle.
 */

export const CHECKPOINT_EVERY_MS = 200;
/** The app connection's own automatic checkpoint, a backstop: 64 MB of log (SQLite's default is 1 000 pages). */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 16_384;
export const DEFAULT_AUTOCHECKPOINT_PAGES = 1_000;

const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.file);
  // FULL: the checkpoint fsyncs the log before copying it and the database file after (WAL mode).
  db.pragma('synchronous = FULL');
  db.pragma('wal_autocheckpoint = 0');
  db.pragma('busy_timeout = 0');
} catch (error) {
  parentPort.postMessage({ failed: String(error && error.message) });
  process.exit(0);
}
const step = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy (another checkpoint, a recovery): the next step tries again.
  }
};
const timer = setInterval(step, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  try { db.close(); } catch {}
  parentPort.close();
});
parentPort.postMessage({ ready: true });
`;

export type Checkpointer = {
  /**
   * Stops the thread (its connection closes; nothing is lost — a checkpoint only copies). Resolves
   * once the thread has exited, so its connection no longer touches the files: whoever removes or
   * copies them waits for that.
   */
  stop(): Promise<void>;
};

/**
 * Starts checkpointing `file` on a thread. `onFailed` runs if the thread cannot open the database,
 * so that the caller gives its own connection SQLite's default checkpoints back.
 */
export function startCheckpointer(file: string, onFailed: (reason: string) => void, everyMs = CHECKPOINT_EVERY_MS): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(THREAD, { eval: true, workerData: { file, driver, everyMs } });
  let stopped = false;
  let exited = false;
  const exit = new Promise<void>((resolve) => worker.once('exit', () => {
    exited = true;
    resolve();
  }));
  const failed = (reason: string) => {
    if (!stopped) onFailed(reason);
    stopped = true;
  };
  worker.on('message', (m: { ready?: boolean; failed?: string }) => {
    if (m.failed) failed(m.failed);
  });
  worker.on('error', (err) => failed(err.message));
  worker.on('exit', () => failed('the checkpoint thread exited'));
  // The thread never keeps the process alive by itself (after the listeners: a 'message' listener refs it).
  worker.unref();
  return {
    stop() {
      // Kept alive until it has closed its connection: whoever awaits this may be all that is left.
      if (!exited) worker.ref();
      if (!stopped && !exited) worker.postMessage('stop');
      stopped = true;
      return exit;
    },
  };
}
