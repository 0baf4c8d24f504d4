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

/**
 * What the enabled endpoints of each workspace subscribe to, kept in this instance's memory: every
 * domain write asks it (most workspaces have no endpoint, and most writes' events no subscriber), so
 * it is read from the database at most every SUBSCRIPTIONS_TTL_MS per workspace. This instance's own
 * endpoint changes forget it at once (forgetSubscriptions, after their commit); another instance's
 * are seen here within SUBSCRIPTIONS_TTL_MS, so an event up to that long after an endpoint is created
 * or enabled elsewhere may not be sent to it (README, "Webhooks"). A stale "subscribed" costs only a
 * read: emitWebhook reads the endpoints themselves before queuing.
 */
export const SUBSCRIPTIONS_TTL_MS = 5_000;
const MAX_WORKSPACES_KEPT = 10_000;
const known = new Map<string, { types: ReadonlySet<string>; until: number }>();
/** Bumped by every forget: a read that began before it is not kept (it may predate the change). */
let generation = 0;

/** The event types some enabled endpoint of the workspace takes. */
export async function subscribedTypes(scope: Scope): Promise<ReadonlySet<string>> {
  const now = Date.now();
  const hit = known.get(scope.workspaceId);
  if (hit && hit.until > now) return hit.types;
  const seen = generation;
  const endpoints = await scope
    .selectFrom('webhook_endpoints')
    .select('webhook_endpoints.events')
    .where('webhook_endpoints.enabled', '=', 1)
    .where('webhook_endpoints.deleted_at', 'is', null)
    .execute();
  const types: ReadonlySet<string> = new Set(endpoints.flatMap((e) => JSON.parse(e.events) as string[]));
  if (seen === generation) {
    if (known.size >= MAX_WORKSPACES_KEPT) for (const [id, entry] of known) if (entry.until <= now) known.delete(id);
    if (known.size >= MAX_WORKSPACES_KEPT) known.clear();
    known.set(scope.workspaceId, { types, until: now + SUBSCRIPTIONS_TTL_MS });
  }
  return types;
}

/** After an endpoint of the workspace is created, changed or removed (once committed): read its subscriptions again. */
export function forgetSubscriptions(workspaceId: string): void {
  generation += 1;
  known.delete(workspaceId);
}

/** Whether any enabled endpoint of the workspace takes this type (builders skip their reads when none does). */
export async function hasSubscribers(scope: Scope, type: WebhookDeliveredType): Promise<boolean> {
  return (await subscribedTypes(scope)).has(type);
}

/** Queues the event for every enabled endpoint of the workspace subscribed to its type; returns how many were queued. */
export async function emitWebhook(scope: Scope, event: WebhookEvent): Promise<number> {
  if (!(await hasSubscribers(scope, event.type))) return 0;
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
