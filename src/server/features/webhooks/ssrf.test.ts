import { describe, expect, it } from 'vitest';
import { Scope } from '../../core/scope.js';
import { signUpWorkspace } from '../../test/factories.js';
import { testApp } from '../../test/harness.js';
import { startReceiver } from '../../test/webhook-receiver.js';
import { checkDestination } from './destination.js';
import { createEndpoint } from './service.js';
import { createWebhookWorker } from './worker.js';

/**
 * SSRF: with the default settings (no WEBHOOKS_ALLOW_PRIVATE) an endpoint must be https:// on a
 * public address — when it is saved, and again when each delivery is sent, after resolving its name.
 */
const { app, db, config } = await testApp();

describe('webhook destinations (SSRF)', () => {
  it.each([
    ['https://10.0.0.1/hook', '10.0.0.1 is a private address'],
    ['https://127.0.0.1/hook', '127.0.0.1 is a loopback address'],
    ['https://169.254.169.254/latest/meta-data', '169.254.169.254 is a link-local (cloud metadata) address'],
    ['https://[::1]/hook', '::1 is a loopback address'],
    ['https://[fd00::1]/hook', 'fd00::1 is a unique-local address'],
    ['https://[::ffff:127.0.0.1]/hook', '::ffff:7f00:1 is a loopback address'],
    ['https://[::ffff:0:7f00:1]/hook', '::ffff:0:7f00:1 is a loopback address'],
    ['https://[64:ff9b:1::7f00:1]/hook', '64:ff9b:1::7f00:1 is a local-use NAT64 address'],
    ['https://2130706433/hook', '127.0.0.1 is a loopback address'],
    ['https://localhost/hook', 'The host localhost does not resolve to a public internet address'],
    ['http://example.com/hook', 'Use an https:// address'],
  ])('refuses %s when it is saved (400 naming url), and creates nothing', async (url, why) => {
    const admin = await signUpWorkspace(app);
    const res = await admin.client.post('/api/v1/webhook-endpoints', { url, events: ['opportunity.won'] });
    expect(res.statusCode).toBe(400);
    expect(res.data.error.code).toBe('validation_failed');
    expect(res.data.error.details).toHaveLength(1);
    expect(res.data.error.details[0].path).toBe('url');
    expect(res.data.error.details[0].message).toContain(why);
    expect((await admin.client.get('/api/v1/webhook-endpoints')).data.data).toEqual([]);
  });

  it('refuses a host name that resolves to loopback (localhost: every address it has is checked)', async () => {
    const dest = await checkDestination('https://localhost:8443/x', { allowPrivate: false });
    expect(dest).toEqual({ ok: false, reason: 'The host localhost does not resolve to a public internet address: webhooks go to public internet addresses only.' });
  });

  it('does not tell what a host name resolved to, nor whether it resolved: internal names cannot be mapped by trying them', async () => {
    const refusal = async (lookup: () => Promise<{ address: string; family: 4 | 6 }[]>) => {
      const dest = await checkDestination('https://vm.internal.test/hook', { allowPrivate: false, lookup });
      return !dest.ok && dest.reason;
    };
    const words = 'The host vm.internal.test does not resolve to a public internet address: webhooks go to public internet addresses only.';
    expect(await refusal(async () => [{ address: '127.0.0.1', family: 4 }])).toBe(words);
    expect(await refusal(async () => [{ address: '93.184.215.14', family: 4 }, { address: '10.1.2.3', family: 4 }])).toBe(words);
    expect(await refusal(async () => [{ address: 'fd00:ec2::254', family: 6 }])).toBe(words);
    expect(await refusal(async () => [])).toBe(words);
    expect(await refusal(() => Promise.reject(Object.assign(new Error('getaddrinfo ENOTFOUND vm.internal.test'), { code: 'ENOTFOUND' })))).toBe(words);
    // With private addresses allowed (development), there is nothing to keep from the caller.
    const dev = await checkDestination('https://vm.internal.test/hook', { allowPrivate: true, lookup: () => Promise.reject(Object.assign(new Error('not found'), { code: 'ENOTFOUND' })) });
    expect(!dev.ok && dev.reason).toBe('The host vm.internal.test could not be found (ENOTFOUND).');
  });

  it('checks again at send time: a name that now resolves to a private address is refused, and nothing is sent', async () => {
    const receiver = await startReceiver();
    const admin = await signUpWorkspace(app);
    const scope = new Scope(db, admin.me.workspace.id);
    const actor = { id: admin.me.user.id, name: admin.me.user.name, workspaceId: scope.workspaceId, role: 'admin' } as never;
    // Saved while the name pointed to a public address…
    const publicDns = async () => [{ address: '93.184.215.14', family: 4 as const }];
    const { endpoint } = await createEndpoint({ scope, actor, input: { url: `https://hooks.example.test:${receiver.port}/x`, events: ['opportunity.won'] }, rules: { allowPrivate: false, lookup: publicDns } });
    const queued = (await admin.client.post(`/api/v1/webhook-endpoints/${endpoint.id}/test`)).data;
    // …then rebound to loopback (and to the metadata address, IPv6 mapped): the worker refuses to connect.
    for (const address of ['127.0.0.1', '::ffff:169.254.169.254']) {
      const rebound = async () => [{ address, family: (address.includes(':') ? 6 : 4) as 4 | 6 }];
      const w = createWebhookWorker({ db, config, lookup: rebound, random: () => 0.5 });
      await db.updateTable('webhook_deliveries').set({ next_attempt_at: new Date(0).toISOString() }).where('id', '=', queued.id).execute();
      expect((await w.tick()).failed).toBe(1);
    }
    const detail = (await admin.client.get(`/api/v1/webhook-deliveries/${queued.id}`)).data;
    expect(detail.attemptLog.map((a: { responseStatus: number | null; error: string }) => [a.responseStatus, a.error])).toEqual([
      [null, 'Refused: The host hooks.example.test does not resolve to a public internet address: webhooks go to public internet addresses only.'],
      [null, 'Refused: The host hooks.example.test does not resolve to a public internet address: webhooks go to public internet addresses only.'],
    ]);
    expect(receiver.hits).toEqual([]);
  });

  it('does not follow redirects and gives up on a receiver slower than the timeout', async () => {
    const { app: devApp, db: devDb, config: devConfig } = await testApp({ WEBHOOKS_ALLOW_PRIVATE: 'true', WEBHOOK_TIMEOUT_SECONDS: '1' });
    let answer = { status: 302, body: '', delayMs: 0 };
    const receiver = await startReceiver({ answer: () => answer });
    const admin = await signUpWorkspace(devApp);
    const { endpoint } = (await admin.client.post('/api/v1/webhook-endpoints', { url: receiver.url, events: ['opportunity.won'] })).data;
    const queued = (await admin.client.post(`/api/v1/webhook-endpoints/${endpoint.id}/test`)).data;
    const w = createWebhookWorker({ db: devDb, config: devConfig, random: () => 0.5 });
    expect((await w.tick()).failed).toBe(1);
    answer = { status: 200, body: 'late', delayMs: 1500 };
    expect((await w.tick(new Date(Date.now() + 61_000))).failed).toBe(1);
    const log = (await admin.client.get(`/api/v1/webhook-deliveries/${queued.id}`)).data.attemptLog;
    expect(log.map((a: { responseStatus: number | null; error: string }) => [a.responseStatus, a.error])).toEqual([
      [null, 'No answer within 1 s (timed out).'],
      [302, 'Redirects are not followed.'],
    ]);
    expect(log[0].durationMs).toBeGreaterThanOrEqual(900);
    expect(receiver.hits).toHaveLength(2);
  });
});
