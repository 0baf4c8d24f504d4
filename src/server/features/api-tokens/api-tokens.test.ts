import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { todayIn } from '../../../domain/dates.js';
import { addMember, Client, createAccount, createApiToken, ORIGIN, signUpWorkspace } from '../../test/factories.js';
import { isPostgres, testApp } from '../../test/harness.js';

/**
 * Personal API tokens, end to end over HTTP: made with a session and shown once, stored as a hash,
 * listed with their last use, revoked; `Authorization: Bearer` acting for the person exactly as
 * their session does, and never on account security. Route-by-route coverage is in the
 * authorization walks (src/server/authz*.test.ts).
 */
const { app, db } = await testApp();
const engine = isPostgres() ? 'PostgreSQL' : 'SQLite';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe(`API tokens (${engine})`, () => {
  it('shows the token once, keeps only its hash, and lists it with name, scope, dates and last use', async () => {
    const admin = await signUpWorkspace(app, { timeZone: 'Europe/Paris' });
    const res = await admin.client.post('/api/v1/api-tokens', { name: 'Zapier', scope: 'read', expiresOn: '2030-01-15' });
    expect(res.statusCode).toBe(201);
    const { token, secret } = res.data;
    expect(secret).toMatch(/^adv_[A-Za-z0-9_-]{43}$/);
    // The end of 15 January in Paris (UTC+1 in winter).
    expect(token).toMatchObject({ name: 'Zapier', scope: 'read', hint: secret.slice(-4), expiresOn: '2030-01-15', expiresAt: '2030-01-15T23:00:00.000Z', lastUsedAt: null, expired: false });

    const row = await db.selectFrom('api_tokens').selectAll().where('id', '=', token.id).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(sha256(secret));
    expect(Object.values(row)).not.toContain(secret);

    const list = await admin.client.get('/api/v1/api-tokens');
    expect(list.statusCode).toBe(200);
    expect(list.data.data).toEqual([token]);
    expect(list.body).not.toContain(secret);

    // Used: the list says when, to the minute; a second use within the minute writes nothing.
    const me = await new Client(app, secret).get('/api/v1/session');
    expect(me.statusCode).toBe(200);
    expect(me.data.user.id).toBe(admin.me.user.id);
    const used = (await admin.client.get('/api/v1/api-tokens')).data.data[0].lastUsedAt;
    expect(Date.now() - Date.parse(used)).toBeLessThan(10_000);
    await new Client(app, secret).get('/api/v1/accounts');
    expect((await admin.client.get('/api/v1/api-tokens')).data.data[0].lastUsedAt).toBe(used);
  });

  it('acts for its person: a read-write token writes without an Origin header, and the change is theirs in the history', async () => {
    const admin = await signUpWorkspace(app);
    const rep = await addMember(app, admin.client, { role: 'rep', name: 'Rita Rep' });
    const { client } = await createApiToken(rep, { scope: 'read_write' });
    const res = await client.post('/api/v1/accounts', { name: 'Made by a script' });
    expect(res.statusCode).toBe(201);
    expect(res.data.owner).toMatchObject({ id: rep.me.user.id, name: 'Rita Rep' });
    const history = await rep.client.get(`/api/v1/accounts/${res.data.id}/history`);
    expect(history.data.data[0].actor).toEqual({ id: rep.me.user.id, name: 'Rita Rep' });
    // The same write with the session cookie and no Origin is refused, as before.
    const noOrigin = await rep.client.post('/api/v1/accounts', { name: 'Forged' }, { origin: '' });
    expect(noOrigin.statusCode).toBe(403);
    expect(noOrigin.data.error.code).toBe('origin_mismatch');
  });

  it('has the role its person has now: a rep’s token is refused what the rep is refused, and sees nothing of another workspace', async () => {
    const admin = await signUpWorkspace(app);
    const rep = await addMember(app, admin.client, { role: 'rep' });
    const { client } = await createApiToken(rep);
    const invite = await client.post('/api/v1/invites', { email: 'new-person@example.com', role: 'rep' });
    expect(invite.statusCode).toBe(403);
    expect(invite.data.error.code).toBe('forbidden');

    const other = await signUpWorkspace(app);
    const theirs = await createAccount(other.client);
    const peek = await client.get(`/api/v1/accounts/${theirs.id}`);
    expect(peek.statusCode).toBe(404);
    expect(peek.data.error.code).toBe('not_found');

    // Promoted to admin: the same token may now invite.
    const me = (await admin.client.get(`/api/v1/users/${rep.me.user.id}`)).data;
    expect((await admin.client.patch(`/api/v1/users/${rep.me.user.id}`, { role: 'admin', version: me.version })).statusCode).toBe(200);
    expect((await client.post('/api/v1/invites', { email: 'new-person@example.com', role: 'rep' })).statusCode).toBe(201);
  });

  it('lets a read token only read: every write is 403 and changes nothing; HEAD reads', async () => {
    const admin = await signUpWorkspace(app);
    const account = await createAccount(admin.client, { name: 'Kept as is' });
    const { client, secret } = await createApiToken(admin, { scope: 'read' });
    expect((await client.get(`/api/v1/accounts/${account.id}`)).statusCode).toBe(200);
    const head = await app.inject({ method: 'HEAD', url: `/api/v1/accounts/${account.id}`, headers: { authorization: `Bearer ${secret}` } });
    expect(head.statusCode).toBe(200);
    for (const [method, url, body] of [
      ['POST', '/api/v1/accounts', { name: 'New' }],
      ['PATCH', `/api/v1/accounts/${account.id}`, { name: 'Renamed', version: account.version }],
      ['POST', `/api/v1/accounts/${account.id}/archive`, {}],
    ] as const) {
      const res = await client.request(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.data.error).toMatchObject({ code: 'forbidden', message: expect.stringContaining('can only read') });
      expect(res.data.error.requestId).toBeTruthy();
    }
    expect((await admin.client.get(`/api/v1/accounts/${account.id}`)).data).toMatchObject({ name: 'Kept as is', version: account.version, archivedAt: null });
    expect((await admin.client.get('/api/v1/accounts')).data.data).toHaveLength(1);
  });

  it('refuses every token on account security — making, listing, revoking tokens, signing out — even a read-write one', async () => {
    const admin = await signUpWorkspace(app);
    const { client, id } = await createApiToken(admin, { scope: 'read_write' });
    for (const [method, url, body] of [
      ['GET', '/api/v1/api-tokens', undefined],
      ['POST', '/api/v1/api-tokens', { name: 'Another', scope: 'read_write' }],
      ['DELETE', `/api/v1/api-tokens/${id}`, undefined],
      ['DELETE', '/api/v1/session', undefined],
    ] as const) {
      const res = await client.request(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.data.error).toMatchObject({ code: 'forbidden', message: expect.stringContaining('signed-in session') });
    }
    const list = (await admin.client.get('/api/v1/api-tokens')).data.data;
    expect(list.map((t: { id: string }) => t.id)).toEqual([id]);
  });

  it('stops a revoked token at once (401 with WWW-Authenticate), hides it from the list, and audits both ends', async () => {
    const admin = await signUpWorkspace(app);
    const { client, id } = await createApiToken(admin, { name: 'CI' });
    expect((await client.get('/api/v1/accounts')).statusCode).toBe(200);
    expect((await admin.client.delete(`/api/v1/api-tokens/${id}`)).statusCode).toBe(204);
    const res = await client.get('/api/v1/accounts');
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer /);
    expect(res.data.error).toMatchObject({ code: 'not_signed_in', details: [] });
    expect(res.data.error.requestId).toBeTruthy();
    expect((await admin.client.get('/api/v1/api-tokens')).data.data).toEqual([]);
    // Revoked is gone: again is 404, and the name is free for a new token.
    expect((await admin.client.delete(`/api/v1/api-tokens/${id}`)).statusCode).toBe(404);
    expect((await admin.client.post('/api/v1/api-tokens', { name: 'CI', scope: 'read' })).statusCode).toBe(201);

    const events = await db.selectFrom('audit_events').select(['action', 'actor_id', 'changes']).where('entity_type', '=', 'api_token').where('entity_id', '=', id).orderBy('id').execute();
    expect(events.map((e) => [e.action, e.actor_id])).toEqual([
      ['create', admin.me.user.id],
      ['revoke', admin.me.user.id],
    ]);
    expect(JSON.parse(events[0].changes)).toMatchObject({ name: { after: 'CI' }, scope: { after: 'read_write' } });
    expect(events.map((e) => e.changes).join()).not.toMatch(/hash/i);
  });

  it('answers 404 for someone else’s token, and 401 to a session-less revoke', async () => {
    const admin = await signUpWorkspace(app);
    const colleague = await addMember(app, admin.client, { role: 'rep' });
    const { id } = await createApiToken(colleague);
    const res = await admin.client.delete(`/api/v1/api-tokens/${id}`);
    expect(res.statusCode).toBe(404);
    expect(res.data.error.code).toBe('not_found');
    expect((await new Client(app).delete(`/api/v1/api-tokens/${id}`)).statusCode).toBe(401);
    expect((await colleague.client.get('/api/v1/api-tokens')).data.data).toHaveLength(1);
  });

  it('stops an expired token, and judges the expiry date in the person’s time zone: today works, yesterday is refused', async () => {
    const admin = await signUpWorkspace(app, { timeZone: 'Pacific/Kiritimati' });
    const west = await addMember(app, admin.client, { role: 'rep', timeZone: 'Pacific/Pago_Pago' });
    const now = new Date();
    // Kiritimati (UTC+14) is always a day or two ahead of Pago Pago (UTC−11).
    const pagoToday = todayIn('Pacific/Pago_Pago', now);
    const early = await admin.client.post('/api/v1/api-tokens', { name: 'Yesterday there', scope: 'read', expiresOn: pagoToday });
    expect(early.statusCode).toBe(422);
    expect(early.data.error).toMatchObject({ code: 'date_in_past', details: [{ path: 'expiresOn', message: expect.stringContaining('Kiritimati') }] });
    const ok = await west.client.post('/api/v1/api-tokens', { name: 'Today here', scope: 'read', expiresOn: pagoToday });
    expect(ok.statusCode).toBe(201);
    const today = todayIn('Pacific/Kiritimati', now);
    const lastDay = await admin.client.post('/api/v1/api-tokens', { name: 'Today', scope: 'read', expiresOn: today });
    expect(lastDay.statusCode).toBe(201);
    // It works until the end of that day in Kiritimati: the start of the next day there, 10:00 UTC the day before.
    expect(lastDay.data.token.expiresAt).toBe(`${today}T10:00:00.000Z`);
    const client = new Client(app, lastDay.data.secret);
    expect((await client.get('/api/v1/accounts')).statusCode).toBe(200);

    // Time passes: the token's last day ends.
    await db.updateTable('api_tokens').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', lastDay.data.token.id).execute();
    const res = await client.get('/api/v1/accounts');
    expect(res.statusCode).toBe(401);
    expect(res.data.error.code).toBe('not_signed_in');
    const listed = (await admin.client.get('/api/v1/api-tokens')).data.data.find((t: { id: string }) => t.id === lastDay.data.token.id);
    expect(listed.expired).toBe(true);
  });

  it('refuses bad input by field, and a second live token with the same name', async () => {
    const admin = await signUpWorkspace(app);
    const bad = await admin.client.post('/api/v1/api-tokens', { name: ' ', scope: 'admin', expiresOn: '2030-02-30' });
    expect(bad.statusCode).toBe(400);
    expect(bad.data.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['expiresOn', 'name', 'scope']);
    expect((await admin.client.post('/api/v1/api-tokens', { name: 'Sheets', scope: 'read' })).statusCode).toBe(201);
    const again = await admin.client.post('/api/v1/api-tokens', { name: 'Sheets', scope: 'read_write' });
    expect(again.statusCode).toBe(409);
    expect(again.data.error).toMatchObject({ code: 'duplicate', details: [{ path: 'name' }] });
    expect((await admin.client.get('/api/v1/api-tokens')).data.data).toHaveLength(1);
  });

  it('stops working when its person is deactivated', async () => {
    const admin = await signUpWorkspace(app);
    const leaver = await addMember(app, admin.client, { role: 'rep' });
    const { client } = await createApiToken(leaver);
    expect((await client.get('/api/v1/accounts')).statusCode).toBe(200);
    expect((await admin.client.post(`/api/v1/users/${leaver.me.user.id}/deactivate`, { transferToId: admin.me.user.id, version: leaver.me.user.version })).statusCode).toBe(200);
    expect((await client.get('/api/v1/accounts')).statusCode).toBe(401);
  });

  it('judges a request with an Authorization header by it alone: a cookie beside a wrong token does not sign it in', async () => {
    const admin = await signUpWorkspace(app);
    const withCookie = await admin.client.post('/api/v1/accounts', { name: 'Guess' }, { authorization: 'Bearer adv_not-a-real-token-not-a-real-token-not-a-rea' });
    expect(withCookie.statusCode).toBe(401);
    const basic = await admin.client.get('/api/v1/accounts', { authorization: 'Basic dXNlcjpwYXNz' });
    expect(basic.statusCode).toBe(401);
    expect(basic.data.error.message).toContain('Bearer');
    // An empty header, and one with the right shape but no token behind it.
    for (const authorization of ['Bearer', `Bearer adv_${'A'.repeat(43)}`]) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/accounts', headers: { authorization, 'content-type': 'application/json', cookie: admin.client.cookie ?? '', origin: ORIGIN }, payload: '{"name":"x"}' });
      expect(res.statusCode, authorization).toBe(401);
    }
    expect((await admin.client.get('/api/v1/accounts')).data.data).toEqual([]);
    // Public routes take no token and ignore the header.
    expect((await new Client(app, 'whatever').get('/api/v1/setup')).statusCode).toBe(200);
  });
});

const limited = await testApp({ API_TOKEN_MAX_FAILURES_PER_IP: '3' });

describe(`wrong API tokens, per address (${engine})`, () => {
  const call = (address: string, token: string) =>
    limited.app.inject({ method: 'GET', url: '/api/v1/accounts', remoteAddress: address, headers: { authorization: `Bearer ${token}` } });

  it('answers 429 with Retry-After after too many wrong tokens from one address; right tokens and other addresses still work', async () => {
    const admin = await signUpWorkspace(limited.app);
    const { secret } = await createApiToken(admin, { scope: 'read' });
    const wrong = `adv_${'B'.repeat(43)}`;
    for (let i = 0; i < 3; i++) expect((await call('203.0.113.7', wrong)).statusCode).toBe(401);
    const blocked = await call('203.0.113.7', wrong);
    expect(blocked.statusCode).toBe(429);
    expect(JSON.parse(blocked.body).error.code).toBe('too_many_requests');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await call('203.0.113.7', secret)).statusCode).toBe(200);
    expect((await call('198.51.100.2', wrong)).statusCode).toBe(401);
  });
});
