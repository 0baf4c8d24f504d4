import { describe, expect, it } from 'vitest';
import { addMember, Client, createAccount, createApiToken, signUpWorkspace } from './test/factories.js';
import { testApp } from './test/harness.js';
import { SESSION_ONLY } from './test/walk.js';
import type { RouteInfo } from './core/http.js';
import { buildApp } from './app.js';

/**
 * Walks every registered route. Every route declares a permission (a route without one stops the
 * server at boot); anonymous callers get 401 on everything not declared public or guest; a
 * signed-in person of another workspace gets 404 — the same answer as for a record that does not
 * exist — on every route that names a record, with their session or their API tokens alike.
 * Tokens that no longer work (revoked, expired, their person deactivated) get 401 everywhere, and
 * account security refuses every token. A new route without a check, or naming a kind of record
 * this test has no fixture for, fails here. Same-workspace roles and positive controls:
 * authz-roles.test.ts.
 */
const { app, db, config } = await testApp();

// Public on purpose; anything else reachable without a session fails the test.
const PUBLIC = new Set([
  'GET /healthz',
  'GET /readyz',
  'GET /api/openapi.json',
  'GET /api/v1/setup',
  'POST /api/v1/signup',
  'POST /api/v1/session',
  'POST /api/v1/demo/session',
  'POST /api/v1/invites/lookup',
  'POST /api/v1/invites/accept',
  'POST /api/v1/signup-requests',
  'POST /api/v1/signup-requests/confirm',
  'POST /api/v1/password-resets',
  'POST /api/v1/password-resets/lookup',
  'POST /api/v1/password-resets/complete',
  'POST /api/v1/unsubscribe',
  // RFC 8058 one-click, posted by mail providers with the signed token in the path.
  'POST /unsubscribe/:token',
  // A person's calendar feed, read by calendar apps with the URL's secret token (features/calendar).
  'GET /api/v1/calendar-feed/:token.ics',
]);
// The interactive API docs (a plugin's routes, all under this prefix) are public on purpose too.
const PUBLIC_PREFIX = '/api/docs';
// The customer's plan, reached with its share token alone (features/sharing/guest.test.ts covers them).
const GUEST = new Set([
  'GET /api/v1/shared/:token',
  'POST /api/v1/shared/:token/commitments/:id/state',
  'POST /api/v1/shared/:token/commitments/:id/renegotiations',
  'POST /api/v1/shared/:token/renegotiations/:id/accept',
  'POST /api/v1/shared/:token/renegotiations/:id/decline',
  'POST /api/v1/shared/:token/comments',
  'POST /api/v1/shared/:token/commitments',
  'GET /api/v1/shared/:token/calendar.ics',
]);

// Creating routes validate their body before looking the record up; a valid body reaches the lookup.
const VALID_BODIES: Record<string, unknown> = {
  'POST /api/v1/opportunities/:id/plan': { title: 'Plan', targetDate: '2027-01-31' },
  'POST /api/v1/plans/:id/milestones': { title: 'Milestone' },
  'POST /api/v1/plans/:id/commitments': { side: 'seller', title: 'Commitment', dueDate: '2027-01-10' },
  'POST /api/v1/plans/:id/layout': { milestones: [], basis: [] },
  'POST /api/v1/commitments/:id/renegotiations': { newDate: '2027-01-20', reason: 'Because' },
  'POST /api/v1/renegotiations/:id/accept': {},
  'POST /api/v1/renegotiations/:id/decline': {},
  'POST /api/v1/plans/:id/template': { name: 'Template' },
  'POST /api/v1/plans/:id/share-links': { recipientName: 'Carla' },
  'POST /api/v1/plans/:id/comments': { body: 'Hello' },
  'POST /api/v1/notifications/:id/read': {},
  'POST /api/v1/mails/:id/retry': {},
  'POST /api/v1/imports/:id/dry-run': {},
  'POST /api/v1/imports/:id/start': {},
  'POST /api/v1/webhook-endpoints/:id/test': {},
  'POST /api/v1/webhook-endpoints/:id/secret': {},
  'POST /api/v1/webhook-deliveries/:id/retry': {},
  'POST /api/v1/accounts/:id/objectives': { title: 'Objective', kind: 'expansion', targetDate: '2027-06-30' },
  'POST /api/v1/objectives/:id/contributors': { userId: '01a00000-0000-7000-8000-000000000000' },
  'POST /api/v1/objectives/:id/insights': { body: 'Insight' },
  'POST /api/v1/objectives/:id/tasks': { title: 'Task', dueDate: '2027-01-10' },
  'POST /api/v1/interactions/:id/result': { result: 'no_advance', version: 1 },
  'POST /api/v1/opportunities/:id/retrospective': {
    answers: { plannedOutcomes: 'yes', advancesWon: 'yes', customerKept: 'yes', mutualPlan: 'yes', changeCommitment: 'yes' },
    processJudgement: 'sound',
    version: 0,
  },
  'POST /api/v1/users/:id/targets': { fiscalYear: 2027, amount: { amountMinor: 100, currency: 'USD' }, version: 0 },
  'POST /api/v1/why-ladders/:id/rungs': { answer: 'More time', version: 1 },
  'POST /api/v1/goals/:id/complete-step': { lesson: 'It helps', nextStep: 'Plan Friday', version: 1 },
  'POST /api/v1/goals/:id/notes': { body: 'Note' },
  'POST /api/v1/check-in-series/:id/check-ins': { scheduledAt: '2027-01-07T08:00:00Z' },
  'PATCH /api/v1/check-ins/:id': { status: 'held', version: 1 },
  'PATCH /api/v1/check-ins/:id/answers': { answers: [], version: 1 },
  'POST /api/v1/check-ins/:id/notes': { body: 'Note' },
  'POST /api/v1/check-ins/:id/actions': { title: 'Action', dueDate: '2027-01-10' },
  'POST /api/v1/check-ins/:id/coaching': { start: 'Hit my quota' },
  'POST /api/v1/check-ins/:id/coaching/rungs': { answer: 'More time', version: 1 },
  'POST /api/v1/check-ins/:id/coaching/close': {},
};

const apiRoutes = () => app.routeList.filter((r) => r.url.startsWith('/api/v1/'));
const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
const open = (r: RouteInfo) => r.permission === 'public' || r.permission === 'guest';
// Routes without a body contract refuse any body but `{}` (core/router-errors.ts): send them none.
const sampleBody = (method: string, route?: { schema?: { body?: unknown } }) =>
  method === 'GET' || method === 'DELETE' || (route && route.schema?.body === undefined) ? undefined : { version: 1 };

describe('authorization on every route', () => {
  it('declares public exactly the routes meant to be public, and guest exactly the share-token routes', () => {
    const declared = app.routeList.filter((r) => r.permission === 'public');
    for (const r of declared) expect(PUBLIC.has(key(r)) || r.url.startsWith(PUBLIC_PREFIX), `${key(r)} is public but not in the allow-list`).toBe(true);
    for (const route of PUBLIC) expect(declared.map(key), `${route} should exist and be public`).toContain(route);
    expect(declared.filter((r) => r.url.startsWith(PUBLIC_PREFIX)).length, 'the docs routes are declared public').toBeGreaterThan(2);
    const guest = app.routeList.filter((r) => r.permission === 'guest').map(key);
    expect(new Set(guest)).toEqual(GUEST);
  });

  it('declares session-only exactly the account-security routes (API tokens, signing out)', () => {
    const declared = app.routeList.filter((r) => r.sessionOnly).map(key);
    expect(new Set(declared)).toEqual(SESSION_ONLY);
    // A new signed-in route about passwords, email addresses, sessions or tokens is account security
    // until shown otherwise: declare it `sessionOnly` and list it, or list it here with the reason.
    const tokenMayUse = new Set(['GET /api/v1/session' /* who the token acts for */]);
    const sensitive = apiRoutes().filter((r) => !open(r) && r.url.split('/').some((s) => !s.startsWith(':') && /password|e-?mail|session|token/i.test(s)));
    for (const r of sensitive) expect(SESSION_ONLY.has(key(r)) || tokenMayUse.has(key(r)), `${key(r)} looks like account security: declare it sessionOnly`).toBe(true);
  });

  it('covers routes outside /api/v1: each is declared, and the docs answer without a session', async () => {
    const outside = app.routeList.filter((r) => !r.url.startsWith('/api/v1/'));
    for (const r of outside) expect(r.permission, key(r)).toBe('public');
    const anonymous = new Client(app);
    for (const url of ['/api/docs', '/api/docs/', '/api/openapi.json', '/healthz', '/readyz']) {
      const res = await anonymous.get(url);
      expect([200, 302], `GET ${url}`).toContain(res.statusCode);
    }
  });

  it('refuses, at registration, a route that declares no permission', async () => {
    const fresh = await buildApp({ config, db, logger: false });
    expect(() => fresh.get('/api/v1/forgotten', async () => ({}))).toThrow(/GET \/api\/v1\/forgotten declares no permission/);
    expect(() => fresh.get('/api/v1/declared', { config: { permission: 'signedIn' } }, async () => ({}))).not.toThrow();
    await fresh.close();
  });

  it('answers 401 to anonymous callers on every other /api/v1 route', async () => {
    const anonymous = new Client(app);
    const routes = apiRoutes().filter((r) => !open(r));
    expect(routes.length).toBeGreaterThan(20);
    for (const r of routes) {
      const url = r.url.replace(/:(\w+)/g, '01a00000-0000-7000-8000-000000000000');
      const res = await anonymous.request(r.method as 'GET', url, sampleBody(r.method));
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.data.error.code).toBe('not_signed_in');
    }
  });

  it('answers 401 to API tokens that no longer work — revoked, expired, unknown, their person deactivated — on every route that takes a session', async () => {
    const admin = await signUpWorkspace(app);
    const revoked = await createApiToken(admin);
    expect((await admin.client.delete(`/api/v1/api-tokens/${revoked.id}`)).statusCode).toBe(204);
    const expired = await createApiToken(admin);
    await db.updateTable('api_tokens').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', expired.id).execute();
    const leaver = await addMember(app, admin.client, { role: 'admin' });
    const left = await createApiToken(leaver);
    expect((await admin.client.post(`/api/v1/users/${leaver.me.user.id}/deactivate`, { transferToId: admin.me.user.id, version: leaver.me.user.version })).statusCode).toBe(200);
    const clients = { revoked: revoked.client, expired: expired.client, 'of a deactivated person': left.client, unknown: new Client(app, `adv_${'x'.repeat(43)}`) };
    const routes = apiRoutes().filter((r) => !open(r));
    for (const r of routes) {
      const url = r.url.replace(/:(\w+)/g, '01a00000-0000-7000-8000-000000000000');
      for (const [what, client] of Object.entries(clients)) {
        const res = await client.request(r.method as 'GET', url, sampleBody(r.method, r));
        expect(res.statusCode, `${r.method} ${r.url} with a token ${what}`).toBe(401);
        expect(res.data.error.code).toBe('not_signed_in');
      }
    }
    // The same tokens worked before: the 401s are theirs, not the routes'.
    const fresh = await createApiToken(admin);
    expect((await fresh.client.get('/api/v1/accounts')).statusCode).toBe(200);
  });

  it('answers 404 to another workspace on every route that names a record', async () => {
    const a = await signUpWorkspace(app);
    const b = await signUpWorkspace(app);
    const account = await createAccount(a.client);
    const contact = (await a.client.post('/api/v1/contacts', { accountId: account.id, name: 'Carla Contact' })).data;
    const stages = (await a.client.get('/api/v1/stages')).data.data;
    const opportunity = (
      await a.client.post('/api/v1/opportunities', { accountId: account.id, name: 'Deal', amount: { amountMinor: 100, currency: 'EUR' }, closeDate: '2030-01-31' })
    ).data;
    const team = (await a.client.post('/api/v1/teams', { name: 'Team A' })).data;
    const invite = (await a.client.post('/api/v1/invites', { email: 'someone-new@example.com', role: 'rep' })).data.invite;
    const plan = (await a.client.post(`/api/v1/opportunities/${opportunity.id}/plan`, { title: 'Plan', targetDate: '2027-01-31' })).data;
    const milestone = (await a.client.post(`/api/v1/plans/${plan.id}/milestones`, { title: 'Evaluate' })).data;
    const commitment = (await a.client.post(`/api/v1/plans/${plan.id}/commitments`, { side: 'seller', title: 'Send proposal', dueDate: '2027-01-10' })).data;
    const renegotiation = (await a.client.post(`/api/v1/commitments/${commitment.id}/renegotiations`, { newDate: '2027-01-12', reason: 'Legal review' })).data.renegotiation;
    const template = (await a.client.post('/api/v1/plan-templates', { name: 'T', lengthDays: 30, milestones: [], commitments: [] })).data;
    const link = (await a.client.post(`/api/v1/plans/${plan.id}/share-links`, { recipientName: 'Carla' })).data;
    await new Client(app).post(`/api/v1/shared/${new URL(link.url).pathname.split('/').pop()}/comments`, { body: 'Looks good' });
    const notification = (await a.client.get('/api/v1/notifications')).data.data[0];
    const criterion = (await a.client.post('/api/v1/sweet-spot-criteria', { label: 'Has a budget' })).data;
    const objective = (await a.client.post(`/api/v1/accounts/${account.id}/objectives`, { title: 'Expand', kind: 'expansion', targetDate: '2027-06-30' })).data;
    const mail = (await a.client.get('/api/v1/mails')).data.data[0];
    const csvImport = (await a.client.post('/api/v1/imports', { entity: 'accounts', fileName: 'Account.csv', text: 'Name\nAcme\n' })).data;
    const webhook = (await a.client.post('/api/v1/webhook-endpoints', { url: 'https://93.184.215.14/hooks', events: ['opportunity.won'] })).data.endpoint;
    const delivery = (await a.client.post(`/api/v1/webhook-endpoints/${webhook.id}/test`)).data;
    const ladder = (await a.client.post('/api/v1/why-ladders', { start: 'Hit my quota' })).data;
    const goal = (await a.client.post('/api/v1/goals', { kind: 'learning', title: 'Listen', periodStart: '2026-01-01', periodEnd: '2027-12-31', firstStep: 'Ask one question' })).data;
    const interaction = (
      await a.client.post('/api/v1/interactions', {
        kind: 'call',
        accountId: account.id,
        startsAt: new Date(Date.now() - 3_600_000).toISOString(),
        timeZone: 'Europe/Paris',
        alreadyHappened: true,
        outcomeKind: 'trial',
        outcomeStatement: 'They agree to a pilot',
      })
    ).data;
    const rep = await addMember(app, a.client, { role: 'rep' });
    const token = await createApiToken(a);
    // The other workspace's admin calls with their session and with their API tokens of both scopes.
    const bWrites = (await createApiToken(b, { scope: 'read_write' })).client;
    const bReads = (await createApiToken(b, { scope: 'read' })).client;
    const series = (await a.client.post('/api/v1/check-in-series', { repId: rep.me.user.id, cadence: 'weekly', weekday: 4, time: '09:00' })).data;
    const checkIn = (await a.client.post(`/api/v1/check-in-series/${series.id}/check-ins`, { scheduledAt: series.next.scheduledAt })).data;
    const note = (await a.client.post(`/api/v1/check-ins/${checkIn.id}/notes`, { body: 'Private' })).data;
    const ids: Record<string, string> = {
      'api-tokens': token.id,
      'why-ladders': ladder.id,
      goals: goal.id,
      interactions: interaction.id,
      'check-in-series': series.id,
      'check-ins': checkIn.id,
      'check-in-notes': note.id,
      mails: mail.id,
      imports: csvImport.id,
      'webhook-endpoints': webhook.id,
      'webhook-deliveries': delivery.id,
      objectives: objective.id,
      'sweet-spot-criteria': criterion.id,
      'plan-templates': template.id,
      'share-links': link.shareLink.id,
      notifications: notification.id,
      plans: plan.id,
      milestones: milestone.id,
      commitments: commitment.id,
      renegotiations: renegotiation.id,
      accounts: account.id,
      contacts: contact.id,
      opportunities: opportunity.id,
      stages: stages[0].id,
      teams: team.id,
      invites: invite.id,
      users: a.me.user.id,
    };
    for (const [kind, id] of Object.entries(ids)) expect(id, `fixture for ${kind}`).toBeTruthy();

    // Guest routes are keyed by a share token, not a session: their own tests cover them.
    const routes = apiRoutes().filter((r) => r.url.includes(':') && !open(r));
    expect(routes.length).toBeGreaterThan(10);
    for (const r of routes) {
      const kind = r.url.split('/')[3];
      const id = ids[kind];
      expect(id, `no fixture for ${r.method} ${r.url}: add one to this test`).toBeDefined();
      // A second id in the path names a person of the record's workspace (an objective's contributor).
      const url = r.url.replace(':id', id).replace(':userId', a.me.user.id);
      const body = r.url.endsWith('/deactivate') ? { transferToId: b.me.user.id } : (VALID_BODIES[`${r.method} ${r.url}`] ?? sampleBody(r.method, r));
      const res = await b.client.request(r.method as 'GET', url, body);
      expect(res.statusCode, `${r.method} ${r.url} as another workspace`).toBe(404);
      expect(res.data.error.code).toBe('not_found');
      // Their read-write token: the same 404 (account security refuses any token first: 403).
      const sessionOnly = SESSION_ONLY.has(`${r.method} ${r.url}`);
      const withToken = await bWrites.request(r.method as 'GET', url, body);
      expect(withToken.statusCode, `${r.method} ${r.url} with another workspace's read-write token`).toBe(sessionOnly ? 403 : 404);
      // Their read token: 404 on reads; every write is refused for the token's scope before any record is looked at.
      const withReadToken = await bReads.request(r.method as 'GET', url, body);
      expect(withReadToken.statusCode, `${r.method} ${r.url} with another workspace's read token`).toBe(r.method === 'GET' && !sessionOnly ? 404 : 403);
      // And the owner still sees the record: the 404 was the workspace boundary, not a broken route.
      if (r.method === 'GET') expect((await a.client.get(url)).statusCode, `${r.method} ${r.url} as its owner`).toBe(200);
    }
  });
});
