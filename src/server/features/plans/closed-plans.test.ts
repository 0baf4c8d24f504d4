import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/harness.js';
import { addMember, Client, signUpWorkspace } from '../../test/factories.js';
import { addCommitment, addMilestone, createDeal, createPlan, customerProposes, dayIn, shareLink } from './fixtures.js';
import { useFixedClock } from '../../test/clock.js';

/**
 * A completed or abandoned plan is closed: walks every registered write route of the plans feature
 * and calls it — as the seller and, on share-link routes, as the customer — on a closed plan. Each
 * must answer 409 plan_closed and change nothing. A new write route fails here until it is either
 * refused on closed plans (add its body below) or listed as open on purpose, with the reason.
 */
useFixedClock(); // dates are judged against today: no midnight inside the run
const { app } = await testApp();
const TZ = 'Europe/Paris';

// Writes that stay possible on a closed plan, on purpose.
const OPEN_ON_PURPOSE: Record<string, string> = {
  'POST /api/v1/opportunities/:id/plan': 'creates a plan; the deal already has this one (409 duplicate)',
  'POST /api/v1/plans/:id/reopen': 'the one way back: tested below',
  'POST /api/v1/plans/:id/share-links': 'the customer may still read the closed plan; their writes are refused',
  'POST /api/v1/share-links/:id/revoke': 'taking access away must always work',
  'POST /api/v1/plans/:id/template': 'reads the plan to make a template; a finished plan is the best model',
};

// A valid body per write route (validation runs before the closed check; a new route needs one here).
const BODIES: Record<string, unknown> = {
  'PATCH /api/v1/plans/:id': { title: 'Renamed' },
  'POST /api/v1/plans/:id/milestones': { title: 'One more milestone' },
  'PATCH /api/v1/milestones/:id': { title: 'Renamed milestone', version: 1 },
  'POST /api/v1/milestones/:id/archive': {},
  'POST /api/v1/milestones/:id/restore': {},
  'POST /api/v1/plans/:id/commitments': { side: 'seller', title: 'Late addition', dueDate: dayIn(TZ, 10) },
  'POST /api/v1/plans/:id/layout': { milestones: [], basis: [] },
  'PATCH /api/v1/commitments/:id': { status: 'done', version: 1 },
  'POST /api/v1/commitments/:id/renegotiations': { newDate: dayIn(TZ, 12), reason: 'More time' },
  'POST /api/v1/renegotiations/:id/accept': {},
  'POST /api/v1/renegotiations/:id/decline': {},
  'POST /api/v1/plans/:id/comments': { body: 'One more thing' },
  'POST /api/v1/shared/:token/commitments/:id/state': { done: true },
  'POST /api/v1/shared/:token/commitments/:id/renegotiations': { newDate: dayIn(TZ, 12), reason: 'Holidays' },
  'POST /api/v1/shared/:token/renegotiations/:id/accept': {},
  'POST /api/v1/shared/:token/renegotiations/:id/decline': {},
  'POST /api/v1/shared/:token/comments': { body: 'Can we still change this?' },
  'POST /api/v1/shared/:token/commitments': { title: 'Board approval', dueDate: dayIn(TZ, 10) },
};

const PLAN_KINDS = new Set(['plans', 'milestones', 'commitments', 'renegotiations', 'shared', 'share-links']);
const isPlanRoute = (url: string) => PLAN_KINDS.has(url.split('/')[3]) || url === '/api/v1/opportunities/:id/plan';
const WRITES = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/** An active plan with something of every kind on it, then closed. */
async function closedPlan(status: 'completed' | 'abandoned') {
  const { client } = await signUpWorkspace(app, { timeZone: TZ });
  const deal = await createDeal(client);
  const plan = await createPlan(client, deal.id, { status: 'active', customerTimeZone: TZ });
  const milestone = await addMilestone(client, plan.id, 'Validate');
  const mine = await addCommitment(client, plan.id, { title: 'Security pack', dueDate: dayIn(TZ, 5), milestoneId: milestone.id });
  const theirs = await addCommitment(client, plan.id, { side: 'customer', ownerName: 'Carla', title: 'Questionnaire', dueDate: dayIn(TZ, 3) });
  const link = await shareLink(client, plan.id);
  const customerAsked = await customerProposes(client, plan.id, mine.id, dayIn(TZ, 8));
  const sellerAsked = (await client.post(`/api/v1/commitments/${theirs.id}/renegotiations`, { newDate: dayIn(TZ, 6), reason: 'Align with the demo' })).data.renegotiation;
  const current = (await client.get(`/api/v1/plans/${plan.id}`)).data;
  const closed = await client.patch(`/api/v1/plans/${plan.id}`, { status, version: current.version });
  expect(closed.statusCode).toBe(200);
  return { client, deal, plan: closed.data, milestone, mine, theirs, customerAsked, sellerAsked, ...link, guest: new Client(app) };
}

type Fixture = Awaited<ReturnType<typeof closedPlan>>;

function urlFor(route: string, f: Fixture): string {
  const seller: Record<string, string> = { plans: f.plan.id, milestones: f.milestone.id, commitments: f.mine.id, renegotiations: f.customerAsked.id };
  if (route.startsWith('/api/v1/shared/')) {
    const kind = route.split('/')[5];
    const id = kind === 'renegotiations' ? f.sellerAsked.id : f.theirs.id;
    return route.replace(':token', f.token).replace(':id', id);
  }
  return route.replace(':id', seller[route.split('/')[3]]);
}

/** What a person would see: the plan, its conversation and the customer's page (visit counters aside). */
async function snapshot(f: Fixture) {
  const plan = (await f.client.get(`/api/v1/plans/${f.plan.id}`)).data;
  const comments = (await f.client.get(`/api/v1/plans/${f.plan.id}/comments`)).data;
  const history = (await f.client.get(`/api/v1/plans/${f.plan.id}/history?limit=200`)).data.data.length;
  const shared = (await f.guest.get(f.api)).data;
  return { plan, comments, history, shared };
}

describe('closed plans are closed', () => {
  it.each(['completed', 'abandoned'] as const)('refuses every write on a plan that is %s, seller and customer alike, and changes nothing', async (status) => {
    const f = await closedPlan(status);
    const routes = f.client.app.routeList.filter((r) => WRITES.has(r.method) && isPlanRoute(r.url));
    expect(routes.length).toBeGreaterThan(15);
    const before = await snapshot(f);
    const checked: string[] = [];
    for (const r of routes) {
      const key = `${r.method} ${r.url}`;
      if (OPEN_ON_PURPOSE[key]) continue;
      expect(BODIES, `no body for ${key}: add one here (and refuse it on closed plans)`).toHaveProperty([key]);
      const caller = r.url.startsWith('/api/v1/shared/') ? f.guest : f.client;
      const headers: Record<string, string> = r.method === 'PATCH' && r.url === '/api/v1/plans/:id' ? { 'if-match': `"${f.plan.version}"` } : {};
      const res = await caller.request(r.method as 'POST', urlFor(r.url, f), BODIES[key], headers);
      expect(res.statusCode, `${key} on a ${status} plan`).toBe(409);
      expect(res.data.error.code, key).toBe('plan_closed');
      expect(res.data.error.message, key).toContain(`This plan is ${status}`);
      checked.push(key);
    }
    expect(checked.filter((k) => k.includes('/shared/'))).toHaveLength(6);
    expect(await snapshot(f)).toEqual(before);
    // The customer's page says so: the plan's status, and nothing to tick or answer.
    expect(before.shared.status).toBe(status);
    expect(before.shared.commitments.every((c: { canTick: boolean }) => !c.canTick)).toBe(true);
    expect(before.plan.permissions).toEqual({ canEdit: false, canReopen: true });
    expect(before.plan.commitments.every((c: { permissions: { canEdit: boolean } }) => !c.permissions.canEdit)).toBe(true);
  });

  it('reopens only as an explicit, versioned, audited act by someone who may change the plan', async () => {
    const f = await closedPlan('abandoned');
    const rep = await addMember(app, f.client, { role: 'rep', timeZone: TZ });
    const url = `/api/v1/plans/${f.plan.id}/reopen`;
    expect((await rep.client.post(url, { version: f.plan.version })).statusCode).toBe(403);
    const noVersion = await f.client.post(url, {});
    expect(noVersion.statusCode).toBe(400);
    expect(noVersion.data.error.details[0].path).toBe('version');
    const stale = await f.client.post(url, { version: f.plan.version - 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.data.error).toMatchObject({ code: 'version_conflict', current: { status: 'abandoned' } });

    const reopened = await f.client.post(url, {}, { 'if-match': `"${f.plan.version}"` });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.data).toMatchObject({ status: 'active', version: f.plan.version + 1, permissions: { canEdit: true, canReopen: false } });
    const history = (await f.client.get(`/api/v1/plans/${f.plan.id}/history`)).data.data;
    expect(history[0]).toMatchObject({ entityType: 'plan', action: 'update', actor: { name: 'Ada Admin' }, changes: { status: { before: 'abandoned', after: 'active' } } });

    const again = await f.client.post(url, { version: reopened.data.version });
    expect(again.statusCode).toBe(422);
    // A second tab that still shows it abandoned: a conflict with the plan as it is, not a rule it broke.
    const secondTab = await f.client.post(url, { version: f.plan.version });
    expect(secondTab.statusCode).toBe(409);
    expect(secondTab.data.error.current).toMatchObject({ status: 'active', version: reopened.data.version });
    // Open again: the customer can tick their commitment.
    const tick = await f.guest.post(`${f.api}/commitments/${f.theirs.id}/state`, { done: true });
    expect(tick.statusCode).toBe(200);
  });
});
