import { describe, expect, it } from 'vitest';
import { Client, ORIGIN, PASSWORD, createAccount, signUpWorkspace } from '../test/factories.js';
import { testApp } from '../test/harness.js';

const { app, db } = await testApp({ SIGNIN_FREE_FAILURES_PER_ACCOUNT_IP: '3', SIGNIN_MAX_FAILURES_PER_IP: '1000' });

const signUpBody = (over: Record<string, unknown> = {}) => ({
  workspaceName: 'Acme',
  name: 'Ana',
  email: `ana-${Math.random().toString(36).slice(2)}@example.com`,
  password: PASSWORD,
  timeZone: 'America/New_York',
  ...over,
});

describe('sign-up', () => {
  it('creates the workspace and its admin, signed in with a safe cookie', async () => {
    const client = new Client(app);
    const res = await client.post('/api/v1/signup', signUpBody());
    expect(res.statusCode).toBe(201);
    expect(res.data.user).toMatchObject({ role: 'admin', timeZone: 'America/New_York' });
    expect(res.data.workspace).toMatchObject({ name: 'Acme', defaultTimeZone: 'America/New_York' });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^advance_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    expect((await client.get('/api/v1/session')).data.user.id).toBe(res.data.user.id);
    // It starts with the default stages and the three built-in plan templates.
    expect((await client.get('/api/v1/stages')).data.data).toHaveLength(6);
    expect((await client.get('/api/v1/plan-templates')).data.data).toHaveLength(3);
  });

  it('refuses short, overlong and common passwords, and an email already in use', async () => {
    const client = new Client(app);
    const short = await client.post('/api/v1/signup', signUpBody({ password: 'short' }));
    expect(short.statusCode).toBe(400);
    expect(short.data.error.details).toEqual([{ path: 'password', message: expect.stringMatching(/at least 8/) }]);
    expect((await client.post('/api/v1/signup', signUpBody({ password: 'x'.repeat(1025) }))).statusCode).toBe(400);
    expect((await client.post('/api/v1/signup', signUpBody({ password: 'xy'.repeat(512) }))).statusCode).toBe(201);
    const common = await new Client(app).post('/api/v1/signup', signUpBody({ password: 'Password123' }));
    expect(common.statusCode).toBe(400);
    expect(common.data.error.details[0]).toMatchObject({ path: 'password', message: expect.stringMatching(/common/) });
    const first = await new Client(app).post('/api/v1/signup', signUpBody({ email: 'taken@example.com' }));
    expect(first.statusCode).toBe(201);
    const again = await new Client(app).post('/api/v1/signup', signUpBody({ email: 'TAKEN@example.com' }));
    expect(again.statusCode).toBe(409);
    expect(again.data.error.details[0].path).toBe('email');
  });

  it('answers sign-ups racing for one address with one workspace and 409s, never a 500', async () => {
    const email = `race-${Math.random().toString(36).slice(2)}@example.com`;
    const answers = await Promise.all([1, 2, 3, 4].map(() => new Client(app).post('/api/v1/signup', signUpBody({ email }))));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409, 409]);
    for (const refused of answers.filter((a) => a.statusCode === 409)) {
      expect(refused.data.error).toMatchObject({ code: 'duplicate', details: [{ path: 'email', message: expect.stringMatching(/already exists/) }] });
    }
    expect(await db.selectFrom('users').select('id').where('email', '=', email).execute()).toHaveLength(1);
  });

  it('stores passwords only as argon2id hashes', async () => {
    const { me } = await signUpWorkspace(app);
    const row = await db.selectFrom('users').select('password_hash').where('id', '=', me.user.id).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(PASSWORD);
  });
});

describe('sign-in and sessions', () => {
  it('gives a wrong password and an unknown email the same answer', async () => {
    const { email } = await signUpWorkspace(app);
    const wrong = await new Client(app).post('/api/v1/session', { email, password: 'not the password' });
    const unknown = await new Client(app).post('/api/v1/session', { email: 'nobody@example.com', password: 'not the password' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const strip = (b: { error: Record<string, unknown> }) => ({ ...b.error, requestId: undefined });
    expect(strip(wrong.data)).toEqual(strip(unknown.data));
  });

  it('issues a new session id at sign-in and ends the old one', async () => {
    const { client, email } = await signUpWorkspace(app);
    const before = client.cookie;
    const stale = new Client(app);
    stale.cookie = before;
    expect((await client.post('/api/v1/session', { email, password: PASSWORD })).statusCode).toBe(201);
    expect(client.cookie).not.toBe(before);
    expect((await stale.get('/api/v1/session')).statusCode).toBe(401);
    expect((await client.get('/api/v1/session')).statusCode).toBe(200);
  });

  it('signs out on the server: the old cookie no longer works', async () => {
    const { client } = await signUpWorkspace(app);
    const copy = new Client(app);
    copy.cookie = client.cookie;
    expect((await client.delete('/api/v1/session')).statusCode).toBe(204);
    expect((await copy.get('/api/v1/accounts')).statusCode).toBe(401);
  });

  it('ends sessions after the idle limit and after the absolute limit', async () => {
    const idle = await signUpWorkspace(app);
    const long = await signUpWorkspace(app);
    await db.updateTable('sessions').set({ last_seen_at: '2000-01-01T00:00:00.000Z' }).where('user_id', '=', idle.me.user.id).execute();
    await db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('user_id', '=', long.me.user.id).execute();
    expect((await idle.client.get('/api/v1/session')).statusCode).toBe(401);
    expect((await long.client.get('/api/v1/session')).statusCode).toBe(401);
  });

  it('holds back the address that keeps failing on an account with 429 and Retry-After, even with the right password', async () => {
    const { email } = await signUpWorkspace(app);
    const client = new Client(app);
    for (let i = 0; i < 3; i++) expect((await client.post('/api/v1/session', { email, password: 'wrong password' })).statusCode).toBe(401);
    const blocked = await client.post('/api/v1/session', { email, password: PASSWORD });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.data.error.code).toBe('too_many_requests');
    // Another account from the same address is not locked out by it.
    const other = await signUpWorkspace(app);
    expect((await new Client(app).post('/api/v1/session', { email: other.email, password: PASSWORD })).statusCode).toBe(201);
  });
});

describe('per-IP sign-in limit', async () => {
  const { app: strict } = await testApp({ SIGNIN_MAX_FAILURES_PER_IP: '2' });
  it('blocks an address that keeps failing across accounts', async () => {
    const c = new Client(strict);
    await c.post('/api/v1/session', { email: 'a@example.com', password: 'wrong password' });
    await c.post('/api/v1/session', { email: 'b@example.com', password: 'wrong password' });
    const res = await c.post('/api/v1/session', { email: 'c@example.com', password: 'wrong password' });
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBeDefined();
  });
});

describe('cross-site request forgery', () => {
  it('refuses writes without our Origin or not sent as JSON, and changes nothing', async () => {
    const { client } = await signUpWorkspace(app);
    const noOrigin = await app.inject({ method: 'POST', url: '/api/v1/accounts', headers: { cookie: client.cookie!, 'content-type': 'application/json' }, payload: '{"name":"X"}' });
    expect(noOrigin.statusCode).toBe(403);
    const evil = await client.post('/api/v1/accounts', { name: 'X' }, { origin: 'https://evil.example' });
    expect(evil.statusCode).toBe(403);
    expect(evil.data.error.code).toBe('origin_mismatch');
    const form = await app.inject({ method: 'POST', url: '/api/v1/accounts', headers: { cookie: client.cookie!, origin: ORIGIN, 'content-type': 'text/plain' }, payload: '{"name":"X"}' });
    expect(form.statusCode).toBe(415);
    expect((await client.get('/api/v1/accounts')).data.data).toEqual([]);
    await createAccount(client, { name: 'Allowed' });
    expect((await client.get('/api/v1/accounts')).data.data).toHaveLength(1);
  });
});

describe('behind https', async () => {
  const { app: secure } = await testApp({ PUBLIC_URL: 'https://advance.example.com' });
  it('uses a __Host- Secure cookie and checks the public origin', async () => {
    const body = signUpBody();
    const wrongOrigin = await new Client(secure).post('/api/v1/signup', body);
    expect(wrongOrigin.statusCode).toBe(403);
    const res = await new Client(secure).post('/api/v1/signup', body, { origin: 'https://advance.example.com' });
    expect(res.statusCode).toBe(201);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^__Host-advance_session=/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/Path=\//);
    expect(res.headers['strict-transport-security']).toMatch(/max-age/);
  });
});
