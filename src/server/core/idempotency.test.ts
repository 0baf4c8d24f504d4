import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { addMember, Client, createAccount, ORIGIN, signUpWorkspace } from '../test/factories.js';
import { testApp } from '../test/harness.js';

/** `Idempotency-Key` on creating POSTs (core/idempotency.ts), on whichever engine the suite runs. */
const { app, db, config } = await testApp();
// A second instance on the same database, as behind a load balancer.
const second = await buildApp({ config, db, logger: false });
await second.ready();
afterAll(() => second.close());
// An instance that gives up waiting quickly.
const impatient = await testApp({ IDEMPOTENCY_WAIT_MS: '100' });

const key = () => `key-${Math.random().toString(36).slice(2)}`;
const countAccounts = async (c: Client) => (await c.get('/api/v1/accounts?limit=200')).data.data.length;

describe('Idempotency-Key', () => {
  it('replays the first response for the same key and body, and creates once', async () => {
    const { client } = await signUpWorkspace(app);
    const k = key();
    const first = await client.post('/api/v1/accounts', { name: 'Acme' }, { 'idempotency-key': k });
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await client.post('/api/v1/accounts', { name: 'Acme' }, { 'idempotency-key': k });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.data).toEqual(first.data);
    expect(await countAccounts(client)).toBe(1);
    // Without a key, the same body creates another.
    expect((await client.post('/api/v1/accounts', { name: 'Acme' })).statusCode).toBe(201);
    expect(await countAccounts(client)).toBe(2);
  });

  it('keeps and replays a response the client receives compressed', async () => {
    const { client } = await signUpWorkspace(app);
    const k = key();
    const body = { name: 'Big', notes: 'n'.repeat(4000) };
    const first = await app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      headers: { origin: ORIGIN, cookie: client.cookie ?? '', 'content-type': 'application/json', 'idempotency-key': k, 'accept-encoding': 'gzip' },
      payload: JSON.stringify(body),
    });
    expect(first.statusCode).toBe(201);
    expect(first.headers['content-encoding']).toBe('gzip');
    const again = await client.post('/api/v1/accounts', body, { 'idempotency-key': k });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.data.notes).toBe(body.notes);
    expect(await countAccounts(client)).toBe(1);
  });

  it('refuses the same key with a different body or on another route with 422, changing nothing', async () => {
    const { client } = await signUpWorkspace(app);
    const k = key();
    const account = (await client.post('/api/v1/accounts', { name: 'Acme' }, { 'idempotency-key': k })).data;
    const other = await client.post('/api/v1/accounts', { name: 'Globex' }, { 'idempotency-key': k });
    expect(other.statusCode).toBe(422);
    expect(other.data.error).toMatchObject({ code: 'idempotency_key_reused', details: [{ path: 'Idempotency-Key', message: expect.any(String) }], requestId: expect.any(String) });
    const elsewhere = await client.post('/api/v1/contacts', { accountId: account.id, name: 'Carla' }, { 'idempotency-key': k });
    expect(elsewhere.statusCode).toBe(422);
    expect(await countAccounts(client)).toBe(1);
    expect((await client.get('/api/v1/contacts')).data.data).toHaveLength(0);
  });

  it('scopes keys to the caller: another person, another workspace and a share link each start afresh', async () => {
    const a = await signUpWorkspace(app);
    const colleague = await addMember(app, a.client, { role: 'rep' });
    const b = await signUpWorkspace(app);
    const k = key();
    for (const c of [a.client, colleague.client, b.client]) {
      const res = await c.post('/api/v1/accounts', { name: 'Same key' }, { 'idempotency-key': k });
      expect(res.statusCode).toBe(201);
      expect(res.headers['idempotent-replayed']).toBeUndefined();
    }
    expect(await countAccounts(a.client)).toBe(2);
    expect(await countAccounts(b.client)).toBe(1);

    // A share link is a principal: its key is its own, and two links of one plan do not share.
    const account = await createAccount(a.client);
    const opp = (await a.client.post('/api/v1/opportunities', { accountId: account.id, name: 'D', amount: { amountMinor: 1, currency: 'EUR' }, closeDate: '2030-01-31' })).data;
    const plan = (await a.client.post(`/api/v1/opportunities/${opp.id}/plan`, { title: 'P', targetDate: '2027-01-31' })).data;
    const token = async () => new URL((await a.client.post(`/api/v1/plans/${plan.id}/share-links`, { recipientName: 'Carla' })).data.url).pathname.split('/').pop();
    const [t1, t2] = [await token(), await token()];
    const guest = new Client(app);
    const c1 = await guest.post(`/api/v1/shared/${t1}/comments`, { body: 'Hello' }, { 'idempotency-key': k });
    const c1again = await guest.post(`/api/v1/shared/${t1}/comments`, { body: 'Hello' }, { 'idempotency-key': k });
    const c2 = await guest.post(`/api/v1/shared/${t2}/comments`, { body: 'Hello' }, { 'idempotency-key': k });
    expect([c1.statusCode, c1again.statusCode, c2.statusCode]).toEqual([201, 201, 201]);
    expect(c1again.data).toEqual(c1.data);
    expect(c2.data.id).not.toBe(c1.data.id);
    expect((await a.client.get(`/api/v1/plans/${plan.id}/comments`)).data.data).toHaveLength(2);
  });

  it('keeps no answer that holds a secret shown once (API token, share and invite links, calendar feed, webhook secret): the key is ignored', async () => {
    const a = await signUpWorkspace(app);
    const account = await createAccount(a.client);
    const opp = (await a.client.post('/api/v1/opportunities', { accountId: account.id, name: 'D', amount: { amountMinor: 1, currency: 'EUR' }, closeDate: '2030-01-31' })).data;
    const plan = (await a.client.post(`/api/v1/opportunities/${opp.id}/plan`, { title: 'P', targetDate: '2027-01-31' })).data;
    const secretOf: [string, unknown, (data: any) => string][] = [
      ['/api/v1/api-tokens', { name: 'Nightly sync', scope: 'read' }, (d) => d.secret],
      [`/api/v1/plans/${plan.id}/share-links`, { recipientName: 'Carla' }, (d) => d.url],
      ['/api/v1/invites', { email: 'new-rep@example.com', role: 'rep' }, (d) => d.url],
      ['/api/v1/calendar-feed', {}, (d) => d.url],
      ['/api/v1/webhook-endpoints', { url: 'https://93.184.215.14/hooks', events: ['opportunity.won'] }, (d) => d.secret],
    ];
    for (const [url, body, secret] of secretOf) {
      const k = key();
      const first = await a.client.post(url, body, { 'idempotency-key': k });
      expect(first.statusCode, `${url}: ${first.body}`).toBe(201);
      // Advance keeps only the secret's hash: no copy of the answer, nothing to replay.
      const kept = await db.selectFrom('idempotency_keys').select('response_body').where('key', '=', k).execute();
      expect(kept, url).toEqual([]);
      const all = await db.selectFrom('idempotency_keys').select('response_body').execute();
      expect(all.filter((r) => r.response_body?.includes(secret(first.data))), url).toEqual([]);
      // The same key again runs again (an invite to the same address is a duplicate, as without a key).
      const again = await a.client.post(url, body, { 'idempotency-key': k });
      expect(again.headers['idempotent-replayed'], url).toBeUndefined();
      if (again.statusCode === 201) expect(secret(again.data), url).not.toBe(secret(first.data));
    }
    // The API document offers no Idempotency-Key there.
    const doc = (await a.client.get('/api/openapi.json')).data;
    for (const [path, method] of [['/api/v1/api-tokens', 'post'], ['/api/v1/plans/{id}/share-links', 'post'], ['/api/v1/invites', 'post'], ['/api/v1/calendar-feed', 'post'], ['/api/v1/webhook-endpoints', 'post']]) {
      const op = doc.paths[path][method];
      expect((op.parameters ?? []).map((p: { name: string }) => p.name), path).not.toContain('Idempotency-Key');
    }
  });

  it('keeps no failed result: a refused request with a key can be retried once fixed', async () => {
    const { client } = await signUpWorkspace(app);
    const k = key();
    const bad = await client.post('/api/v1/opportunities', { accountId: '01a00000-0000-7000-8000-000000000000', name: 'D', amount: { amountMinor: 1, currency: 'EUR' }, closeDate: '2030-01-31' }, { 'idempotency-key': k });
    expect(bad.statusCode).toBe(400);
    const account = await createAccount(client);
    const good = await client.post('/api/v1/opportunities', { accountId: account.id, name: 'D', amount: { amountMinor: 1, currency: 'EUR' }, closeDate: '2030-01-31' }, { 'idempotency-key': k });
    expect(good.statusCode).toBe(201);
  });

  it('refuses a malformed key, and forgets keys after 24 hours', async () => {
    const { client } = await signUpWorkspace(app);
    const bad = await client.post('/api/v1/accounts', { name: 'Acme' }, { 'idempotency-key': 'x'.repeat(256) });
    expect(bad.statusCode).toBe(400);
    expect(bad.data.error.details[0].path).toBe('Idempotency-Key');
    const k = key();
    await client.post('/api/v1/accounts', { name: 'Acme' }, { 'idempotency-key': k });
    await db.updateTable('idempotency_keys').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('key', '=', k).execute();
    const later = await client.post('/api/v1/accounts', { name: 'Acme' }, { 'idempotency-key': k });
    expect(later.statusCode).toBe(201);
    expect(later.headers['idempotent-replayed']).toBeUndefined();
    expect(await countAccounts(client)).toBe(2);
  });

  it('runs a concurrent pair with one key, on two instances, once: both get the same created record', async () => {
    const { client } = await signUpWorkspace(app);
    const other = new Client(second);
    other.cookie = client.cookie;
    let replays = 0;
    for (let round = 0; round < 20; round++) {
      const k = key();
      const [x, y] = await Promise.all([
        client.post('/api/v1/accounts', { name: `Race ${round}` }, { 'idempotency-key': k }),
        other.post('/api/v1/accounts', { name: `Race ${round}` }, { 'idempotency-key': k }),
      ]);
      // Either the loser waited and got the replay, or (if the winner was slower than the wait) a 409.
      const statuses = [x.statusCode, y.statusCode].sort();
      expect([[201, 201], [201, 409]]).toContainEqual(statuses);
      replays += [x, y].filter((r) => r.headers['idempotent-replayed'] === 'true').length;
      if (statuses[1] === 201) expect(x.data.id).toBe(y.data.id);
      else expect([x, y].find((r) => r.statusCode === 409)?.data.error.code).toBe('idempotency_in_progress');
    }
    expect(await countAccounts(client)).toBe(20);
    console.info(`20 concurrent pairs: ${replays} answered by replay`);
  });

  it('makes a request wait while another with its key is in flight, then replays its response; gives up with 409 after the wait', async () => {
    for (const { app: a, db: d, patient } of [{ ...{ app, db }, patient: true }, { ...impatient, patient: false }]) {
      const { client } = await signUpWorkspace(a);
      const k = key();
      const first = await client.post('/api/v1/accounts', { name: 'Acme' }, { 'idempotency-key': k });
      // As if another instance were still running it: back to "in progress", no response yet.
      await d.updateTable('idempotency_keys').set({ status: 'in_progress', response_status: null, response_body: null }).where('key', '=', k).execute();
      const waiting = client.post('/api/v1/accounts', { name: 'Acme' }, { 'idempotency-key': k });
      setTimeout(() => {
        void d.updateTable('idempotency_keys').set({ status: 'done', response_status: 201, response_body: first.body }).where('key', '=', k).execute();
      }, 400);
      const res = await waiting;
      if (patient) {
        expect(res.statusCode).toBe(201);
        expect(res.data).toEqual(first.data);
      } else {
        expect(res.statusCode).toBe(409);
        expect(res.data.error.code).toBe('idempotency_in_progress');
        expect(res.headers['retry-after']).toBe('1');
      }
      await new Promise((r) => setTimeout(r, 450));
      expect(await countAccounts(client)).toBe(1);
    }
  });
});
