import type { AuditEvent, AuditEventList } from '../../../shared/audit.js';
import { keyset, toPage } from '../../core/paging.js';
import type { Scope } from '../../core/scope.js';

/**
 * The history of one entity, or of several together (a plan and its parts), newest first. The caller
 * has already checked the entities are in this workspace.
 */
export async function listHistory(scope: Scope, entityIds: string | string[], query: { limit: number; cursor?: string }): Promise<AuditEventList> {
  const ids = Array.isArray(entityIds) ? entityIds : [entityIds];
  const q = scope
    .selectFrom('audit_events')
    .select(['id', 'actor_id', 'actor_name', 'entity_type', 'entity_id', 'action', 'changes', 'occurred_at'])
    .where('entity_id', ids.length === 1 ? '=' : 'in', ids.length === 1 ? ids[0] : ids);
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
