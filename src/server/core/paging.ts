import { sql, type SelectQueryBuilder } from 'kysely';
import { invalid } from './errors.js';

type Cursor = [string | number, string];

export function encodeCursor(value: string | number, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

export function decodeCursor(cursor: string): Cursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && (typeof parsed[0] === 'string' || typeof parsed[0] === 'number') && typeof parsed[1] === 'string') {
      return parsed as Cursor;
    }
  } catch {
    // fall through
  }
  throw invalid('cursor', 'This cursor is not valid; start again from the first page.');
}

/**
 * Keyset paging on (column, id): the page after a cursor is found through the index, however deep
 * in the list it is. Fetches one row more than asked to know whether a next page exists.
 */
export function keyset<DB, TB extends keyof DB, O>(
  qb: SelectQueryBuilder<DB, TB, O>,
  opts: { column: string; idColumn: string; descending: boolean; cursor?: string; limit: number },
): SelectQueryBuilder<DB, TB, O> {
  const dir = opts.descending ? 'desc' : 'asc';
  let q = qb;
  if (opts.cursor) {
    const [value, id] = decodeCursor(opts.cursor);
    const op = opts.descending ? sql.raw('<') : sql.raw('>');
    q = q.where(sql<boolean>`(${sql.ref(opts.column)}, ${sql.ref(opts.idColumn)}) ${op} (${value}, ${id})`);
  }
  return q
    .orderBy(sql.ref(opts.column), dir)
    .orderBy(sql.ref(opts.idColumn), dir)
    .limit(opts.limit + 1);
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
