import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Client, ORIGIN, PASSWORD, signUpWorkspace } from '../test/factories.js';
import { testApp } from '../test/harness.js';
import type { App } from './http.js';

/** Limits on what a share link, an address and a guesser can do (core/limits.ts, core/auth/rate-limit.ts). */
const { app, db } = await testApp({
  GUEST_WRITES_PER_LINK_PER_MINUTE: '5',
  GUEST_WRITES_PER_IP_PER_MINUTE: '8',
  GUEST_COMMENTS_PER_PLAN_PER_DAY: '4',
  SIGNUP_MAX_PER_IP_PER_HOUR: '6',
  SIGNUP_MAX_FAILURES_PER_IP_PER_HOUR: '8',
  SIGNIN_FREE_FAILURES_PER_ACCOUNT_IP: '2',
  SIGNIN_MAX_FAILURES_PER_IP: '1000',
});
// Invite links, share-link emails and the demo (its workspaces signed up with the tests' high sign-up limit).
const { app: links, db: linksDb } = await testApp({
  INVITE_TOKEN_MAX_FAILURES_PER_IP: '3',
  INVITES_MAX_PER_WORKSPACE_PER_HOUR: '5',
  SHARE_LINK_EMAILS_MAX_PER_WORKSPACE_PER_HOUR: '3',
  DEMO_SESSION_MAX_PER_IP_PER_HOUR: '3',
  GUEST_COMMITMENTS_PER_PLAN_PER_DAY: '3',
});
// A server that sends mail: sign-up goes through confirmation emails.
const mailing = await testApp({ SMTP_URL: 'smtp://127.0.0.1:2', SIGNUP_MAX_PER_IP_PER_HOUR: '3', SIGNUP_MAX_FAILURES_PER_IP_PER_HOUR: '4' });
// The per-account ceiling, low enough to reach in a test.
const { app: ceiling } = await testApp({ SIGNIN_FREE_FAILURES_PER_ACCOUNT_IP: '2', SIGNIN_MAX_FAILURES_PER_ACCOUNT: '4', SIGNIN_MAX_FAILURES_PER_IP: '1000' });
// Behind one load balancer: the client's address is the one it appends to X-Forwarded-For.
const { app: proxied } = await testApp({ TRUST_PROXY: 'true', SIGNIN_MAX_FAILURES_PER_IP: '3', SIGNIN_FREE_FAILURES_PER_ACCOUNT_IP: '1000', SIGNIN_MAX_FAILURES_PER_ACCOUNT: '1000' });

async function sharedPlan(admin: Client) {
  const account = (await admin.post('/api/v1/accounts', { name: 'Acme' })).data;
  const opp = (await admin.post('/api/v1/opportunities', { accountId: account.id, name: 'Deal', amount: { amountMinor: 1, currency: 'EUR' }, closeDate: '2027-01-31' })).data;
  const plan = (await admin.post(`/api/v1/opportunities/${opp.id}/plan`, { title: 'Plan', targetDate: '2027-01-31' })).data;
  const link = async () => new URL((await admin.post(`/api/v1/plans/${plan.id}/share-links`, { recipientName: 'Carla' })).data.url).pathname.split('/').pop() as string;
  return { plan, link };
}

const from = (ip: string) => ({ remoteAddress: ip });

/** Fixed windows: a burst that straddles a window's end would restart its count, so start clear of it. */
async function clearOfWindowEdge(windowMs: number, marginMs = 10_000): Promise<void> {
  const left = windowMs - (Date.now() % windowMs);
  if (left < marginMs) await new Promise((r) => setTimeout(r, left + 50));
}

function post(a: App, url: string, body: unknown, ip = '127.0.0.1') {
  return a.inject({ method: 'POST', url, ...from(ip), headers: { origin: ORIGIN, 'content-type': 'application/json' }, payload: JSON.stringify(body) }).then((r) => ({ ...r, data: JSON.parse(r.body) }));
}

/** A 429 in the app's one error shape, with a Retry-After within the window. */
function expectTooMany(res: { statusCode: number; headers: Record<string, unknown>; data: unknown }, windowSeconds: number) {
  expect(res.statusCode).toBe(429);
  const retryAfter = Number(res.headers['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
  expect(res.data).toEqual({ error: { code: 'too_many_requests', message: expect.any(String), details: [], requestId: expect.any(String) } });
}

const randomToken = () => randomBytes(32).toString('base64url');
const signUpBody = (email = `ana-${Math.random().toString(36).slice(2)}@example.com`, password = PASSWORD) => ({ workspaceName: 'W', name: 'Ana', email, password, timeZone: 'Europe/Paris' });
const tokenOf = (url: string) => new URL(url).pathname.split('/').pop() as string;
/** An address with an account, signed up from `ip` (not the tests' usual address, whose quota is low here). */
async function takenAddress(ip: string): Promise<string> {
  const body = signUpBody();
  expect((await post(app, '/api/v1/signup', body, ip)).statusCode).toBe(201);
  return body.email;
}

describe('share-link writes', () => {
  it('answers 429 with Retry-After past the per-link limit, in the one error shape, and the link still reads', async () => {
    const { client } = await signUpWorkspace(app);
    const { plan, link } = await sharedPlan(client);
    const token = await link();
    const commitment = (await client.post(`/api/v1/plans/${plan.id}/commitments`, { side: 'customer', title: 'Review', dueDate: '2027-01-10', ownerName: 'Carla' })).data;
    const codes: number[] = [];
    await clearOfWindowEdge(60_000);
    for (let i = 0; i < 7; i++) codes.push((await post(app, `/api/v1/shared/${token}/commitments/${commitment.id}/state`, { done: i % 2 === 0 }, '10.0.0.1')).statusCode);
    expect(codes).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const refused = await post(app, `/api/v1/shared/${token}/commitments/${commitment.id}/state`, { done: true }, '10.0.0.1');
    expect(refused.statusCode).toBe(429);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.data).toEqual({ error: { code: 'too_many_requests', message: expect.any(String), details: [], requestId: expect.any(String) } });
    // Reading is not a write: the customer still sees their plan.
    expect((await app.inject({ method: 'GET', url: `/api/v1/shared/${token}`, ...from('10.0.0.1') })).statusCode).toBe(200);
    // Another link of the same plan from another address has its own allowance.
    const other = await link();
    expect((await post(app, `/api/v1/shared/${other}/commitments/${commitment.id}/state`, { done: true }, '10.0.0.2')).statusCode).toBe(200);
  });

  it('limits one address across links', async () => {
    const { client } = await signUpWorkspace(app);
    const { link } = await sharedPlan(client);
    const tokens = [await link(), await link(), await link()];
    const codes: number[] = [];
    await clearOfWindowEdge(60_000);
    for (let i = 0; i < 9; i++) codes.push((await post(app, `/api/v1/shared/${tokens[i % 3]}/commitments`, { title: `Task ${i}`, dueDate: '2027-01-10' }, '10.0.1.1')).statusCode);
    expect(codes.slice(0, 8)).toEqual(Array(8).fill(201));
    expect(codes[8]).toBe(429);
  });

  it('caps customer comments per plan per day, whatever the link, counting from the database', async () => {
    const { client } = await signUpWorkspace(app);
    const { plan, link } = await sharedPlan(client);
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await post(app, `/api/v1/shared/${await link()}/comments`, { body: `Comment ${i}` }, `10.0.2.${i}`)).statusCode);
    expect(codes).toEqual([201, 201, 201, 201, 429]);
    expect((await client.get(`/api/v1/plans/${plan.id}/comments`)).data.data).toHaveLength(4);
    // The seller side can still reply.
    expect((await client.post(`/api/v1/plans/${plan.id}/comments`, { body: 'Noted' })).statusCode).toBe(201);
    // A day later (comments moved back 24 h) there is room again.
    await db.updateTable('plan_comments').set({ created_at: '2000-01-01T00:00:00.000Z' }).where('plan_id', '=', plan.id).execute();
    expect((await post(app, `/api/v1/shared/${await link()}/comments`, { body: 'Next day' }, '10.0.2.9')).statusCode).toBe(201);
  });

  it('caps customer-side commitments per plan per day, whatever the link, counting from the database', async () => {
    const { client } = await signUpWorkspace(links);
    const { plan, link } = await sharedPlan(client);
    const add = async (title: string, ip: string) => post(links, `/api/v1/shared/${await link()}/commitments`, { title, dueDate: '2027-01-15' }, ip);
    const first = [];
    for (let i = 0; i < 3; i++) first.push((await add(`Step ${i}`, `10.0.3.${i}`)).statusCode);
    expect(first).toEqual([201, 201, 201]);
    expectTooMany(await add('One too many', '10.0.3.8'), 24 * 3600);
    const titles = (await client.get(`/api/v1/plans/${plan.id}`)).data.commitments.map((c: { title: string }) => c.title);
    expect(titles).toEqual(['Step 0', 'Step 1', 'Step 2']);
    // A day later (their creation moved back 24 h) there is room again.
    await linksDb.updateTable('commitments').set({ created_at: '2000-01-01T00:00:00.000Z' }).where('plan_id', '=', plan.id).execute();
    expect((await add('Next day', '10.0.3.9')).statusCode).toBe(201);
  });
});

describe('sign-up', () => {
  it('limits new workspaces per address per hour', async () => {
    const body = () => ({ workspaceName: 'W', name: 'Ana', email: `ana-${Math.random().toString(36).slice(2)}@example.com`, password: PASSWORD, timeZone: 'Europe/Paris' });
    const codes: number[] = [];
    await clearOfWindowEdge(3_600_000, 15_000);
    for (let i = 0; i < 7; i++) codes.push((await post(app, '/api/v1/signup', body(), '10.0.3.1')).statusCode);
    expect(codes).toEqual([201, 201, 201, 201, 201, 201, 429]);
    expect((await post(app, '/api/v1/signup', body(), '10.0.3.2')).statusCode).toBe(201);
  });

  it('counts workspaces created, not refusals: sign-up requests refused without mail, a taken address and a common password use none of the quota', async () => {
    const taken = await takenAddress('10.1.0.9');
    await clearOfWindowEdge(3_600_000, 15_000);
    // Without SMTP_URL, sign-up by email answers 422, however often.
    for (let i = 0; i < 10; i++) expect((await post(app, '/api/v1/signup-requests', signUpBody(), '10.1.0.1')).statusCode).toBe(422);
    // Refused sign-ups (within their own allowance, 8 here).
    for (let i = 0; i < 3; i++) expect((await post(app, '/api/v1/signup', signUpBody(taken), '10.1.0.1')).statusCode).toBe(409);
    for (let i = 0; i < 2; i++) expect((await post(app, '/api/v1/signup', signUpBody(undefined, 'password123'), '10.1.0.1')).statusCode).toBe(400);
    // The whole quota of workspaces is still there.
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) codes.push((await post(app, '/api/v1/signup', signUpBody(), '10.1.0.1')).statusCode);
    expect(codes).toEqual([201, 201, 201, 201, 201, 201, 429]);
    expectTooMany(await post(app, '/api/v1/signup', signUpBody(), '10.1.0.1'), 3600);
  });

  it('limits refused sign-ups per address too, so “this address has an account” stays slow to ask', async () => {
    const taken = await takenAddress('10.1.1.9');
    await clearOfWindowEdge(3_600_000, 15_000);
    const codes: number[] = [];
    // More than the 6 workspaces' quota, up to their own allowance of 8.
    for (let i = 0; i < 9; i++) codes.push((await post(app, '/api/v1/signup', signUpBody(taken), '10.1.1.1')).statusCode);
    expect(codes).toEqual([409, 409, 409, 409, 409, 409, 409, 409, 429]);
    // Refused before any work, whatever is asked.
    expectTooMany(await post(app, '/api/v1/signup', signUpBody(), '10.1.1.1'), 3600);
    expect((await post(app, '/api/v1/signup', signUpBody(), '10.1.1.2')).statusCode).toBe(201);
  });

  it('lets no more sign-ups through than the quota when they all arrive at once', async () => {
    await clearOfWindowEdge(3_600_000, 30_000);
    const codes = (await Promise.all(Array.from({ length: 10 }, () => post(app, '/api/v1/signup', signUpBody(), '10.1.2.1')))).map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(6);
    expect(codes.filter((c) => c === 429)).toHaveLength(4);
  });

  it('with mail: counts confirmation emails, the same whether or not the address has an account, and not refusals', async () => {
    const { app: m, db: mdb } = mailing;
    await clearOfWindowEdge(3_600_000, 15_000);
    // An address with an account (confirmed from another address).
    const known = `known-${Math.random().toString(36).slice(2)}@example.com`;
    expect((await post(m, '/api/v1/signup-requests', signUpBody(known), '10.1.3.9')).statusCode).toBe(202);
    const row = await mdb.selectFrom('mail_outbox').select('data').where('to_address', '=', known).where('kind', '=', 'signup_confirm').executeTakeFirstOrThrow();
    expect((await post(m, '/api/v1/signup-requests/confirm', { token: JSON.parse(row.data).secret }, '10.1.3.9')).statusCode).toBe(201);

    // Refused requests (a common password) use none of the quota.
    for (let i = 0; i < 3; i++) expect((await post(m, '/api/v1/signup-requests', signUpBody(undefined, 'password123'), '10.1.3.1')).statusCode).toBe(400);
    // Three requests for new addresses, or three for the known one: the fourth is refused either way.
    const fresh: number[] = [];
    const again: number[] = [];
    for (let i = 0; i < 4; i++) fresh.push((await post(m, '/api/v1/signup-requests', signUpBody(), '10.1.3.1')).statusCode);
    for (let i = 0; i < 4; i++) again.push((await post(m, '/api/v1/signup-requests', signUpBody(known), '10.1.3.2')).statusCode);
    expect(fresh).toEqual([202, 202, 202, 429]);
    expect(again).toEqual([202, 202, 202, 429]);
    expectTooMany(await post(m, '/api/v1/signup-requests', signUpBody(known), '10.1.3.1'), 3600);
    expectTooMany(await post(m, '/api/v1/signup-requests', signUpBody(), '10.1.3.2'), 3600);
    expect((await post(m, '/api/v1/signup-requests', signUpBody(), '10.1.3.3')).statusCode).toBe(202);
  });
});

describe('invite links', () => {
  it('refuses an address that keeps trying invite links that do not work, before looking at the link, and no other address', async () => {
    const { client } = await signUpWorkspace(links);
    const invite = (await client.post('/api/v1/invites', { email: `inv-${Math.random().toString(36).slice(2)}@example.com`, role: 'rep' })).data;
    const token = tokenOf(invite.url);
    await clearOfWindowEdge(15 * 60_000);
    const codes: number[] = [];
    codes.push((await post(links, '/api/v1/invites/lookup', { token: randomToken() }, '10.1.4.1')).statusCode);
    codes.push((await post(links, '/api/v1/invites/accept', { token: randomToken(), name: 'Eve', password: PASSWORD }, '10.1.4.1')).statusCode);
    codes.push((await post(links, '/api/v1/invites/lookup', { token: randomToken() }, '10.1.4.1')).statusCode);
    codes.push((await post(links, '/api/v1/invites/lookup', { token: randomToken() }, '10.1.4.1')).statusCode);
    expect(codes).toEqual([404, 404, 404, 429]);
    expectTooMany(await post(links, '/api/v1/invites/accept', { token: randomToken(), name: 'Eve', password: PASSWORD }, '10.1.4.1'), 15 * 60);
    // Refused before the link is looked at: a right token gets the same 429, so it tells nothing.
    expectTooMany(await post(links, '/api/v1/invites/lookup', { token }, '10.1.4.1'), 15 * 60);
    // Another address is not held back.
    expect((await post(links, '/api/v1/invites/lookup', { token }, '10.1.4.2')).statusCode).toBe(200);
    expect((await post(links, '/api/v1/invites/accept', { token, name: 'Ivy', password: PASSWORD }, '10.1.4.2')).statusCode).toBe(201);
  });

  it('never holds back the invitee: opening the link again and again, and retrying a refused password, are not failures', async () => {
    const { client } = await signUpWorkspace(links);
    const invite = (await client.post('/api/v1/invites', { email: `inv-${Math.random().toString(36).slice(2)}@example.com`, role: 'rep' })).data;
    const token = tokenOf(invite.url);
    await clearOfWindowEdge(15 * 60_000);
    for (let i = 0; i < 6; i++) expect((await post(links, '/api/v1/invites/lookup', { token }, '10.1.5.1')).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await post(links, '/api/v1/invites/accept', { token, name: 'Ivy', password: 'password123' }, '10.1.5.1')).statusCode).toBe(400);
    expect((await post(links, '/api/v1/invites/accept', { token, name: 'Ivy', password: PASSWORD }, '10.1.5.1')).statusCode).toBe(201);
  });

  it('lets no more wrong tokens through than the limit when they all arrive at once', async () => {
    await clearOfWindowEdge(15 * 60_000);
    const codes = (await Promise.all(Array.from({ length: 10 }, () => post(links, '/api/v1/invites/lookup', { token: randomToken() }, '10.1.6.1')))).map((r) => r.statusCode);
    expect(codes.filter((c) => c === 404)).toHaveLength(3);
    expect(codes.filter((c) => c === 429)).toHaveLength(7);
  });

  it('limits the invites a workspace creates per hour, counting refused ones', async () => {
    const { client, email: here } = await signUpWorkspace(links);
    await clearOfWindowEdge(3_600_000, 15_000);
    const codes: number[] = [];
    for (let i = 0; i < 3; i++) codes.push((await client.post('/api/v1/invites', { email: `inv-${i}-${Math.random().toString(36).slice(2)}@example.com`, role: 'rep' })).statusCode);
    // Refused: the address already has an account in this workspace.
    for (let i = 0; i < 2; i++) codes.push((await client.post('/api/v1/invites', { email: here, role: 'rep' })).statusCode);
    codes.push((await client.post('/api/v1/invites', { email: `inv-x-${Math.random().toString(36).slice(2)}@example.com`, role: 'rep' })).statusCode);
    expect(codes).toEqual([201, 201, 201, 409, 409, 429]);
    expectTooMany(await client.post('/api/v1/invites', { email: here, role: 'rep' }), 3600);
    // Another workspace has its own allowance.
    const other = await signUpWorkspace(links);
    expect((await other.client.post('/api/v1/invites', { email: `inv-y-${Math.random().toString(36).slice(2)}@example.com`, role: 'rep' })).statusCode).toBe(201);
  });
});

describe('share-link emails', () => {
  const outside = (i: number | string) => `carla-${i}-${Math.random().toString(36).slice(2)}@outside.example`;
  const customerLinkMails = (workspaceId: string) => linksDb.selectFrom('mail_outbox').select('to_address').where('workspace_id', '=', workspaceId).where('kind', '=', 'customer_link').execute();

  it('limits the share links a workspace sends by email per hour; links without an email are not limited', async () => {
    const { client, me } = await signUpWorkspace(links);
    const { plan } = await sharedPlan(client);
    const send = (i: number | string) => client.post(`/api/v1/plans/${plan.id}/share-links`, { recipientName: 'Carla', recipientEmail: outside(i), sendEmail: true });
    await clearOfWindowEdge(3_600_000, 15_000);
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await send(i)).statusCode);
    expect(codes).toEqual([201, 201, 201, 429]);
    expectTooMany(await send('x'), 3600);
    expect(await customerLinkMails(me.workspace.id)).toHaveLength(3);
    // Links the rep sends by hand, an address kept for the records included, are not counted.
    for (let i = 0; i < 5; i++) expect((await client.post(`/api/v1/plans/${plan.id}/share-links`, { recipientName: 'Carla', recipientEmail: outside(`h${i}`) })).statusCode).toBe(201);
    expect(await customerLinkMails(me.workspace.id)).toHaveLength(3);
    // Another workspace has its own allowance.
    const other = await signUpWorkspace(links);
    const theirs = await sharedPlan(other.client);
    expect((await other.client.post(`/api/v1/plans/${theirs.plan.id}/share-links`, { recipientName: 'Carla', recipientEmail: outside('y'), sendEmail: true })).statusCode).toBe(201);
  });
});

describe('demo sessions', () => {
  it('limits new demo sessions per address per hour', async () => {
    await clearOfWindowEdge(3_600_000, 15_000);
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await post(links, '/api/v1/demo/session', {}, '10.1.7.1')).statusCode);
    expect(codes).toEqual([201, 201, 201, 429]);
    expectTooMany(await post(links, '/api/v1/demo/session', {}, '10.1.7.1'), 3600);
    expect((await post(links, '/api/v1/demo/session', {}, '10.1.7.2')).statusCode).toBe(201);
  });

  it('counts resets of the demo against the same allowance: a visitor cannot rewrite it in a loop', async () => {
    await clearOfWindowEdge(3_600_000, 15_000);
    const start = await post(links, '/api/v1/demo/session', {}, '10.1.7.3');
    expect(start.statusCode).toBe(201);
    let cookie = String(start.headers['set-cookie']).split(';')[0];
    const reset = () => links.inject({ method: 'POST', url: '/api/v1/demo/reset', ...from('10.1.7.3'), headers: { origin: ORIGIN, cookie, 'content-type': 'application/json' }, payload: '{}' }).then((r) => ({ ...r, data: JSON.parse(r.body) }));
    const codes: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await reset();
      codes.push(res.statusCode);
      if (res.statusCode === 201) cookie = String(res.headers['set-cookie']).split(';')[0];
    }
    // One session and two resets use the three of the hour; the third reset waits.
    expect(codes).toEqual([201, 201, 429]);
    expectTooMany(await reset(), 3600);
  });
});

describe('sign-in failures', () => {
  it('makes the guessing address wait longer and longer, then lets the right password in', async () => {
    const { email } = await signUpWorkspace(app);
    const attempt = (password: string) => post(app, '/api/v1/session', { email, password }, '10.0.4.1');
    const age = (seconds: number) =>
      db
        .updateTable('sign_in_failures')
        .set({ failed_at: new Date(Date.now() - seconds * 1000).toISOString() })
        .where('key', 'like', `%${email}%`)
        .execute();
    expect((await attempt('wrong one')).statusCode).toBe(401);
    expect((await attempt('wrong two')).statusCode).toBe(401);
    // Two free tries used: now 1 s, then 2 s, then 4 s between tries.
    const waits: string[] = [];
    for (const wait of [1, 2, 4]) {
      const held = await attempt(PASSWORD);
      expect(held.statusCode).toBe(429);
      waits.push(String(held.headers['retry-after']));
      await age(wait);
      expect((await attempt('wrong again')).statusCode).toBe(401);
    }
    expect(waits).toEqual(['1', '2', '4']);
    await age(8);
    expect((await attempt(PASSWORD)).statusCode).toBe(201);
  });

  it('lets no more wrong passwords through than the limit when they all arrive at once, the right one included', async () => {
    const { email } = await signUpWorkspace(app);
    const burst = await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => post(app, '/api/v1/session', { email, password: `wrong guess ${i}` }, '10.0.4.9')),
      post(app, '/api/v1/session', { email, password: PASSWORD }, '10.0.4.9'),
    ]);
    const codes = burst.map((r) => r.statusCode);
    // The two free tries, counted one after the other however they arrive; every other try waits.
    expect(codes.filter((c) => c === 401)).toHaveLength(2);
    expect(codes.filter((c) => c === 429)).toHaveLength(burst.length - 2 - codes.filter((c) => c === 201).length);
    expect(codes.filter((c) => c === 201).length).toBeLessThanOrEqual(1);
  });

  it('behind a trusted proxy, counts the address the proxy saw, not one the client wrote into X-Forwarded-For', async () => {
    const accounts = await Promise.all([signUpWorkspace(proxied), signUpWorkspace(proxied), signUpWorkspace(proxied), signUpWorkspace(proxied)]);
    const codes: number[] = [];
    for (const [i, { email }] of accounts.entries()) {
      const res = await proxied.inject({
        method: 'POST',
        url: '/api/v1/session',
        remoteAddress: '10.9.9.9',
        headers: { origin: ORIGIN, 'content-type': 'application/json', 'x-forwarded-for': `1.2.3.${i}, 203.0.113.7` },
        payload: JSON.stringify({ email, password: 'spray' }),
      });
      codes.push(res.statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 429]);
  });

  it('past the per-account ceiling, holds back guessing addresses but not the owner’s', async () => {
    const { email } = await signUpWorkspace(ceiling);
    for (let i = 0; i < 4; i++) expect((await post(ceiling, '/api/v1/session', { email, password: 'guess' }, `10.0.5.${i}`)).statusCode).toBe(401);
    // A guesser who already failed once is refused, even with the right password…
    const guesser = await post(ceiling, '/api/v1/session', { email, password: PASSWORD }, '10.0.5.0');
    expect(guesser.statusCode).toBe(429);
    expect(Number(guesser.headers['retry-after'])).toBeGreaterThan(60);
    // …while the owner, from an address with no failure on the account, signs in.
    expect((await post(ceiling, '/api/v1/session', { email, password: PASSWORD }, '10.0.6.1')).statusCode).toBe(201);
  });
});
