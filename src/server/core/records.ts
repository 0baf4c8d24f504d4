import { sql } from 'kysely';
import type { Actor } from './actor.js';
import { audit, type AuditEntity } from './audit.js';
import { dbKind } from './db/connect.js';
import { scopedShapes } from './db/prepared.js';
import { conflict, invalid } from './errors.js';
import { nowIso } from './ids.js';
import type { Scope, ScopedTable } from './scope.js';

type Versioned = { id: string; version: number; [column: string]: unknown };

/** Tables whose rows carry a `version` (and an `updated_at`). */
export type VersionedTable = Extract<
  ScopedTable,
  'accounts' | 'contacts' | 'opportunities' | 'stages' | 'teams' | 'users' | 'plans' | 'plan_milestones' | 'commitments' | 'plan_templates' | 'account_objectives' | 'rep_targets'
  | 'why_ladders' | 'goals'
  | 'sweet_spot_criteria' | 'interactions' | 'retrospective_answers'
  | 'check_in_templates' | 'check_in_series' | 'check_ins' | 'check_in_answers' | 'check_in_notes' | 'check_in_coaching'
  | 'webhook_endpoints'
>;

/**
 * The one conditional write every versioned change goes through: `set` applies, with version + 1,
 * only while the row is still at the version that was read. False when another writer got there
 * first (PostgreSQL re-checks the condition after waiting for that writer's row lock, so the
 * second of two racing writes changes nothing instead of overwriting the first).
 */
export async function updateAtVersion(scope: Scope, table: VersionedTable, id: string, version: number, set: Record<string, unknown>): Promise<boolean> {
  const columns = Object.keys(set);
  const values = Object.values(set);
  const params: VersionedParams = { id, version, nextVersion: version + 1, updatedAt: nowIso() };
  let plain = true;
  values.forEach((v, i) => {
    if (v === null || typeof v === 'string' || typeof v === 'number') params[`c${i}`] = v;
    else plain = false;
  });
  if (!plain) {
    const result = await versioned(scope, table, set, params).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
  return (await versionedUpdate.changed(scope, { table, columns }, params)) === 1;
}

type Value = string | number | null;
type VersionedParams = { id: string; version: number; nextVersion: number; updatedAt: string } & { [column: `c${number}`]: Value };

function versioned(scope: Scope, table: VersionedTable, set: Record<string, unknown>, at: VersionedParams) {
  return scope
    .updateTable(table)
    .set({ ...set, version: at.nextVersion, updated_at: at.updatedAt } as never)
    .where(sql.ref(`${table}.id`), '=', at.id)
    .where(sql.ref(`${table}.version`), '=', at.version);
}

/** The same conditional write, compiled once per table and set of columns (their values are placeholders). */
const versionedUpdate = scopedShapes((scope, p: VersionedParams, s: { table: VersionedTable; columns: string[] }) =>
  versioned(scope, s.table, Object.fromEntries(s.columns.map((c, i) => [c, p[`c${i}`]])), p),
);

/**
 * Holds the row's write lock until the transaction ends, for a rule that spans rows (one pending
 * new date per commitment): a second writer waits, then reads what the first one wrote. SQLite
 * already runs one write transaction at a time. On PostgreSQL it is the lock an UPDATE of the row
 * takes (FOR NO KEY UPDATE), not FOR UPDATE: a transaction that inserted a row referencing this one
 * holds a key-share lock on it, which FOR UPDATE would wait for — while that transaction waits to
 * update this row itself: a deadlock.
 */
export async function lockRow(scope: Scope, table: VersionedTable, id: string): Promise<void> {
  if (dbKind(scope.db) !== 'postgres') return;
  await sql`select id from ${sql.table(table)} where id = ${id} and workspace_id = ${scope.workspaceId} for no key update`.execute(scope.db);
}

/** What an attempt passed to `retryWhenStale` returns when its conditional write found a newer row. */
export const STALE: unique symbol = Symbol('stale');

/**
 * For a change that carries no version because it does not depend on what its author saw (a
 * customer's tick, applying an accepted date): read, decide and write at the version read; when
 * another writer got there first, read again and decide again. Inside a transaction each attempt
 * reads what is committed now (READ COMMITTED on PostgreSQL; SQLite never races). After a few
 * attempts in a row lost, 409 with the current record.
 */
export async function retryWhenStale<R>(attempt: () => Promise<R | typeof STALE>, current: () => Promise<unknown>, attempts = 5): Promise<R> {
  for (let i = 0; i < attempts; i++) {
    const out = await attempt();
    if (out !== STALE) return out;
  }
  throw conflict(await current());
}

/**
 * The version the writer read is the record's: 400 naming `version` when none was sent, 409 with the
 * current record when another write came first. Checked before anything else a change decides,
 * even before finding that it changes nothing (archiving what is already archived).
 */
export async function assertVersionRead(current: Versioned, expectedVersion: number | undefined, present: () => Promise<unknown>): Promise<void> {
  if (expectedVersion === undefined) throw invalid('version', 'Send the version you edited (the "version" field or an If-Match header).');
  if (expectedVersion !== current.version) throw conflict(await present());
}

/**
 * The one way a versioned record changes: only from the version the editor saw (else 409 with the
 * current record), version + 1, and an audit event in the same transaction.
 */
export async function writeVersioned<Row extends Versioned, Out>(opts: {
  scope: Scope;
  actor: Actor;
  table: VersionedTable;
  entityType: AuditEntity;
  action: 'update' | 'archive' | 'restore';
  current: Row;
  expectedVersion: number | undefined;
  patch: Partial<Row>;
  /** Columns computed from the record as it will be (e.g. its search text): written, not audited. */
  derive?: (next: Row) => Partial<Row>;
  present: () => Promise<Out>;
}): Promise<Out> {
  const { scope, actor, current } = opts;
  await assertVersionRead(current, opts.expectedVersion, opts.present);
  const changed = Object.fromEntries(Object.entries(opts.patch).filter(([k, v]) => v !== undefined && current[k] !== v));
  if (Object.keys(changed).length === 0) return opts.present();
  const derived = Object.fromEntries(Object.entries(opts.derive?.({ ...current, ...changed }) ?? {}).filter(([k, v]) => current[k] !== v));
  if (!(await updateAtVersion(scope, opts.table, current.id, current.version, { ...changed, ...derived }))) throw conflict(await opts.present());
  const before = Object.fromEntries(Object.keys(changed).map((k) => [k, current[k]]));
  await audit(scope, actor, { entityType: opts.entityType, entityId: current.id, action: opts.action, before, after: changed });
  return opts.present();
}

/** Archive or restore (a no-op when already there), through the same versioned, audited write. */
export async function setArchived<Row extends Versioned & { archived_at: string | null }, Out>(opts: {
  scope: Scope;
  actor: Actor;
  table: Extract<ScopedTable, 'accounts' | 'contacts' | 'opportunities' | 'plan_milestones'>;
  entityType: AuditEntity;
  current: Row;
  archived: boolean;
  expectedVersion: number | undefined;
  present: () => Promise<Out>;
}): Promise<Out> {
  await assertVersionRead(opts.current, opts.expectedVersion, opts.present);
  if ((opts.current.archived_at !== null) === opts.archived) return opts.present();
  return writeVersioned({
    ...opts,
    action: opts.archived ? 'archive' : 'restore',
    // From the version its author saw, like every other change (a missing one is a field error).
    expectedVersion: opts.expectedVersion,
    patch: { archived_at: opts.archived ? nowIso() : null } as Partial<Row>,
  });
}

/** snake_case column patch from a camelCase body, keeping only fields that were sent. */
export function columnsOf<T extends Record<string, unknown>>(body: T, map: Partial<Record<keyof T, string>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(map) as [keyof T, string][]) {
    if (body[key] !== undefined) out[column] = body[key];
  }
  return out;
}

/** Whether `basis` lists exactly these rows, in this order: a move's `basis`, the whole list as its author read it. */
export const inOrderRead = (basis: readonly string[], rows: readonly { id: string }[]) => basis.length === rows.length && basis.every((id, i) => id === rows[i].id);
