import { afterAll, onTestFinished } from 'vitest';

/**
 * Closes what a test helper opened (an app, a database, a mail or webhook server) when the code that
 * opened it is done: at the end of the test when it was opened inside a running test, else at the
 * end of the file — called at a file's top level, while the file is collected, `afterAll` belongs to
 * that file. (With files sharing a worker, a worker collects several files before running them, so
 * one list closed at "the end of the file" would close the next files' databases too early.)
 * Helpers are called at the top level or inside a test, not inside a `beforeAll`.
 */
export function closeWhenDone(close: () => Promise<void> | void): void {
  try {
    onTestFinished(async () => void (await close()));
  } catch {
    // Not inside a running test: the file's top level.
    afterAll(async () => void (await close()));
  }
}
