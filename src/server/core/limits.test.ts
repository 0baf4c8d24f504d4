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
  SIGNIN_FREE_FAILURES_PER_ACCOUNT_IP: '2',
  SIGNIN_MAX_FAILURES_PER_IP: '1000',
});
// The per-account ceiling, low enough to reach in a test.
const { app: ceiling } = await testApp({ SIGNIN_FREE_FAILURES_PER_ACCOUNT_IP: '2', SIGNIN_MAX_FAILURES_PER_ACCOUNT: '4', SIGNIN_MAX_FAILURES_PER_IP: '1000' });

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
