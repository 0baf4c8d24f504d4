import SQLite from 'better-sqlite3';
import pg from 'pg';

/**
 * The SQL texts this process sends to the database while `run` runs, on either engine: PostgreSQL's
 * queries as the driver submits them (BEGIN and COMMIT included), SQLite's statements as they run.
 * For tests of how many round trips a request takes — a count, never a time.
 */
export async function statementsDuring(run: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const restore: (() => void)[] = [];
  const wrap = <T extends object>(proto: T, method: string, textOf: (self: any, args: unknown[]) => string) => {
    const original = (proto as Record<string, unknown>)[method] as (...args: unknown[]) => unknown;
    (proto as Record<string, unknown>)[method] = function (this: unknown, ...args: unknown[]) {
      seen.push(textOf(this, args));
      return original.apply(this, args);
    };
    restore.push(() => ((proto as Record<string, unknown>)[method] = original));
  };
  wrap(pg.Query.prototype, 'submit', (self) => String(self.text));
  const probe = new SQLite(':memory:');
  const statement = Object.getPrototypeOf(probe.prepare('select 1')) as object;
  probe.close();
  for (const method of ['run', 'get', 'all', 'iterate']) wrap(statement, method, (self) => String(self.source));
  try {
    await run();
  } finally {
    for (const undo of restore.reverse()) undo();
  }
  return seen;
}
