import type { Actor } from './actor.js';
import { newId, nowIso } from './ids.js';
import type { Scope } from './scope.js';
import { scoped } from './db/prepared.js';

export type AuditEntity = 'workspace' | 'user' | 'team' | 'invite' | 'account' | 'contact' | 'opportunity' | 'stage'
  | 'plan' | 'milestone' | 'commitment' | 'renegotiation' | 'plan_template' | 'share_link' | 'comment' | 'objective' | 'objective_insight'
  | 'sweet_spot_criterion' | 'rep_target' | 'interaction'
  | 'why_ladder' | 'why_rung' | 'goal' | 'goal_step' | 'goal_note' | 'mail'
  | 'check_in_template' | 'check_in_series' | 'check_in' | 'check_in_answers' | 'check_in_note' | 'check_in_coaching'
  | 'retrospective' | 'webhook_endpoint' | 'webhook_delivery'
  | 'api_token' | 'calendar_feed';
export type AuditAction = 'create' | 'update' | 'archive' | 'restore' | 'transfer' | 'deactivate' | 'accept' | 'decline' | 'revoke' | 'reset' | 'invite' | 'remove' | 'cancel' | 'record' | 'complete' | 'retry' | 'unsubscribe' | 'rotate' | 'test' | 'export';

type Snapshot = Record<string, unknown>;

const IGNORED = new Set(['version', 'updated_at', 'created_at', 'workspace_id', 'id', 'password_hash']);

/** Field-by-field difference between two snapshots (only fields that changed). */
export function diff(before: Snapshot | null, after: Snapshot | null): Record<string, { before: unknown; after: unknown }> {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const out: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of keys) {
    if (IGNORED.has(key)) continue;
    const b = before?.[key] ?? null;
    const a = after?.[key] ?? null;
    if (b !== a) out[toCamel(key)] = { before: b, after: a };
  }
  return out;
}

const camel = new Map<string, string>();
/** Column names are few: each is converted once (an import diffs 100 000 rows of ~20 columns). */
const toCamel = (s: string) => {
  let c = camel.get(s);
  if (c === undefined) {
    c = s.replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase());
    if (camel.size < 1000) camel.set(s, c);
  }
  return c;
};

export type AuditInput = {
  entityType: AuditEntity;
  entityId: string;
  action: AuditAction;
  before: Snapshot | null;
  after: Snapshot | null;
};

/**
 * Writes who changed what, when, before and after. Call it inside the transaction that makes the
 * change, so the record and its history never disagree. The actor's name is copied so history
 * keeps the original name after people leave.
 */
/** Who did it: a person of the workspace, a customer through a share link (no id), or Advance itself (null). */
export type AuditActor = { id: string | null; name: string };

export async function audit(scope: Scope, actor: AuditActor | Pick<Actor, 'id' | 'name'> | null, events: AuditInput | AuditInput[]): Promise<void> {
  const at = nowIso();
  const list = Array.isArray(events) ? events : [events];
  const rows = list.map((e) => ({
    id: newId(),
    actor_id: actor?.id ?? null,
    actor_name: actor?.name ?? 'Advance',
    entity_type: e.entityType,
    entity_id: e.entityId,
    action: e.action,
    changes: JSON.stringify(diff(e.before, e.after)),
    occurred_at: at,
  }));
  // One event (most changes): a statement built once; several: one multi-row insert.
  if (rows.length === 1) await oneEvent.execute(scope, rows[0]);
  else await scope.insertMany('audit_events', rows);
}

type EventRow = { id: string; actor_id: string | null; actor_name: string; entity_type: string; entity_id: string; action: string; changes: string; occurred_at: string };

const oneEvent = scoped((scope, p: EventRow) =>
  scope.insertRow('audit_events', {
    id: p.id,
    actor_id: p.actor_id,
    actor_name: p.actor_name,
    entity_type: p.entity_type,
    entity_id: p.entity_id,
    action: p.action,
    changes: p.changes,
    occurred_at: p.occurred_at,
  }),
);
