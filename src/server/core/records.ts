import type { Actor } from './actor.js';
import { audit, type AuditEntity } from './audit.js';
import { conflict, invalid } from './errors.js';
import { nowIso } from './ids.js';
import type { Scope, ScopedTable } from './scope.js';

type Versioned = { id: string; version: number; [column: string]: unknown };

/**
 * The one way a versioned record changes: only from the version the editor saw (else 409 with the
 * current record), version + 1, and an audit event in the same transaction.
 */
export async function writeVersioned<Row extends Versioned, Out>(opts: {
  scope: Scope;
  actor: Actor;
  table: Extract<ScopedTable, 'accounts' | 'contacts' | 'opportunities' | 'stages' | 'teams' | 'users' | 'plans' | 'plan_milestones' | 'commitments'>;
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
  if (opts.expectedVersion === undefined) {
    throw invalid('version', 'Send the version you edited (the "version" field or an If-Match header).');
  }
  if (opts.expectedVersion !== current.version) throw conflict(await opts.present());
  const changed = Object.fromEntries(Object.entries(opts.patch).filter(([k, v]) => v !== undefined && current[k] !== v));
  if (Object.keys(changed).length === 0) return opts.present();
  const derived = Object.fromEntries(Object.entries(opts.derive?.({ ...current, ...changed }) ?? {}).filter(([k, v]) => current[k] !== v));
  const result = await scope
    .updateTable(opts.table)
    .set({ ...changed, ...derived, version: current.version + 1, updated_at: nowIso() } as never)
    .where('id' as never, '=', current.id as never)
    .where('version' as never, '=', current.version as never)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw conflict(await opts.present());
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
  if ((opts.current.archived_at !== null) === opts.archived) return opts.present();
  return writeVersioned({
    ...opts,
    action: opts.archived ? 'archive' : 'restore',
    expectedVersion: opts.expectedVersion ?? opts.current.version,
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
