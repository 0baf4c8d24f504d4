import { sql, type SelectQueryBuilder } from 'kysely';
import { isId } from '../../shared/common.js';
import { AppError } from './errors.js';

export type Cursor = [string | number, string];
/** What the sort column holds: the cursor's value must be of that type before it reaches SQL. */
export type CursorKind = 'text' | 'integer';

export function encodeCursor(value: string | number, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

const invalidCursor = () =>
  new AppError('invalid_cursor', 'This cursor is not valid; start again from the first page.', [{ path: 'cursor', message: 'Use the nextCursor of the previous page, with the same sort.' }]);

const isValue = (value: unknown, kind: CursorKind) =>
  kind === 'integer' ? Number.isSafeInteger(value) : typeof value === 'string' && value.length <= 500 && !value.includes('\u0000');

/** A cursor made by `encodeCursor` for a column of `kind`, or 400 `invalid_cursor`: nothing else reaches SQL. */
export function decodeCursor(cursor: string, kind: CursorKind = 'text'): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (Array.isArray(parsed) && parsed.length === 2 && isValue(parsed[0], kind) && isId(parsed[1])) return parsed as Cursor;
  throw invalidCursor();
}

/**
 * Keyset paging on (column, id): the page after a cursor is found through the index, however deep
 * in the list it is. Fetches one row more than asked to know whether a next page exists.
 */
export function keyset<DB, TB extends keyof DB, O>(
  qb: SelectQueryBuilder<DB, TB, O>,
  opts: { column: string; idColumn: string; descending: boolean; cursor?: string; limit: number; kind?: CursorKind },
): SelectQueryBuilder<DB, TB, O> {
  return keysetAfter(qb, { ...opts, after: opts.cursor ? decodeCursor(opts.cursor, opts.kind) : undefined });
}

/** `keyset` with the cursor already decoded (a prepared query passes its placeholders). */
export function keysetAfter<DB, TB extends keyof DB, O>(
  qb: SelectQueryBuilder<DB, TB, O>,
  opts: { column: string; idColumn: string; descending: boolean; after?: Cursor; limit: number },
): SelectQueryBuilder<DB, TB, O> {
  const dir = opts.descending ? 'desc' : 'asc';
  let q = qb;
  if (opts.after) {
    const [value, id] = opts.after;
    const op = opts.descending ? sql.raw('<') : sql.raw('>');
    q = q.where(sql<boolean>`(${sql.ref(opts.column)}, ${sql.ref(opts.idColumn)}) ${op} (${value}, ${id})`);
  }
  // The limit is written into the SQL, not bound: a prepared statement's generic plan then knows it
  // reads a page, not a tenth of the table (PostgreSQL otherwise costed a page with correlated
  // subqueries, such as the focus flags', high enough to JIT-compile it on every run).
  return q
    .orderBy(sql.ref(opts.column), dir)
    .orderBy(sql.ref(opts.idColumn), dir)
    .limit(sql<number>`${sql.lit(opts.limit + 1)}`);
}

export function toPage<R, T>(rows: R[], limit: number, cursorOf: (row: R) => [string | number, string], present: (row: R) => T) {
  const more = rows.length > limit;
  const slice = more ? rows.slice(0, limit) : rows;
  const last = slice[slice.length - 1];
  return {
    data: slice.map(present),
    nextCursor: more && last ? encodeCursor(...cursorOf(last)) : null,
  };
}
