import type { Compilable, CompiledQuery, QueryResult, RootOperationNode } from 'kysely';
import { Scope, type Conn } from '../scope.js';
import { dbKind, keepPrepared } from './connect.js';

/**
 * A query built and compiled to SQL once per engine, then run with new values: for the queries
 * every request runs (the session lookup, a record by id, a list page). Building a Kysely query and
 * compiling it cost about as much as SQLite took to answer it, and a freshly built SQL text also had
 * to be hashed whole to find its prepared statement.
 *
 * `build` receives named placeholders instead of values and must use each as a plain value
 * (`where(col, '=', p.id)`), never inside another value or as SQL. The first run checks that every
 * placeholder became exactly one parameter, so a misuse fails at once rather than quietly.
 *
 *   const byId = prepared((db, p: { workspaceId: string; id: string }) =>
 *     new Scope(db, p.workspaceId).selectFrom('accounts').selectAll().where('accounts.id', '=', p.id));
 *   const row = await byId.first(scope.db, { workspaceId, id });
 *
 * A query whose form depends on the request (which filters, which sort) takes a `shape`: plain data
 * that decides the SQL text, compiled once per distinct shape (JSON is its key). Values go in the
 * placeholders, never in the shape.
 *
 * `scoped` and `scopedShapes` hand `build` a Scope (core/scope.ts) bound to the caller's workspace,
 * so a prepared query of a workspace's tables is confined to it like any other.
 *
 * On PostgreSQL these statements are also kept prepared on each connection (connect.ts,
 * keepPrepared), so the database does not parse and plan them again either.
 */

type Value = string | number | null;
type Slot = { name: string } | { value: unknown };
type Compiled = { sql: string; query: RootOperationNode; slots: Slot[]; queryId: CompiledQuery['queryId'] };

const MARK = '\u0000prepared:';
/** Shapes kept per query: a handful in practice (the sorts and filters people use); a bound all the same. */
const MAX_SHAPES = 200;

export type Prepared<P, O> = {
  execute(db: Conn, params: P): Promise<O[]>;
  first(db: Conn, params: P): Promise<O | undefined>;
};

export type PreparedShapes<S, P, O> = {
  execute(db: Conn, shape: S, params: P): Promise<O[]>;
  /** For a write: how many rows it changed. */
  changed(db: Conn, shape: S, params: P): Promise<number>;
};

function compile(query: CompiledQuery<unknown>, used: Set<string>): Compiled {
  const slots = query.parameters.map((value): Slot => (typeof value === 'string' && value.startsWith(MARK) ? { name: value.slice(MARK.length) } : { value }));
  const bound = new Set(slots.flatMap((s) => ('name' in s ? [s.name] : [])));
  const misused = [...used].filter((name) => !bound.has(name));
  if (query.sql.includes(MARK) || misused.length > 0 || query.parameters.some((v) => typeof v === 'string' && v.includes(MARK) && !v.startsWith(MARK))) {
    throw new Error(`prepared query: use ${misused.join(', ') || 'each placeholder'} as a plain value (${query.sql})`);
  }
  return { sql: query.sql, query: query.query, slots, queryId: query.queryId };
}

export function preparedShapes<S, P extends Record<string, Value>, O>(build: (db: Conn, p: P, shape: S) => Compilable<O>): PreparedShapes<S, P, O> {
  const cache = new Map<string, Compiled>();

  const compiledFor = (db: Conn, shape: S): Compiled => {
    const kind = dbKind(db);
    const key = `${kind}:${JSON.stringify(shape) ?? ''}`;
    const known = cache.get(key);
    if (known) return known;
    const used = new Set<string>();
    const placeholders = new Proxy({} as P, {
      get: (_, name) => {
        used.add(String(name));
        return `${MARK}${String(name)}`;
      },
    });
    const compiled = compile(build(db, placeholders, shape).compile(), used);
    if (kind === 'postgres') keepPrepared(compiled.sql);
    if (cache.size >= MAX_SHAPES) cache.clear();
    cache.set(key, compiled);
    return compiled;
  };

  const run = (db: Conn, shape: S, params: P): Promise<QueryResult<O>> => {
    const c = compiledFor(db, shape);
    const parameters = c.slots.map((s) => ('name' in s ? params[s.name] : s.value));
    const query: CompiledQuery<O> = { sql: c.sql, query: c.query, parameters, queryId: c.queryId };
    return db.executeQuery(query);
  };
  return {
    execute: async (db, shape, params) => (await run(db, shape, params)).rows,
    changed: async (db, shape, params) => Number((await run(db, shape, params)).numAffectedRows ?? 0),
  };
}

export function prepared<P extends Record<string, Value>, O>(build: (db: Conn, p: P) => Compilable<O>): Prepared<P, O> {
  const shapes = preparedShapes<null, P, O>((db, p) => build(db, p));
  const execute = (db: Conn, params: P) => shapes.execute(db, null, params);
  return { execute, first: async (db, params) => (await execute(db, params))[0] };
}

export type Scoped<P, O> = {
  execute(scope: Scope, params: P): Promise<O[]>;
  first(scope: Scope, params: P): Promise<O | undefined>;
  /** For a write: how many rows it changed. */
  changed(scope: Scope, params: P): Promise<number>;
};

/** `prepared` for a workspace's tables: `build` gets a Scope on the caller's workspace. */
export function scoped<P extends Record<string, Value>, O>(build: (scope: Scope, p: P) => Compilable<O>): Scoped<P, O> {
  const shapes = scopedShapes<null, P, O>((scope, p) => build(scope, p));
  const execute = (scope: Scope, params: P) => shapes.execute(scope, null, params);
  return { execute, first: async (scope, params) => (await execute(scope, params))[0], changed: (scope, params) => shapes.changed(scope, null, params) };
}

export type ScopedShapes<S, P, O> = {
  execute(scope: Scope, shape: S, params: P): Promise<O[]>;
  changed(scope: Scope, shape: S, params: P): Promise<number>;
};

/** `preparedShapes` for a workspace's tables: `build` gets a Scope on the caller's workspace. */
export function scopedShapes<S, P extends Record<string, Value>, O>(build: (scope: Scope, p: P, shape: S) => Compilable<O>): ScopedShapes<S, P, O> {
  const shapes = preparedShapes<S, P & { workspaceId: string }, O>((db, p, shape) => build(new Scope(db, p.workspaceId), p, shape));
  return {
    execute: (scope, shape, params) => shapes.execute(scope.db, shape, { ...params, workspaceId: scope.workspaceId }),
    changed: (scope, shape, params) => shapes.changed(scope.db, shape, { ...params, workspaceId: scope.workspaceId }),
  };
}
