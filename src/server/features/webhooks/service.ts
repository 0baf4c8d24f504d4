import {
  WEBHOOK_TEST_EVENT,
  type CreateWebhookEndpointBody,
  type UpdateWebhookEndpointBody,
  type WebhookDelivery,
  type WebhookDeliveryDetail,
  type WebhookDeliveryList,
  type WebhookEndpoint,
  type WebhookEndpointList,
  type WebhookEndpointWithSecret,
} from '../../../shared/webhooks.js';
import type { Actor } from '../../core/actor.js';
import { audit } from '../../core/audit.js';
import type { Db } from '../../core/db/connect.js';
import type { WebhookDeliveryTable, WebhookEndpointTable } from '../../core/db/schema.js';
import { conflict, invalid, notFound, ruleViolation } from '../../core/errors.js';
import { newId, nowIso } from '../../core/ids.js';
import { keyset, toPage } from '../../core/paging.js';
import { assertVersionRead, updateAtVersion } from '../../core/records.js';
import type { Scope } from '../../core/scope.js';
import { checkDestination, type Lookup } from './destination.js';
import { emitTo, forgetSubscriptions } from './emit.js';
import { encryptSecret, newWebhookSecret, secretHint } from './secrets.js';

/** Endpoints, secrets and the delivery log, for admins (routes.ts asks the role). */

type Op<T> = { scope: Scope; actor: Actor } & T;
export type DestinationRules = { allowPrivate: boolean; lookup?: Lookup };

const DEFAULT_KEEP_PREVIOUS_HOURS = 24;

// ——— Presenting ———

async function present(scope: Scope, row: WebhookEndpointTable): Promise<WebhookEndpoint> {
  const [dead, last] = await Promise.all([
    scope
      .selectFrom('webhook_deliveries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('webhook_deliveries.endpoint_id', '=', row.id)
      .where('webhook_deliveries.status', '=', 'dead')
      .executeTakeFirstOrThrow(),
    scope
      .selectFrom('webhook_deliveries')
      .select(['webhook_deliveries.status', 'webhook_deliveries.last_response_status', 'webhook_deliveries.updated_at'])
      .where('webhook_deliveries.endpoint_id', '=', row.id)
      .where('webhook_deliveries.attempts', '>', 0)
      .orderBy('webhook_deliveries.updated_at', 'desc')
      .limit(1)
      .executeTakeFirst(),
  ]);
  const previousLive = row.previous_secret_expires_at && Date.parse(row.previous_secret_expires_at) > Date.now() ? row.previous_secret_expires_at : null;
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: JSON.parse(row.events) as WebhookEndpoint['events'],
    enabled: row.enabled === 1,
    secretHint: row.secret_hint,
    previousSecretExpiresAt: previousLive,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deadDeliveries: Number(dead.n),
    lastDelivery: last ? { status: last.status, responseStatus: last.last_response_status, at: last.updated_at } : null,
  };
}

export function presentDelivery(row: WebhookDeliveryTable): WebhookDelivery {
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    eventId: row.event_id,
    eventType: row.event_type as WebhookDelivery['eventType'],
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? row.next_attempt_at : null,
    lastResponseStatus: row.last_response_status,
    lastDurationMs: row.last_duration_ms,
    lastError: row.last_error,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
  };
}

async function findRow(scope: Scope, id: string): Promise<WebhookEndpointTable> {
  const row = await scope.selectFrom('webhook_endpoints').selectAll('webhook_endpoints').where('webhook_endpoints.id', '=', id).where('webhook_endpoints.deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw notFound('Webhook endpoint');
  return row;
}

/** What the audit trail keeps of an endpoint: never its secret. */
const snapshot = (row: Pick<WebhookEndpointTable, 'url' | 'description' | 'events' | 'enabled'>) => ({ url: row.url, description: row.description, events: row.events, enabled: row.enabled });

// ——— Endpoints ———

async function assertDestination(url: string, rules: DestinationRules): Promise<string> {
  const dest = await checkDestination(url, rules);
  if (!dest.ok) throw invalid('url', dest.reason);
  return dest.url.toString();
}

export async function listEndpoints(scope: Scope, query: { limit: number; cursor?: string }): Promise<WebhookEndpointList> {
  const q = scope.selectFrom('webhook_endpoints').selectAll('webhook_endpoints').where('webhook_endpoints.deleted_at', 'is', null);
  const rows = await keyset(q, { column: 'webhook_endpoints.id', idColumn: 'webhook_endpoints.id', descending: false, cursor: query.cursor, limit: query.limit }).execute();
  const page = toPage(rows, query.limit, (r) => [r.id, r.id], (r) => r);
  return { data: await Promise.all(page.data.map((r) => present(scope, r))), nextCursor: page.nextCursor };
}

export async function getEndpoint(scope: Scope, id: string): Promise<WebhookEndpoint> {
  return present(scope, await findRow(scope, id));
}

/** A transaction that may change what the workspace's endpoints subscribe to: once it is over, emit.ts reads them again. */
async function changingSubscriptions<T>(scope: Scope, work: (tx: Scope) => Promise<T>): Promise<T> {
  try {
    return await scope.transaction(work);
  } finally {
    forgetSubscriptions(scope.workspaceId);
  }
}

export async function createEndpoint({ scope, actor, input, rules }: Op<{ input: CreateWebhookEndpointBody; rules: DestinationRules }>): Promise<WebhookEndpointWithSecret> {
  // Resolving a name and making the key happen before the transaction: neither belongs in one.
  const url = await assertDestination(input.url, rules);
  const secret = newWebhookSecret();
  const encrypted = await encryptSecret(scope.db as Db, secret);
  return changingSubscriptions(scope, async (tx) => {
    const now = nowIso();
    const row: WebhookEndpointTable = {
      id: newId(),
      workspace_id: tx.workspaceId,
      url,
      description: input.description ?? null,
      events: JSON.stringify(input.events),
      enabled: input.enabled === false ? 0 : 1,
      secret_encrypted: encrypted,
      secret_hint: secretHint(secret),
      previous_secret_encrypted: null,
      previous_secret_expires_at: null,
      created_by_id: actor.id,
      deleted_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    const { workspace_id: _ws, ...values } = row;
    await tx.insert('webhook_endpoints', values);
    await audit(tx, actor, { entityType: 'webhook_endpoint', entityId: row.id, action: 'create', before: null, after: snapshot(row) });
    return { endpoint: await present(tx, row), secret };
  });
}

/** Skips what waits for an endpoint that no longer takes deliveries. */
async function skipWaiting(tx: Scope, endpointId: string, why: string): Promise<void> {
  await tx
    .updateTable('webhook_deliveries')
    .set({ status: 'skipped', last_error: why, claimed_until: null, updated_at: nowIso() })
    .where('webhook_deliveries.endpoint_id', '=', endpointId)
    .where('webhook_deliveries.status', '=', 'pending')
    .execute();
}

export async function updateEndpoint({ scope, actor, id, input, version, rules }: Op<{ id: string; input: UpdateWebhookEndpointBody; version?: number; rules: DestinationRules }>): Promise<WebhookEndpoint> {
  const url = input.url !== undefined ? await assertDestination(input.url, rules) : undefined;
  return changingSubscriptions(scope, async (tx) => {
    const current = await findRow(tx, id);
    if (version === undefined) throw invalid('version', 'Send the version you edited (the "version" field or an If-Match header).');
    if (version !== current.version) throw conflict(await present(tx, current));
    const next = {
      url: url ?? current.url,
      description: input.description !== undefined ? input.description : current.description,
      events: input.events ? JSON.stringify(input.events) : current.events,
      enabled: input.enabled === undefined ? current.enabled : input.enabled ? 1 : 0,
    };
    const changed = Object.fromEntries(Object.entries(next).filter(([k, v]) => current[k as keyof typeof next] !== v));
    if (Object.keys(changed).length === 0) return present(tx, current);
    if (!(await updateAtVersion(tx, 'webhook_endpoints', id, current.version, changed))) throw conflict(await present(tx, await findRow(tx, id)));
    await audit(tx, actor, { entityType: 'webhook_endpoint', entityId: id, action: 'update', before: snapshot(current), after: snapshot(next) });
    if (next.enabled === 0 && current.enabled === 1) await skipWaiting(tx, id, 'The endpoint was disabled.');
    return present(tx, await findRow(tx, id));
  });
}

export async function deleteEndpoint({ scope, actor, id, version }: Op<{ id: string; version: number | undefined }>): Promise<void> {
  await changingSubscriptions(scope, async (tx) => {
    const current = await findRow(tx, id);
    await assertVersionRead(current, version, () => present(tx, current));
    const now = nowIso();
    // The secret goes; the row stays for its delivery log.
    if (!(await updateAtVersion(tx, 'webhook_endpoints', id, current.version, { deleted_at: now, enabled: 0, previous_secret_encrypted: null, previous_secret_expires_at: null }))) throw conflict(await present(tx, await findRow(tx, id)));
    await skipWaiting(tx, id, 'The endpoint was removed.');
    await audit(tx, actor, { entityType: 'webhook_endpoint', entityId: id, action: 'remove', before: snapshot(current), after: null });
  });
}

export async function rotateSecret({ scope, actor, id, keepPreviousHours, version }: Op<{ id: string; keepPreviousHours?: number; version: number | undefined }>): Promise<WebhookEndpointWithSecret> {
  const secret = newWebhookSecret();
  const encrypted = await encryptSecret(scope.db as Db, secret);
  return scope.transaction(async (tx) => {
    const current = await findRow(tx, id);
    await assertVersionRead(current, version, () => present(tx, current));
    const hours = keepPreviousHours ?? DEFAULT_KEEP_PREVIOUS_HOURS;
    const until = hours > 0 ? new Date(Date.now() + hours * 3_600_000).toISOString() : null;
    const set = { secret_encrypted: encrypted, secret_hint: secretHint(secret), previous_secret_encrypted: until ? current.secret_encrypted : null, previous_secret_expires_at: until };
    if (!(await updateAtVersion(tx, 'webhook_endpoints', id, current.version, set))) throw conflict(await present(tx, await findRow(tx, id)));
    await audit(tx, actor, { entityType: 'webhook_endpoint', entityId: id, action: 'rotate', before: { secret_hint: current.secret_hint }, after: { secret_hint: set.secret_hint, previous_secret_expires_at: until } });
    return { endpoint: await present(tx, await findRow(tx, id)), secret };
  });
}

// ——— Deliveries ———

export async function sendTest({ scope, actor, id }: Op<{ id: string }>): Promise<WebhookDelivery> {
  return scope.transaction(async (tx) => {
    const endpoint = await findRow(tx, id);
    if (!endpoint.enabled) throw ruleViolation('This endpoint is disabled: enable it to send a test.');
    const testId = newId();
    const deliveryId = await emitTo(tx, id, {
      type: WEBHOOK_TEST_EVENT,
      key: `${WEBHOOK_TEST_EVENT}:${testId}`,
      data: { endpointId: id, message: 'A test event from Advance. Verify its Advance-Signature with this endpoint’s secret.', requestedBy: { id: actor.id, name: actor.name } },
    });
    await audit(tx, actor, { entityType: 'webhook_endpoint', entityId: id, action: 'test', before: null, after: { delivery_id: deliveryId } });
    const row = await tx.selectFrom('webhook_deliveries').selectAll('webhook_deliveries').where('webhook_deliveries.id', '=', deliveryId!).executeTakeFirstOrThrow();
    return presentDelivery(row);
  });
}

export async function listDeliveries(scope: Scope, endpointId: string, query: { limit: number; cursor?: string; status?: WebhookDeliveryTable['status'] }): Promise<WebhookDeliveryList> {
  // The log of a removed endpoint stays readable by id.
  const endpoint = await scope.selectFrom('webhook_endpoints').select('webhook_endpoints.id').where('webhook_endpoints.id', '=', endpointId).executeTakeFirst();
  if (!endpoint) throw notFound('Webhook endpoint');
  let q = scope.selectFrom('webhook_deliveries').selectAll('webhook_deliveries').where('webhook_deliveries.endpoint_id', '=', endpointId);
  if (query.status) q = q.where('webhook_deliveries.status', '=', query.status);
  const rows = await keyset(q, { column: 'webhook_deliveries.id', idColumn: 'webhook_deliveries.id', descending: true, cursor: query.cursor, limit: query.limit }).execute();
  return toPage(rows, query.limit, (r) => [r.id, r.id], presentDelivery);
}

export async function getDelivery(scope: Scope, id: string): Promise<WebhookDeliveryDetail> {
  const row = await scope.selectFrom('webhook_deliveries').selectAll('webhook_deliveries').where('webhook_deliveries.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Delivery');
  const attempts = await scope
    .selectFrom('webhook_attempts')
    .selectAll('webhook_attempts')
    .where('webhook_attempts.delivery_id', '=', id)
    .orderBy('webhook_attempts.attempted_at', 'desc')
    .orderBy('webhook_attempts.id', 'desc')
    .limit(50)
    .execute();
  return {
    ...presentDelivery(row),
    body: row.body,
    attemptLog: attempts.map((a) => ({ at: a.attempted_at, responseStatus: a.response_status, durationMs: a.duration_ms, error: a.error, responseExcerpt: a.response_excerpt })),
  };
}

/** A dead delivery goes back in the queue with fresh attempts, and the same event id. */
export async function retryDelivery({ scope, actor, id }: Op<{ id: string }>): Promise<WebhookDelivery> {
  return scope.transaction(async (tx) => {
    const row = await tx.selectFrom('webhook_deliveries').selectAll('webhook_deliveries').where('webhook_deliveries.id', '=', id).executeTakeFirst();
    if (!row) throw notFound('Delivery');
    if (row.status !== 'dead') throw ruleViolation(row.status === 'delivered' ? 'This event was already delivered.' : 'Only a delivery that gave up (dead) can be retried.');
    const endpoint = await tx.selectFrom('webhook_endpoints').select(['enabled', 'deleted_at']).where('webhook_endpoints.id', '=', row.endpoint_id).executeTakeFirstOrThrow();
    if (!endpoint.enabled || endpoint.deleted_at) throw ruleViolation('Its endpoint is disabled or removed: enable it first.');
    const now = nowIso();
    const res = await tx
      .updateTable('webhook_deliveries')
      .set({ status: 'pending', attempts: 0, next_attempt_at: now, claimed_until: null, claim_token: null, updated_at: now })
      .where('webhook_deliveries.id', '=', id)
      .where('webhook_deliveries.status', '=', 'dead')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw ruleViolation('This delivery is already being retried.');
    await audit(tx, actor, { entityType: 'webhook_delivery', entityId: id, action: 'retry', before: { status: 'dead', attempts: row.attempts }, after: { status: 'pending', attempts: 0 } });
    return presentDelivery(await tx.selectFrom('webhook_deliveries').selectAll('webhook_deliveries').where('webhook_deliveries.id', '=', id).executeTakeFirstOrThrow());
  });
}
