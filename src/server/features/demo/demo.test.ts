import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/harness.js';
import { Client } from '../../test/factories.js';
import { DEMO_PASSWORD, demoEmail } from './catalogue.js';

// The demo workspace is one per database: these tests share one, and the first test is the first visit.
const { app, db } = await testApp();

describe('demo workspace', () => {
  it('creates exactly one demo workspace, quickly, when the first visits arrive at once', async () => {
    expect(await db.selectFrom('workspaces').select('id').execute()).toHaveLength(0);
    const started = Date.now();
    const results = await Promise.all([1, 2, 3].map(() => new Client(app).post('/api/v1/demo/session')));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    expect(new Set(results.map((r) => r.data.workspace.id)).size).toBe(1);
    const demos = await db.selectFrom('workspaces').select('id').where('is_demo', '=', 1).execute();
    expect(demos).toHaveLength(1);
  });

  it('signs a visitor in as the demo manager of a workspace full of realistic data', async () => {
    const visitor = new Client(app);
    const res = await visitor.post('/api/v1/demo/session');
    expect(res.statusCode).toBe(201);
    expect(res.data.user).toMatchObject({ email: demoEmail('manager'), role: 'manager', name: 'Daniel Okafor' });
    expect(res.data.workspace).toMatchObject({ name: 'Northwind Demo', isDemo: true, defaultTimeZone: 'Europe/London' });
    expect((await visitor.get('/api/v1/session')).data.user.email).toBe(demoEmail('manager'));

    const accounts = await visitor.get('/api/v1/accounts?limit=200');
    expect(accounts.statusCode).toBe(200);
    expect(accounts.data.data.length).toBeGreaterThanOrEqual(35);
    const owners = new Set(accounts.data.data.map((a: { owner: { name: string } }) => a.owner.name));
    expect(owners).toEqual(new Set(['Sophie Laurent', 'Jonas Weber', 'Emily Carter', 'Marcus Reid', 'Daniel Okafor']));

    const contacts = await visitor.get(`/api/v1/contacts?accountId=${accounts.data.data[0].id}`);
    expect(contacts.data.data.length).toBeGreaterThanOrEqual(2);
    expect(contacts.data.data[0].email).toMatch(new RegExp(`@${accounts.data.data[0].domain}$`));

    const opps = await visitor.get('/api/v1/opportunities?limit=200&archived=all');
    expect(opps.statusCode).toBe(200);
    const list: { id: string; status: string; closeReason: string | null; amount: { currency: string }; stage: { name: string } }[] = opps.data.data;
    expect(list.length).toBeGreaterThanOrEqual(70);
    expect(new Set(list.map((o) => o.status))).toEqual(new Set(['open', 'won', 'lost', 'walked_away']));
    expect(list.filter((o) => o.status === 'lost' || o.status === 'walked_away').every((o) => (o.closeReason ?? '').length > 10)).toBe(true);
    expect(new Set(list.map((o) => o.amount.currency))).toEqual(new Set(['EUR', 'GBP', 'USD']));
    expect(new Set(list.map((o) => o.stage.name)).size).toBe(6);

    // A won deal's history tells its story: created, moved through stages, then won — by real people.
    const won = list.find((o) => o.status === 'won');
    const history = await visitor.get(`/api/v1/opportunities/${won?.id}/history?limit=200`);
    expect(history.statusCode).toBe(200);
    const events: { action: string; actor: { name: string }; changes: Record<string, unknown>; occurredAt: string }[] = history.data.data;
    expect(events.at(-1)?.action).toBe('create');
    expect(events[0].changes).toHaveProperty('status');
    expect(events.some((e) => 'stageId' in e.changes)).toBe(true);
    const times = events.map((e) => e.occurredAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(Date.parse(times.at(-1) as string)).toBeLessThan(Date.now() - 2 * 86_400_000);
    expect(events.every((e) => e.actor.name.length > 0 && e.actor.name !== 'Advance')).toBe(true);
  });

  it('reuses the same workspace on later visits, and every demo person can sign in with the shared password', async () => {
    const first = await new Client(app).post('/api/v1/demo/session');
    const second = await new Client(app).post('/api/v1/demo/session', {});
    expect(second.statusCode).toBe(201);
    expect(second.data.workspace.id).toBe(first.data.workspace.id);

    const rep = new Client(app);
    const signIn = await rep.post('/api/v1/session', { email: demoEmail('rep4'), password: DEMO_PASSWORD });
    expect(signIn.statusCode).toBe(201);
    expect(signIn.data.user).toMatchObject({ role: 'rep', timeZone: 'America/New_York' });
    expect(signIn.data.workspace.id).toBe(first.data.workspace.id);
  });

  it('refuses fields it does not know', async () => {
    const res = await new Client(app).post('/api/v1/demo/session', { role: 'admin' });
    expect(res.statusCode).toBe(400);
    expect(res.data.error.details[0].path).toBe('role');
  });

  it('is not there when the server has the demo turned off', async () => {
    const off = await testApp({ DEMO_ENABLED: 'false' });
    const res = await new Client(off.app).post('/api/v1/demo/session');
    expect(res.statusCode).toBe(404);
    expect(res.data.error.code).toBe('not_found');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(await off.db.selectFrom('workspaces').select('id').execute()).toHaveLength(0);
  });
});
