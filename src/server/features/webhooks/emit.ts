import { createHash } from 'node:crypto';
import type { WebhookDeliveredType } from '../../../shared/webhook-events.js';
import { newId } from '../../core/ids.js';
import type { Scope } from '../../core/scope.js';

/**
 * Queuing webhook deliveries. Call `emitWebhook` inside the transaction of the event that causes
 * it, like a mail: if the event rolls back, so do its deliveries. One row per subscribed endpoint,
 * under a unique key (the event's key + the endpoint), so an event emitted twice — a retried
 * request, a rerun — never queues a second delivery. The event id is derived from the key, so it is
 * the same for every endpoint and every attempt (receivers dedupe on Advance-Event-Id).
 */

export type WebhookEvent = {
  type: WebhookDeliveredType;
  /** Unique per event in the workspace, e.g. `commitment.completed:<id>:v<version>`. */
  key: string;
  data: Record<string, unknown>;
  now?: Date;
};

/** A UUID (version 8, "custom") made from the workspace and the event's key: the same key gives the same id. */
export function eventIdFor(workspaceId: string, key: string): string {
  const h = createHash('sha256').update(`${workspaceId}\n${key}`).digest('hex');
  const variant = (8 | (parseInt(h[16], 16) & 3)).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The JSON every endpoint receives for an event (the bytes that are signed). */
export function eventBody(workspaceId: string, event: WebhookEvent, createdAt: string): string {
  return JSON.stringify({ id: eventIdFor(workspaceId, event.key), type: event.type, createdAt, workspaceId, data: event.data });
}

async function insertDelivery(scope: Scope, endpointId: string, event: WebhookEvent, body: string, at: string): Promise<string | null> {
  const id = newId();
  const res = await scope.db
    .insertInto('webhook_deliveries')
    .values({
      id,
      workspace_id: scope.workspaceId,
      endpoint_id: endpointId,
      dedupe_key: `${scope.workspaceId}:${event.key}|${endpointId}`,
      event_id: eventIdFor(scope.workspaceId, event.key),
      event_type: event.type,
      body,
      status: 'pending',
      attempts: 0,
      next_attempt_at: at,
      claimed_until: null,
      claim_token: null,
      last_response_status: null,
      last_duration_ms: null,
      last_error: null,
      created_at: at,
      updated_at: at,
      delivered_at: null,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0 ? id : null;
}

/** Whether any enabled endpoint of the workspace takes this type (builders skip their reads when none does). */
export async function hasSubscribers(scope: Scope, type: WebhookDeliveredType): Promise<boolean> {
  const endpoints = await scope
    .selectFrom('webhook_endpoints')
    .select('webhook_endpoints.events')
    .where('webhook_endpoints.enabled', '=', 1)
    .where('webhook_endpoints.deleted_at', 'is', null)
    .execute();
  return endpoints.some((e) => (JSON.parse(e.events) as string[]).includes(type));
}

/** Queues the event for every enabled endpoint of the workspace subscribed to its type; returns how many were queued. */
export async function emitWebhook(scope: Scope, event: WebhookEvent): Promise<number> {
  const endpoints = await scope
    .selectFrom('webhook_endpoints')
    .select(['webhook_endpoints.id', 'webhook_endpoints.events'])
    .where('webhook_endpoints.enabled', '=', 1)
    .where('webhook_endpoints.deleted_at', 'is', null)
    .execute();
  const subscribed = endpoints.filter((e) => (JSON.parse(e.events) as string[]).includes(event.type));
  if (subscribed.length === 0) return 0;
  const at = (event.now ?? new Date()).toISOString();
  const body = eventBody(scope.workspaceId, event, at);
  let queued = 0;
  for (const e of subscribed) if (await insertDelivery(scope, e.id, event, body, at)) queued += 1;
  return queued;
}

/** Queues one event for one endpoint whatever it subscribed to ("Send test"); the delivery's id. */
export async function emitTo(scope: Scope, endpointId: string, event: WebhookEvent): Promise<string | null> {
  const at = (event.now ?? new Date()).toISOString();
  return insertDelivery(scope, endpointId, event, eventBody(scope.workspaceId, event, at), at);
}
