import { z } from 'zod';
import { Id, Instant, listQueryBase, page } from './common.js';

export const AUDIT_ACTIONS = ['create', 'update', 'archive', 'restore', 'transfer', 'deactivate', 'accept', 'revoke'] as const;

export const AuditEvent = z
  .object({
    id: Id,
    actor: z.object({ id: Id.nullable(), name: z.string() }),
    entityType: z.string(),
    entityId: Id,
    action: z.string(),
    changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
    occurredAt: Instant,
  })
  .meta({ id: 'AuditEvent' });
export type AuditEvent = z.infer<typeof AuditEvent>;

export const HistoryQuery = z.strictObject({ ...listQueryBase });
export const AuditEventList = page(AuditEvent).meta({ id: 'AuditEventList' });
export type AuditEventList = z.infer<typeof AuditEventList>;

/**
 * An event in the history of a record with parts (a plan: its milestones, commitments, date changes,
 * share links and comments; an objective: its tasks and insights). `about` names the part the event
 * is on as it is named now — the commitment's title, the milestone's, the share link's recipient —
 * or is null for the record itself and for parts that carry their words in `changes` (a comment).
 */
export const HistoryEvent = AuditEvent.extend({ about: z.string().nullable() }).meta({ id: 'HistoryEvent' });
export type HistoryEvent = z.infer<typeof HistoryEvent>;
export const HistoryEventList = page(HistoryEvent).meta({ id: 'HistoryEventList' });
export type HistoryEventList = z.infer<typeof HistoryEventList>;
