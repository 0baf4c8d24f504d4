import { randomUUID } from 'node:crypto';
import { afterFailure } from '../../../domain/mail-backoff.js';
import { WEBHOOK_DELIVERY_ID_HEADER, WEBHOOK_EVENT_ID_HEADER, WEBHOOK_EVENT_TYPE_HEADER, WEBHOOK_SIGNATURE_HEADER } from '../../../shared/webhook-events.js';
import type { Config } from '../../core/config.js';
import type { Db } from '../../core/db/connect.js';
import { pollingLoop } from '../../core/polling-loop.js';
import type { WebhookDeliveryTable } from '../../core/db/schema.js';
import { newId } from '../../core/ids.js';
import { checkDestination, type Lookup } from './destination.js';
import { decryptSecret } from './secrets.js';
import { postOnce, type SendResult } from './send.js';
import { signatureHeader } from './signature.js';

/**
 * The webhook worker: the mail worker's rules for another outbox. It runs inside every app
 * instance (main.ts starts it) and any number can share a database. Each round it claims due
 * deliveries one by one with a conditional update — a lease (`claimed_until`) and a claim token —
 * so a row is only ever held by one worker; checks the address again (resolved now); signs and
 * POSTs; logs the attempt; and records the outcome only if its claim still stands. A worker that
 * dies while holding a row loses it when the lease ends and another delivers it again, with the same
 * event id (receivers dedupe on it). Failures wait an exponential backoff (domain/mail-backoff.ts);
 * after WEBHOOK_MAX_ATTEMPTS the delivery is dead until an admin retries it.
 */

export type WebhookWorkerOptions = {
  db: Db;
  config: Config;
  log?: { warn: (o: object, m: string) => void; error: (o: object, m: string) => void };
  batch?: number;
  random?: () => number;
  /** Tests: a resolver standing in for DNS. */
  lookup?: Lookup;
  /** Tests: runs after the receiver answered and before the outcome is recorded (a worker that dies there never returns). */
  afterSend?: (row: WebhookDeliveryTable) => Promise<void>;
};

export type WebhookTick = { delivered: number; failed: number; dead: number; skipped: number; lost: number };

/** `start`/`stop`: a `tick` every WEBHOOK_POLL_MS (core/polling-loop.ts). */
export type WebhookWorker = { tick: (now?: Date) => Promise<WebhookTick>; start: () => void; stop: () => Promise<void> };

const ERROR_MAX = 500;

export function createWebhookWorker(opts: WebhookWorkerOptions): WebhookWorker {
  const { db, config } = opts;
  const settings = config.webhooks;
  const batch = opts.batch ?? 20;
  const random = opts.random ?? Math.random;
  const me = randomUUID();

  async function claim(id: string, now: Date): Promise<WebhookDeliveryTable | null> {
    const at = now.toISOString();
    const row = await db
      .updateTable('webhook_deliveries')
      .set({ claimed_until: new Date(now.getTime() + settings.leaseMs).toISOString(), claim_token: me, attempts: (eb) => eb('attempts', '+', 1), updated_at: at })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', at)
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', at)]))
      .returningAll()
      .executeTakeFirst();
    return row ?? null;
  }

  /** Only the holder of the claim may record the outcome. */
  const mine = (id: string) => db.updateTable('webhook_deliveries').where('id', '=', id).where('claim_token', '=', me).where('status', '=', 'pending');

  async function logAttempt(row: WebhookDeliveryTable, at: Date, r: SendResult): Promise<void> {
    await db
      .insertInto('webhook_attempts')
      .values({ id: newId(), workspace_id: row.workspace_id, delivery_id: row.id, attempted_at: at.toISOString(), response_status: r.status, duration_ms: r.durationMs, error: r.error, response_excerpt: r.excerpt })
      .execute();
  }

  async function attempt(row: WebhookDeliveryTable, now: Date): Promise<SendResult | 'skip'> {
    const endpoint = await db.selectFrom('webhook_endpoints').selectAll().where('id', '=', row.endpoint_id).executeTakeFirst();
    if (!endpoint || endpoint.deleted_at || !endpoint.enabled) return 'skip';
    const dest = await checkDestination(endpoint.url, { allowPrivate: settings.allowPrivate, lookup: opts.lookup });
    if (!dest.ok) return { status: null, durationMs: 0, error: `Refused: ${dest.reason}`, excerpt: null };
    const secrets = [await decryptSecret(db, endpoint.secret_encrypted)];
    if (endpoint.previous_secret_encrypted && endpoint.previous_secret_expires_at && Date.parse(endpoint.previous_secret_expires_at) > now.getTime()) {
      secrets.push(await decryptSecret(db, endpoint.previous_secret_encrypted));
    }
    const timestamp = Math.floor(Date.now() / 1000);
    return postOnce({
      url: dest.url,
      addresses: dest.addresses,
      body: row.body,
      timeoutMs: settings.timeoutMs,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'user-agent': 'Advance-Webhooks/1',
        [WEBHOOK_SIGNATURE_HEADER.toLowerCase()]: signatureHeader(secrets, timestamp, row.body),
        [WEBHOOK_EVENT_ID_HEADER.toLowerCase()]: row.event_id,
        [WEBHOOK_EVENT_TYPE_HEADER.toLowerCase()]: row.event_type,
        [WEBHOOK_DELIVERY_ID_HEADER.toLowerCase()]: row.id,
      },
    });
  }

  async function deliver(row: WebhookDeliveryTable, now: Date, result: WebhookTick): Promise<void> {
    const at = new Date();
    let outcome: SendResult | 'skip';
    try {
      outcome = await attempt(row, now);
    } catch (err) {
      outcome = { status: null, durationMs: 0, error: (err instanceof Error ? err.message : String(err)).slice(0, ERROR_MAX), excerpt: null };
    }
    if (outcome === 'skip') {
      await mine(row.id).set({ status: 'skipped', claimed_until: null, last_error: 'The endpoint was disabled or removed.', updated_at: new Date().toISOString() }).execute();
      result.skipped += 1;
      return;
    }
    if (opts.afterSend) await opts.afterSend(row);
    await logAttempt(row, at, outcome);
    const ok = outcome.status !== null && outcome.status >= 200 && outcome.status < 300;
    const last = { last_response_status: outcome.status, last_duration_ms: outcome.durationMs, claimed_until: null, updated_at: new Date().toISOString() };
    if (ok) {
      await mine(row.id).set({ ...last, status: 'delivered', last_error: null, delivered_at: new Date().toISOString() }).execute();
      result.delivered += 1;
      return;
    }
    const error = (outcome.error ?? `The endpoint answered HTTP ${outcome.status}.`).slice(0, ERROR_MAX);
    const next = afterFailure(row.attempts, settings.maxAttempts, now, random());
    await mine(row.id)
      .set(next.dead ? { ...last, status: 'dead', last_error: error } : { ...last, last_error: error, next_attempt_at: next.retryAt.toISOString() })
      .execute();
    opts.log?.warn({ deliveryId: row.id, attempts: row.attempts, dead: next.dead, err: error }, 'webhook not delivered');
    if (next.dead) result.dead += 1;
    else result.failed += 1;
  }

  async function tick(now = new Date()): Promise<WebhookTick> {
    const result: WebhookTick = { delivered: 0, failed: 0, dead: 0, skipped: 0, lost: 0 };
    const at = now.toISOString();
    const due = await db
      .selectFrom('webhook_deliveries')
      .select('id')
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', at)
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', at)]))
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(batch)
      .execute();
    for (const { id } of due) {
      const row = await claim(id, now);
      if (row) await deliver(row, now, result);
      else result.lost += 1;
    }
    return result;
  }

  const loop = pollingLoop({ round: () => tick(), pollMs: settings.pollMs, failure: 'webhook round failed', log: opts.log });
  return { tick, start: loop.start, stop: loop.stop };
}
