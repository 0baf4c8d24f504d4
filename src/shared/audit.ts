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
