import type { AuditEvent, AuditEventList } from '../../../shared/audit.js';
import { keyset, toPage } from '../../core/paging.js';
import type { Scope } from '../../core/scope.js';

/** An entity's history, newest first. The caller has already checked the entity is in this workspace. */
export async function listHistory(scope: Scope, entityId: string, query: { limit: number; cursor?: string }): Promise<AuditEventList> {
  const q = scope
    .selectFrom('audit_events')
    .select(['id', 'actor_id', 'actor_name', 'entity_type', 'entity_id', 'action', 'changes', 'occurred_at'])
    .where('entity_id', '=', entityId);
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
