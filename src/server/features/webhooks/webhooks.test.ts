import { describe, expect, it, vi } from 'vitest';
import type { Db } from '../../core/db/connect.js';
import { Scope } from '../../core/scope.js';
import { addMember, signUpWorkspace, type Signed } from '../../test/factories.js';
import { isPostgres, testApp } from '../../test/harness.js';
import { until } from '../../test/smtp.js';
import { startReceiver } from '../../test/webhook-receiver.js';
import { addCommitment, createPlan } from '../plans/fixtures.js';
import { emitWebhook, SUBSCRIPTIONS_TTL_MS } from './emit.js';
import { verifySignature } from './signature.js';
import { createWebhookWorker, type WebhookWorkerOptions } from './worker.js';

/**
 * Webhooks end to end against a real HTTP receiver on 127.0.0.1 (hence WEBHOOKS_ALLOW_PRIVATE):
 * an event queues its delivery in its own transaction, the worker signs and posts it, each event
 * reaches the receiver once however many workers race, failures back off and die, and an admin
 * sees the log and retries.
 */
const { app, db, config, connectAgain } = await testApp({ WEBHOOKS_ALLOW_PRIVATE: 'true', WEBHOOK_MAX_ATTEMPTS: '3' });
const engine = isPostgres() ? 'PostgreSQL' : 'SQLite';

const worker = (more: Partial<WebhookWorkerOptions> = {}, on: Db = db) => createWebhookWorker({ db: on, config, random: () => 0.5, ...more });

async function subscribe(admin: Signed, url: string, events: string[] = ['commitment.completed', 'commitment.created']) {
  const res = await admin.client.post('/api/v1/webhook-endpoints', { url, events, description: 'CRM sync' });
  expect(res.statusCode).toBe(201);
  return res.data as { endpoint: { id: string; version: number; secretHint: string }; secret: string };
}

/** Everything queued before this test is someone else's: mark it done so only this test's deliveries count. */
const settleEarlier = () => db.updateTable('webhook_deliveries').set({ status: 'skipped' }).where('status', '=', 'pending').execute();

describe('webhook endpoints', () => {
  it('shows the 256-bit secret once; a ticked commitment reaches the receiver once, signed, with its event id in a header', async () => {
    const receiver = await startReceiver();
    const admin = await signUpWorkspace(app);
    const { endpoint, secret } = await subscribe(admin, receiver.url);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(secret.slice(6), 'base64url')).toHaveLength(32);
    expect(endpoint.secretHint).toBe(`${secret.slice(0, 10)}…`);
    // Never again: not in the endpoint, the list, nor stored in clear.
    const read = await admin.client.get(`/api/v1/webhook-endpoints/${endpoint.id}`);
    expect(read.body).not.toContain(secret);
    expect((await admin.client.get('/api/v1/webhook-endpoints')).body).not.toContain(secret);
    const stored = await db.selectFrom('webhook_endpoints').selectAll().where('id', '=', endpoint.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(secret.slice(6));

    const plan = await createPlan(admin.client);
    const c = await addCommitment(admin.client, plan.id, { title: 'Send the security pack' });
    const ticked = await admin.client.patch(`/api/v1/commitments/${c.id}`, { status: 'done', version: c.version });
    expect(ticked.statusCode).toBe(200);
    // The two events (created, then completed) were queued with their changes.
    const result = await worker().tick();
    expect(result.delivered).toBe(2);
    expect(receiver.hits).toHaveLength(2);
    const done = receiver.hits.find((h) => h.headers['advance-event-type'] === 'commitment.completed')!;
    const body = JSON.parse(done.body);
    expect(Object.keys(body).sort()).toEqual(['createdAt', 'data', 'id', 'type', 'workspaceId']);
    expect(body).toMatchObject({ type: 'commitment.completed', workspaceId: admin.me.workspace.id, data: { commitment: { id: c.id, title: 'Send the security pack', status: 'done', side: 'seller' }, plan: { id: plan.id } } });
    expect(done.headers['advance-event-id']).toBe(body.id);
    expect(done.headers['content-type']).toBe('application/json; charset=utf-8');
    const signature = String(done.headers['advance-signature']);
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifySignature(secret, signature, done.body)).toBe(true);
    expect(verifySignature(secret, signature, done.body.replace('security', 'secURity'))).toBe(false);
    expect(verifySignature('whsec_someone-else', signature, done.body)).toBe(false);

    // The log shows both, delivered, with the receiver's status and a duration.
    const log = await admin.client.get(`/api/v1/webhook-endpoints/${endpoint.id}/deliveries`);
    expect(log.statusCode).toBe(200);
    expect(log.data.data.map((d: { status: string; lastResponseStatus: number }) => [d.status, d.lastResponseStatus])).toEqual([
      ['delivered', 200],
      ['delivered', 200],
    ]);
    const detail = await admin.client.get(`/api/v1/webhook-deliveries/${log.data.data[0].id}`);
    expect(detail.data.attemptLog).toHaveLength(1);
    expect(detail.data.attemptLog[0]).toMatchObject({ responseStatus: 200, error: null, responseExcerpt: 'ok' });
    expect(detail.data.attemptLog[0].durationMs).toBeGreaterThanOrEqual(0);
  });

  it('queues deliveries in the transaction of their event: rolled back, nothing; an unsubscribed type, nothing', async () => {
    const admin = await signUpWorkspace(app);
    const { endpoint } = await subscribe(admin, 'http://127.0.0.1:9/never', ['opportunity.won']);
    const scope = new Scope(db, admin.me.workspace.id);
    await expect(
      db.transaction().execute(async (trx) => {
        expect(await emitWebhook(new Scope(trx, scope.workspaceId), { type: 'opportunity.won', key: 'rolled-back', data: {} })).toBe(1);
        throw new Error('the event fails after its delivery was queued');
      }),
    ).rejects.toThrow('the event fails');
    expect(await emitWebhook(scope, { type: 'opportunity.lost', key: 'not-subscribed', data: {} })).toBe(0);
    // The same event twice (a replay) queues one delivery, with one event id.
    expect(await emitWebhook(scope, { type: 'opportunity.won', key: 'won-once', data: {} })).toBe(1);
    expect(await emitWebhook(scope, { type: 'opportunity.won', key: 'won-once', data: {} })).toBe(0);
    const rows = await db.selectFrom('webhook_deliveries').select(['dedupe_key', 'event_type']).where('endpoint_id', '=', endpoint.id).execute();
    expect(rows.map((r) => r.event_type)).toEqual(['opportunity.won']);
  });

  it('sees endpoint changes made here at once, and those of another instance within SUBSCRIPTIONS_TTL_MS', async () => {
    const admin = await signUpWorkspace(app);
    const scope = new Scope(db, admin.me.workspace.id);
    expect(await emitWebhook(scope, { type: 'opportunity.won', key: 'before-any-endpoint', data: {} })).toBe(0);
    const { endpoint } = await subscribe(admin, 'http://127.0.0.1:9/never', ['opportunity.won']);
    expect(await emitWebhook(scope, { type: 'opportunity.won', key: 'just-subscribed', data: {} })).toBe(1);
    expect(await emitWebhook(scope, { type: 'opportunity.lost', key: 'lost-1', data: {} })).toBe(0);
    const changed = await admin.client.patch(`/api/v1/webhook-endpoints/${endpoint.id}`, { events: ['opportunity.won', 'opportunity.lost'], version: endpoint.version });
    expect(changed.statusCode).toBe(200);
    expect(await emitWebhook(scope, { type: 'opportunity.lost', key: 'lost-2', data: {} })).toBe(1);
    const disabled = await admin.client.patch(`/api/v1/webhook-endpoints/${endpoint.id}`, { enabled: false, version: changed.data.version });
    expect(disabled.statusCode).toBe(200);
    expect(await emitWebhook(scope, { type: 'opportunity.lost', key: 'lost-3', data: {} })).toBe(0);

    // Another instance enables it again (its own memory is not this one's): seen here once the TTL is over.
    await db.updateTable('webhook_endpoints').set({ enabled: 1 }).where('id', '=', endpoint.id).execute();
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + SUBSCRIPTIONS_TTL_MS + 1);
      expect(await emitWebhook(scope, { type: 'opportunity.lost', key: 'lost-4', data: {} })).toBe(1);
    } finally {
      vi.useRealTimers();
    }
    await settleEarlier();
  });

  it(`delivers each event exactly once when two app instances race over one outbox (${engine})`, async () => {
    const receiver = await startReceiver();
    const admin = await signUpWorkspace(app);
    const { endpoint } = await subscribe(admin, receiver.url);
    await settleEarlier();
    const N = 30;
    for (let i = 0; i < N; i++) expect((await admin.client.post(`/api/v1/webhook-endpoints/${endpoint.id}/test`)).statusCode).toBe(202);
    const a = worker({ batch: N });
    const b = worker({ batch: N }, connectAgain());
    const won = { a: 0, b: 0, lost: 0 };
    for (let round = 0; round < 4; round++) {
      const [ra, rb] = await Promise.all([a.tick(), b.tick()]);
      won.a += ra.delivered;
      won.b += rb.delivered;
      won.lost += ra.lost + rb.lost;
    }
    const perEvent = receiver.perEvent();
    console.log(
      `[webhooks] ${engine}: two workers, ${N} events → ${receiver.hits.length} requests at the receiver, ${perEvent.size} distinct event ids, max ${Math.max(...perEvent.values())} per id (worker A delivered ${won.a}, worker B ${won.b}; ${won.lost} claims lost to the other worker)`,
    );
    expect(receiver.hits).toHaveLength(N);
    expect(perEvent.size).toBe(N);
    expect([...perEvent.values()].every((n) => n === 1)).toBe(true);
    expect(won.a + won.b).toBe(N);
    expect(won.lost).toBeGreaterThan(0);
    const rows = await db.selectFrom('webhook_deliveries').select(['status', 'attempts']).where('endpoint_id', '=', endpoint.id).execute();
    expect(rows.every((r) => r.status === 'delivered' && r.attempts === 1)).toBe(true);
  });

  it(`delivers again with the same event id when a worker dies after the receiver answered (${engine})`, async () => {
    const receiver = await startReceiver();
    const admin = await signUpWorkspace(app);
    const { endpoint } = await subscribe(admin, receiver.url);
    await settleEarlier();
    await admin.client.post(`/api/v1/webhook-endpoints/${endpoint.id}/test`);
    const dying = worker({ afterSend: () => new Promise<void>(() => undefined) });
    void dying.tick();
    await until(() => receiver.hits.length === 1);
    const survivor = worker({}, connectAgain());
    expect((await survivor.tick()).delivered).toBe(0);
    expect((await survivor.tick(new Date(Date.now() + config.webhooks.leaseMs + 1000))).delivered).toBe(1);
    const ids = receiver.hits.map((h) => h.headers['advance-event-id']);
    console.log(`[webhooks] ${engine}: worker killed after the receiver's 200 → ${ids.length} requests, ${new Set(ids).size} distinct event id; a receiver that keeps one per Advance-Event-Id processes it once`);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(1);
  });

  it('retries after a 500 with backoff, then succeeds; the log keeps both answers', async () => {
    let fail = true;
    const receiver = await startReceiver({ answer: () => (fail ? { status: 500, body: 'boom '.repeat(1000) } : { status: 204 }) });
    const admin = await signUpWorkspace(app);
    const { endpoint } = await subscribe(admin, receiver.url);
    await settleEarlier();
    const queued = (await admin.client.post(`/api/v1/webhook-endpoints/${endpoint.id}/test`)).data;
    const w = worker();
    const t0 = Date.now();
    expect((await w.tick(new Date(t0))).failed).toBe(1);
    const waiting = (await admin.client.get(`/api/v1/webhook-deliveries/${queued.id}`)).data;
    expect([waiting.status, waiting.attempts, waiting.lastResponseStatus]).toEqual(['pending', 1, 500]);
    expect(Date.parse(waiting.nextAttemptAt) - t0).toBeGreaterThanOrEqual(59_000);
    // Not before its time…
    expect((await w.tick(new Date(t0 + 30_000))).failed + (await w.tick(new Date(t0 + 30_000))).delivered).toBe(0);
    fail = false;
    // …then it goes through.
    expect((await w.tick(new Date(t0 + 61_000))).delivered).toBe(1);
    const done = (await admin.client.get(`/api/v1/webhook-deliveries/${queued.id}`)).data;
    expect([done.status, done.attempts, done.lastResponseStatus]).toEqual(['delivered', 2, 204]);
    expect(done.attemptLog.map((a: { responseStatus: number }) => a.responseStatus)).toEqual([204, 500]);
    // The receiver's long answer is cut in the log.
    expect(done.attemptLog[1].responseExcerpt.length).toBe(2048);
    expect(receiver.hits.map((h) => h.headers['advance-event-id'])).toEqual([queued.eventId, queued.eventId]);
  });

  it('gives up after WEBHOOK_MAX_ATTEMPTS (dead); an admin sees it and retries it; reps and managers get 403', async () => {
    let status = 503;
    const receiver = await startReceiver({ answer: () => ({ status }) });
    const admin = await signUpWorkspace(app);
    const rep = await addMember(app, admin.client, { role: 'rep' });
    const manager = await addMember(app, admin.client, { role: 'manager' });
    const { endpoint } = await subscribe(admin, receiver.url);
    await settleEarlier();
    const queued = (await admin.client.post(`/api/v1/webhook-endpoints/${endpoint.id}/test`)).data;
    const w = worker();
    const t0 = Date.now();
    expect((await w.tick(new Date(t0))).failed).toBe(1);
    expect((await w.tick(new Date(t0 + 61_000))).failed).toBe(1);
    expect((await w.tick(new Date(t0 + 61_000 + 121_000))).dead).toBe(1);
    const dead = (await admin.client.get(`/api/v1/webhook-endpoints/${endpoint.id}/deliveries?status=dead`)).data;
    expect(dead.data.map((d: { id: string; attempts: number; lastError: string }) => [d.id, d.attempts, d.lastError])).toEqual([[queued.id, 3, 'The endpoint answered HTTP 503.']]);
    expect((await admin.client.get(`/api/v1/webhook-endpoints/${endpoint.id}`)).data.deadDeliveries).toBe(1);

    for (const who of [rep, manager]) {
      expect((await who.client.get('/api/v1/webhook-endpoints')).statusCode).toBe(403);
      expect((await who.client.post('/api/v1/webhook-endpoints', { url: receiver.url, events: ['opportunity.won'] })).statusCode).toBe(403);
      expect((await who.client.post(`/api/v1/webhook-deliveries/${queued.id}/retry`)).statusCode).toBe(403);
      expect((await who.client.post(`/api/v1/webhook-endpoints/${endpoint.id}/secret`)).statusCode).toBe(403);
    }

    const retried = await admin.client.post(`/api/v1/webhook-deliveries/${queued.id}/retry`);
    expect(retried.statusCode).toBe(200);
    expect([retried.data.status, retried.data.attempts]).toEqual(['pending', 0]);
    expect((await admin.client.post(`/api/v1/webhook-deliveries/${queued.id}/retry`)).data.error.code).toBe('rule_violation');
    status = 200;
    expect((await w.tick()).delivered).toBe(1);
    expect(new Set(receiver.hits.map((h) => h.headers['advance-event-id']))).toEqual(new Set([queued.eventId]));
    const audit = await db.selectFrom('audit_events').select(['entity_type', 'action']).where('workspace_id', '=', admin.me.workspace.id).where('entity_type', 'in', ['webhook_endpoint', 'webhook_delivery']).execute();
    expect(audit.map((a) => `${a.entity_type}:${a.action}`).sort()).toEqual(['webhook_delivery:retry', 'webhook_endpoint:create', 'webhook_endpoint:test']);
  });

  it('rotates the secret (shown once); during the overlap both secrets verify; disabling skips what waits and queues nothing new', async () => {
    const receiver = await startReceiver();
    const admin = await signUpWorkspace(app);
    const { endpoint, secret: first } = await subscribe(admin, receiver.url);
    await settleEarlier();
    const rotated = await admin.client.post(`/api/v1/webhook-endpoints/${endpoint.id}/secret`, { version: endpoint.version });
    expect(rotated.statusCode).toBe(200);
    const second = rotated.data.secret as string;
    expect(second).not.toBe(first);
    expect(rotated.data.endpoint.previousSecretExpiresAt).not.toBeNull();
    await admin.client.post(`/api/v1/webhook-endpoints/${endpoint.id}/test`);
    await worker().tick();
    const hit = receiver.hits[0];
    const header = String(hit.headers['advance-signature']);
    expect(header.split(',').filter((p) => p.startsWith('v1='))).toHaveLength(2);
    expect(verifySignature(second, header, hit.body)).toBe(true);
    expect(verifySignature(first, header, hit.body)).toBe(true);
    // Rotating with no overlap: the old secret stops at once.
    const third = (await admin.client.post(`/api/v1/webhook-endpoints/${endpoint.id}/secret`, { keepPreviousHours: 0 }, { 'if-match': `"${rotated.data.endpoint.version}"` })).data.secret;
    await admin.client.post(`/api/v1/webhook-endpoints/${endpoint.id}/test`);
    await worker().tick();
    const last = receiver.hits[1];
    expect(verifySignature(third, String(last.headers['advance-signature']), last.body)).toBe(true);
    expect(verifySignature(second, String(last.headers['advance-signature']), last.body)).toBe(false);

    const queued = (await admin.client.post(`/api/v1/webhook-endpoints/${endpoint.id}/test`)).data;
    const current = (await admin.client.get(`/api/v1/webhook-endpoints/${endpoint.id}`)).data;
    const off = await admin.client.patch(`/api/v1/webhook-endpoints/${endpoint.id}`, { enabled: false, version: current.version });
    expect(off.statusCode).toBe(200);
    expect(off.data.enabled).toBe(false);
    expect((await admin.client.get(`/api/v1/webhook-deliveries/${queued.id}`)).data.status).toBe('skipped');
    const plan = await createPlan(admin.client);
    await addCommitment(admin.client, plan.id);
    expect(await db.selectFrom('webhook_deliveries').select('id').where('endpoint_id', '=', endpoint.id).where('status', '=', 'pending').execute()).toEqual([]);
    expect((await admin.client.post(`/api/v1/webhook-endpoints/${endpoint.id}/test`)).data.error.code).toBe('rule_violation');
    // A stale edit is refused with the current endpoint.
    const stale = await admin.client.patch(`/api/v1/webhook-endpoints/${endpoint.id}`, { enabled: true, version: current.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.data.error.code).toBe('version_conflict');
    expect(receiver.hits).toHaveLength(2);
  });

  it('rotates the secret and removes the endpoint only from the version read: none is 400 naming version, an old one 409 with the endpoint as it is, and nothing changes', async () => {
    const admin = await signUpWorkspace(app);
    const other = await addMember(app, admin.client, { role: 'admin' });
    const { endpoint } = await subscribe(admin, 'http://127.0.0.1:9/old');
    // Another admin points it elsewhere meanwhile.
    const changed = await other.client.patch(`/api/v1/webhook-endpoints/${endpoint.id}`, { url: 'http://127.0.0.1:9/new', version: endpoint.version });
    expect(changed.statusCode, changed.body).toBe(200);
    const now = changed.data.version as number;
    expect(now).toBe(endpoint.version + 1);
    const url = `/api/v1/webhook-endpoints/${endpoint.id}`;
    const row = () => db.selectFrom('webhook_endpoints').select(['version', 'secret_hint', 'secret_encrypted', 'previous_secret_encrypted', 'deleted_at', 'enabled']).where('id', '=', endpoint.id).executeTakeFirstOrThrow();
    const before = await row();
    const versionOnly = (res: { statusCode: number; data: { error: { code: string; details: { path: string }[] } } }) => {
      expect(res.statusCode).toBe(400);
      expect(res.data.error.code).toBe('validation_failed');
      expect(res.data.error.details.map((d) => d.path)).toEqual(['version']);
    };
    versionOnly(await admin.client.post(`${url}/secret`, {}));
    versionOnly(await admin.client.post(`${url}/secret`, { keepPreviousHours: 0 }));
    versionOnly(await admin.client.request('POST', `${url}/secret`));
    versionOnly(await admin.client.delete(url));
    // A DELETE has no body: If-Match is its one way to send the version; a body or a query is no substitute.
    expect((await admin.client.request('DELETE', url, { version: now })).statusCode).toBe(400);
    expect((await admin.client.delete(`${url}?version=${now}`)).statusCode).toBe(400);
    for (const stale of [
      await admin.client.post(`${url}/secret`, { version: endpoint.version }),
      await admin.client.post(`${url}/secret`, { keepPreviousHours: 0 }, { 'if-match': `"${endpoint.version}"` }),
      await admin.client.delete(url, { 'if-match': `"${endpoint.version}"` }),
      await admin.client.delete(url, { 'if-match': `W/"${endpoint.version}"` }),
    ]) {
      expect(stale.statusCode, stale.body).toBe(409);
      expect(stale.data.error.code).toBe('version_conflict');
      expect(stale.data.error.current).toMatchObject({ id: endpoint.id, url: 'http://127.0.0.1:9/new', version: now });
      // The endpoint as it is, never a secret: a refused rotation made none.
      expect(stale.data.error.current.secretHint).toBe(endpoint.secretHint);
      expect(stale.data.error).not.toHaveProperty('secret');
      expect(stale.data.error.current).not.toHaveProperty('secret');
    }
    // Nothing changed: the same secret, still there, nothing more in the audit trail.
    expect(await row()).toEqual(before);
    const actions = async () => (await db.selectFrom('audit_events').select('action').where('entity_type', '=', 'webhook_endpoint').where('entity_id', '=', endpoint.id).execute()).map((a) => a.action).sort();
    expect(await actions()).toEqual(['create', 'update']);

    // From the version read: done (the body's version or If-Match).
    const rotated = await admin.client.post(`${url}/secret`, { version: now });
    expect(rotated.statusCode, rotated.body).toBe(200);
    expect(rotated.data.endpoint.version).toBe(now + 1);
    // The other admin, who saw the endpoint before that rotation, cannot remove it blind…
    expect((await other.client.delete(url, { 'if-match': `"${now}"` })).statusCode).toBe(409);
    expect((await row()).deleted_at).toBeNull();
    // …only from the version now.
    expect((await other.client.delete(url, { 'if-match': `"${now + 1}"` })).statusCode).toBe(204);
    expect((await row()).deleted_at).not.toBeNull();
    expect((await admin.client.get(url)).statusCode).toBe(404);
    expect(await actions()).toEqual(['create', 'remove', 'rotate', 'update']);
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    const admin = await signUpWorkspace(app);
    const bad = await admin.client.post('/api/v1/webhook-endpoints', { url: 'not a url', events: [] });
    expect(bad.statusCode).toBe(400);
    expect(bad.data.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['events']);
    const badUrl = await admin.client.post('/api/v1/webhook-endpoints', { url: 'not a url', events: ['opportunity.won'] });
    expect(badUrl.data.error.details).toEqual([{ path: 'url', message: 'Give a full address, such as https://example.com/hooks/advance.' }]);
    const unknown = await admin.client.post('/api/v1/webhook-endpoints', { url: 'http://127.0.0.1:9/x', events: ['deal.exploded'] });
    expect(unknown.statusCode).toBe(400);
    expect((await admin.client.post('/api/v1/webhook-endpoints', { url: 'http://user:pw@127.0.0.1:9/x', events: ['opportunity.won'] })).statusCode).toBe(400);
    expect((await admin.client.get('/api/v1/webhook-endpoints')).data.data).toEqual([]);
  });
});
