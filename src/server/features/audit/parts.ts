import type { Expression, SelectQueryBuilder } from 'kysely';
import type { AuditEvent, HistoryEventList } from '../../../shared/audit.js';
import type { Database } from '../../core/db/schema.js';
import type { Scope } from '../../core/scope.js';
import { keyset, toPage } from '../../core/paging.js';

/** A query answering ids: of the record itself, or of one kind of its parts (confined to the workspace by `Scope`). */
export type IdsQuery = Expression<{ id: string }>;

/**
 * The history of a record and its parts, newest first, by keyset on the event id (time-ordered).
 * The parts are given as queries, not as fetched ids, so a plan with thousands of comments is one
 * statement the (workspace_id, entity_id, id) index answers, whatever the database's parameter limit.
 */
export async function partsHistory<T extends keyof Database>(
  scope: Scope,
  record: SelectQueryBuilder<Database, T, { id: string }>,
  parts: IdsQuery[],
  query: { limit: number; cursor?: string },
): Promise<HistoryEventList> {
  const ids = parts.reduce<SelectQueryBuilder<Database, T, { id: string }>>((all, q) => all.unionAll(q), record);
  const q = scope
    .selectFrom('audit_events')
    .select(['id', 'actor_id', 'actor_name', 'entity_type', 'entity_id', 'action', 'changes', 'occurred_at'])
    .where('audit_events.entity_id', 'in', ids);
  const rows = await keyset(q, { column: 'audit_events.id', idColumn: 'audit_events.id', descending: true, cursor: query.cursor, limit: query.limit }).execute();
  const page = toPage(
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
  const names = await partNames(scope, page.data);
  return { ...page, data: page.data.map((e) => ({ ...e, about: names.get(e.entityId) ?? null })) };
}

/** The current name of each part an event of the page is on: one small query per kind present. */
async function partNames(scope: Scope, events: AuditEvent[]): Promise<Map<string, string>> {
  const idsOf = (type: string) => [...new Set(events.filter((e) => e.entityType === type).map((e) => e.entityId))];
  const milestones = idsOf('milestone');
  const commitments = idsOf('commitment');
  const renegotiations = idsOf('renegotiation');
  const links = idsOf('share_link');
  const rows = await Promise.all([
    milestones.length ? scope.selectFrom('plan_milestones').select(['plan_milestones.id', 'plan_milestones.title as name']).where('plan_milestones.id', 'in', milestones).execute() : [],
    commitments.length ? scope.selectFrom('commitments').select(['commitments.id', 'commitments.title as name']).where('commitments.id', 'in', commitments).execute() : [],
    renegotiations.length
      ? scope
          .selectFrom('commitment_renegotiations')
          .innerJoin('commitments', 'commitments.id', 'commitment_renegotiations.commitment_id')
          .select(['commitment_renegotiations.id', 'commitments.title as name'])
          .where('commitment_renegotiations.id', 'in', renegotiations)
          .execute()
      : [],
    links.length ? scope.selectFrom('plan_share_links').select(['plan_share_links.id', 'plan_share_links.recipient_name as name']).where('plan_share_links.id', 'in', links).execute() : [],
  ]);
  return new Map(rows.flat().map((r) => [r.id, r.name]));
}
