import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { addMember, Client, createAccount, ORIGIN, PASSWORD, signUpWorkspace } from './test/factories.js';
import { routeCases, type FuzzPool } from './test/fuzz.js';
import { testApp } from './test/harness.js';
import { addCommitment, addMilestone, createContact, createDeal, createPlan, shareLink } from './features/plans/fixtures.js';

/**
 * No input earns a 500: every registered route gets FUZZ_RUNS requests (200 by default; `npm run
 * test:fuzz` runs more) generated from its zod contracts, as a signed-in admin whose workspace holds
 * one record of each kind — so many requests name real records and reach the database — mixed with
 * hostile values. The seed is fixed (FUZZ_SEED to change it), so a failure replays.
 */
const { app } = await testApp();
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED = Number(process.env.FUZZ_SEED ?? 20261126);
// Fuzzed requests come from their own address: their failed sign-ins must not lock out the set-up.
const FUZZ_IP = '127.0.0.9';

const admin = await signUpWorkspace(app);
const account = await createAccount(admin.client);
const deal = await createDeal(admin.client, { accountId: account.id });
const contact = await createContact(admin.client, account.id);
const plan = await createPlan(admin.client, deal.id);
const milestone = await addMilestone(admin.client, plan.id);
const sellerSide = await addCommitment(admin.client, plan.id, { milestoneId: milestone.id });
const customerSide = await addCommitment(admin.client, plan.id, { side: 'customer', ownerContactId: contact.id });
const link = await shareLink(admin.client, plan.id);
const guest = new Client(app);
const proposed = (await guest.post(`${link.api}/commitments/${customerSide.id}/renegotiations`, { newDate: '2030-02-01', reason: 'Legal' })).data;
await guest.post(`${link.api}/comments`, { body: 'Hello' });
const team = (await admin.client.post('/api/v1/teams', { name: 'Team' })).data;
const invite = (await admin.client.post('/api/v1/invites', { email: 'new-person@example.com', role: 'rep' })).data;
const templates = (await admin.client.get('/api/v1/plan-templates')).data.data as { id: string }[];
const notifications = (await admin.client.get('/api/v1/notifications')).data.data as { id: string }[];
const stages = (await admin.client.get('/api/v1/stages')).data.data as { id: string }[];
const interaction = (
  await admin.client.post('/api/v1/interactions', {
    kind: 'call',
    accountId: account.id,
    opportunityId: deal.id,
    startsAt: new Date(Date.now() - 3_600_000).toISOString(),
    timeZone: 'Europe/Paris',
    alreadyHappened: true,
    outcomeKind: 'trial',
    outcomeStatement: 'They agree to a pilot',
  })
).data;
const criterion = (await admin.client.post('/api/v1/sweet-spot-criteria', { label: 'Has a budget' })).data as { id: string };
const ladder = (await admin.client.post('/api/v1/why-ladders', { start: 'Hit my quota' })).data as { id: string };
const goal = (await admin.client.post('/api/v1/goals', { kind: 'learning', title: 'Listen', periodStart: '2026-01-01', periodEnd: '2028-12-31', firstStep: 'Ask one question' })).data as { id: string };
const checkInRep = await addMember(app, admin.client, { role: 'rep' });
const checkInSeries = (await admin.client.post('/api/v1/check-in-series', { repId: checkInRep.me.user.id, cadence: 'weekly', weekday: 2, time: '09:00' })).data;
const checkIn = (await admin.client.post(`/api/v1/check-in-series/${checkInSeries.id}/check-ins`, { scheduledAt: checkInSeries.next.scheduledAt })).data;
const checkInNote = (await admin.client.post(`/api/v1/check-ins/${checkIn.id}/notes`, { body: 'Note' })).data;

const pool: FuzzPool = {
  ids: [
    admin.me.user.id,
    account.id,
    deal.id,
    contact.id,
    plan.id,
    milestone.id,
    sellerSide.id,
    customerSide.id,
    link.link.id,
    proposed.renegotiations[0].id,
    team.id,
    invite.invite.id,
    interaction.id,
    ladder.id,
    goal.id,
    ...templates.map((t) => t.id),
    ...notifications.map((n) => n.id),
    ...stages.map((s) => s.id),
    criterion.id,
    checkInRep.me.user.id,
    checkInSeries.id,
    checkIn.id,
    checkInNote.id,
  ],
  tokens: [link.token, new URL(invite.url).pathname.split('/').pop() as string],
};
// A fixture the API refused (a rule tightened since) would put undefined in the pool: say which, at once.
const missing = pool.ids.findIndex((id) => typeof id !== 'string');
if (missing >= 0) throw new Error(`fuzz pool: fixture #${missing} was not created — check its request against the API's rules`);

/** A live session for each route: a route that signed out (or in as someone else) must not silence the next. */
let session = '';
async function signIn(): Promise<string> {
  if (session) {
    const me = await app.inject({ url: '/api/v1/session', headers: { cookie: session } });
    if (me.statusCode === 200 && me.json().user.id === admin.me.user.id) return session;
  }
  const c = new Client(app);
  const res = await c.post('/api/v1/session', { email: admin.email, password: PASSWORD });
  if (res.statusCode !== 201 && res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  session = c.cookie as string;
  return session;
}

const hash = (s: string) => [...s].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 0);
const routes = app.routeList.filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS');
const failures: string[] = [];
let cases = 0;

describe(`fuzzing every route (${RUNS} requests each)`, () => {
  it('walks every registered route', () => {
    expect(routes.length).toBeGreaterThan(60);
  });

  for (const route of routes) {
    it(`${route.method} ${route.url}`, { timeout: 300_000 }, async () => {
      const cookie = await signIn();
      const samples = fc.sample(routeCases(route, pool), { numRuns: RUNS, seed: SEED ^ hash(`${route.method} ${route.url}`) });
      const errors: string[] = [];
      // One at a time, so a failure replays exactly from the seed.
      for (const c of samples) {
        const res = await app.inject({
          method: route.method as 'GET',
          url: c.url,
          remoteAddress: FUZZ_IP,
          headers: { origin: ORIGIN, cookie, ...(c.payload !== undefined ? { 'content-type': 'application/json' } : {}) },
          ...(c.payload !== undefined ? { payload: c.payload } : {}),
        });
        cases += 1;
        if (res.statusCode >= 500) errors.push(`${res.statusCode} ${route.method} ${c.url.slice(0, 200)} ${(c.payload ?? '').slice(0, 200)} → ${res.body.slice(0, 200)}`);
      }
      failures.push(...errors);
      expect(errors).toEqual([]);
    });
  }

  afterAll(() => {
    console.info(`fuzz: ${cases} requests over ${routes.length} routes (seed ${SEED}), ${failures.length} answered ≥ 500`);
  });
});
