import type { AuditEvent, AuditEventList } from '../../../shared/audit.js';
import { keyset, toPage } from '../../core/paging.js';
import type { Scope } from '../../core/scope.js';

/**
 * Entity types whose events are private to one person (a rep's why ladders: features/goals). They
 * are never part of a shared history: `listHistory` leaves them out whatever ids it is given, and
 * anything that reads the workspace's events at large (an export, an activity feed) must leave them
 * out too. Their owner reads them through `listPrivateHistory`, after checking they are theirs.
 */
export const PRIVATE_ENTITY_TYPES: readonly string[] = ['why_ladder', 'why_rung'];

type Filter = 'shared' | 'private';

async function history(scope: Scope, entityIds: string | string[], query: { limit: number; cursor?: string }, filter: Filter): Promise<AuditEventList> {
  const ids = Array.isArray(entityIds) ? entityIds : [entityIds];
  const q = scope
    .selectFrom('audit_events')
    .select(['id', 'actor_id', 'actor_name', 'entity_type', 'entity_id', 'action', 'changes', 'occurred_at'])
    .where('entity_id', ids.length === 1 ? '=' : 'in', ids.length === 1 ? ids[0] : ids)
    .where('entity_type', filter === 'shared' ? 'not in' : 'in', [...PRIVATE_ENTITY_TYPES]);
  const rows = await keyset(q, { column: 'audit_events.id', idColumn: 'audit_events.id', descending: true, cursor: query.cursor, limit: query.limit }).execute();
  return toPage(
    rows,
    query.limit,
    (r) => [r.id, r.id],
    (r): AuditEvent => ({
      id: r.id,
      actor: { id: r.actor_id, name: r.actor_name },
      entityType: r.entity_type,
      entityId: r.entity_id,
      action: r.action,
      changes: JSON.parse(r.changes) as AuditEvent['changes'],
      occurredAt: r.occurred_at,
    }),
  );
}

/**
 * The history of one entity, or of several together (a plan and its parts), newest first. The caller
 * has already checked the entities are in this workspace. Private events are never listed.
 */
export function listHistory(scope: Scope, entityIds: string | string[], query: { limit: number; cursor?: string }): Promise<AuditEventList> {
  return history(scope, entityIds, query, 'shared');
}

/** The history of private entities (PRIVATE_ENTITY_TYPES), for their owner: the caller has checked they are the actor's own. */
export function listPrivateHistory(scope: Scope, entityIds: string | string[], query: { limit: number; cursor?: string }): Promise<AuditEventList> {
  return history(scope, entityIds, query, 'private');
}
