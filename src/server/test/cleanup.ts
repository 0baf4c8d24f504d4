/**
 * What a test helper opened (an app, a database, a mail or webhook server) is closed when its test
 * file ends, wherever the helper was called: at the file's top level, in a hook or inside a test.
 * Vitest's `afterAll` only attaches to a file while the file is being collected; called from inside
 * a running test it can attach elsewhere and run early (a database dropped under the test using it).
 * `setup-file.ts`, run at the start of every integration test file, runs these at the file's end.
 */
const pending: (() => Promise<void> | void)[] = [];

export function closeAfterFile(close: () => Promise<void> | void): void {
  pending.push(close);
}

/** Closes the most recently opened first, and every one even when one fails. */
export async function closeAll(): Promise<void> {
  const errors: unknown[] = [];
  while (pending.length > 0) {
    try {
      await pending.pop()!();
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length > 0) throw new AggregateError(errors, 'closing what the test file opened failed');
}
