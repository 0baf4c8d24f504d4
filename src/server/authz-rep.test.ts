import { describe, expect, it } from 'vitest';
import { testApp } from './test/harness.js';
import type { Client } from './test/factories.js';
import { buildWorld, SESSION_ONLY, walkPeople, walkTokens, WRITE_CASES, type World } from './test/walk.js';

/**
 * Every route, inside one workspace, as a rep who owns nothing — with their session, their
 * read-write token and their read token: they read what everyone reads and are refused every write
 * on someone else's records, and nothing changes. (The positive controls, which prove each write
 * route lets its rightful caller in, are in authz-roles.test.ts.) The expectations below are written
 * out here, not read from the routes' declarations.
 */
const { app } = await testApp();

// Writes anyone in the workspace may make: creating one's own records, joining the plan's conversation.
const SELF_SERVICE = new Set([
  'POST /api/v1/accounts',
  'POST /api/v1/opportunities',
  // Planning one's own interaction.
  'POST /api/v1/interactions',
  'POST /api/v1/plan-templates',
  'POST /api/v1/plans/:id/template',
  'POST /api/v1/plans/:id/comments',
  // Marks only the caller's own notifications read.
  'POST /api/v1/notifications/read-all',
  // One's own why ladder and goals.
  'POST /api/v1/why-ladders',
  'POST /api/v1/goals',
  // Your own mail preferences.
  'PATCH /api/v1/mail-preferences',
  // Your own calendar feed URL (make or replace it, revoke it).
  'POST /api/v1/calendar-feed',
  'DELETE /api/v1/calendar-feed',
  'DELETE /api/v1/session',
  // One's own password, one's own other sessions.
  'POST /api/v1/session/password',
  'DELETE /api/v1/session/others',
  // One's own API tokens.
  'POST /api/v1/api-tokens',
]);
// Reads only an admin makes.
const ADMIN_READS = new Set([
  'GET /api/v1/invites',
  'GET /api/v1/workspace/fiscal-year',
  'GET /api/v1/mails',
  'GET /api/v1/mails/:id',
  'GET /api/v1/webhook-endpoints',
  'GET /api/v1/webhook-endpoints/:id',
  'GET /api/v1/webhook-endpoints/:id/deliveries',
  'GET /api/v1/webhook-deliveries/:id',
  'GET /api/v1/imports',
  'GET /api/v1/imports/:id',
  'GET /api/v1/imports/:id/results',
]);
// Reads only a team's manager or an admin makes (the rep who owns nothing leads no team).
const MANAGER_READS = new Set(['GET /api/v1/teams/:id/account-planning', 'GET /api/v1/teams/:id/coaching', 'GET /api/v1/teams/:id/retrospectives']);
// Reads only the person themselves, their manager or an admin makes (figures that judge people).
const OWN_READS = new Set(['GET /api/v1/users/:id/coaching', 'GET /api/v1/opportunities/:id/retrospective']);
// Reads of another person's why ladder or goal: for a rep who is not its owner it does not exist (404);
// likewise a check-in between two other people.
const PRIVATE_READS = new Set([
  'GET /api/v1/why-ladders/:id',
  'GET /api/v1/why-ladders/:id/history',
  'GET /api/v1/goals/:id',
  'GET /api/v1/goals/:id/history',
  'GET /api/v1/check-in-series/:id',
  'GET /api/v1/check-ins/:id',
]);

const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
const WALK_TIMEOUT = 600_000; // a guard against a hang, not a speed test
const isWrite = (method: string) => method !== 'GET';

/** The URL of a read route, filled with the world's records. */
function readUrl(w: World, url: string, fallbackId = ''): string {
  const kind = url.split('/')[3];
  const byKind: Record<string, string> = {
    accounts: w.ids.account,
    contacts: w.ids.contact,
    opportunities: w.ids.opportunity,
    plans: w.ids.plan,
    milestones: w.ids.milestone,
    commitments: w.ids.seller,
    users: w.owner.me.user.id,
    'plan-templates': w.ids.template,
    objectives: w.ids.objective,
    interactions: w.ids.interaction,
    teams: w.ids.team,
    stages: w.ids.stage,
    'why-ladders': w.ids.ladder,
    goals: w.ids.goal,
    'check-in-series': w.ids.checkInSeries,
    'check-ins': w.ids.checkIn,
    shared: w.token,
    mails: w.ids.mail,
    imports: w.ids.import,
    'webhook-endpoints': w.ids.webhookEndpoint,
    'webhook-deliveries': w.ids.webhookDelivery,
  };
  const path = url.replace(':id', byKind[kind] ?? fallbackId).replace(':token', w.token);
  // Reads whose query has a required parameter.
  const query: Record<string, string> = { '/api/v1/search': 'q=acme' };
  return query[url] ? `${path}?${query[url]}` : path;
}

describe('authorization inside a workspace, on every route, as a rep who owns nothing', () => {
  it.each(['session', 'read-write token', 'read token'] as const)('lets a rep who owns nothing read as everyone reads, and refuses their every write on others’ records (with their %s)', async (credential) => {
    const people = await walkPeople(app);
    const w = await buildWorld(app, people);
    const tokens = credential === 'session' ? null : (await walkTokens(people)).stranger;
    const rep: Client = tokens === null ? people.stranger.client : credential === 'read token' ? tokens.read : tokens.readWrite;
    const routes = app.routeList
      .filter((r) => r.url.startsWith('/api/v1/') && r.permission !== 'public' && r.permission !== 'guest')
      // Reads first (the read token's writes share their world); signing out last: it ends the session the rest of the walk uses.
      .sort((a, b) => Number(key(a) === 'DELETE /api/v1/session') - Number(key(b) === 'DELETE /api/v1/session') || Number(isWrite(a.method)) - Number(isWrite(b.method)));
    let reads = 0;
    let writes = 0;
    for (const r of routes) {
      if (!isWrite(r.method)) {
        const res = await rep.get(readUrl(w, r.url));
        const expected =
          tokens && SESSION_ONLY.has(key(r)) ? 403 : PRIVATE_READS.has(key(r)) ? 404 : ADMIN_READS.has(key(r)) || MANAGER_READS.has(key(r)) || OWN_READS.has(key(r)) ? 403 : 200;
        expect(res.statusCode, `${key(r)} as a rep who owns nothing: ${res.body}`).toBe(expected);
        reads++;
        continue;
      }
      // A fresh world per write: some requests are built by first changing the record (archive before restore).
      // A read token is refused every write before anything is looked at (the rightful callers' read
      // tokens are refused their valid requests above): the one world's records and an empty body will do.
      const fresh = credential === 'read token' ? w : await buildWorld(app, people);
      const call =
        credential === 'read token'
          ? { url: readUrl(w, r.url, '01a00000-0000-7000-8000-000000000000').replace(/:\w+/g, w.owner.me.user.id), body: r.method === 'DELETE' ? undefined : {} }
          : await WRITE_CASES[key(r)](fresh, app);
      const planBefore = (await people.owner.client.get(`/api/v1/plans/${fresh.ids.plan}`)).data;
      const objectiveBefore = (await people.owner.client.get(`/api/v1/objectives/${fresh.ids.objective}`)).data;
      const res = await rep.request(r.method as 'POST', call.url, call.body, 'headers' in call ? call.headers : undefined);
      // A token is refused account security, and a read token every write, before any record is looked at.
      const tokenRefused = tokens !== null && (SESSION_ONLY.has(key(r)) || credential === 'read token');
      if (tokenRefused) expect(res.statusCode, `${key(r)} with a ${credential}: ${res.body}`).toBe(403);
      if (SELF_SERVICE.has(key(r)) && !tokenRefused) {
        expect(res.statusCode, `${key(r)} is open to everyone in the workspace: ${res.body}`).toBeLessThan(300);
      } else {
        // 403 where the record is visible to them; 404 where it is not theirs to see (someone else's notification).
        expect([403, 404], `${key(r)} as a rep who owns nothing: ${res.statusCode} ${res.body}`).toContain(res.statusCode);
        expect(res.data.error.code).toMatch(/^(forbidden|not_found)$/);
        const planAfter = (await people.owner.client.get(`/api/v1/plans/${fresh.ids.plan}`)).data;
        expect(planAfter, `${key(r)} refused yet changed the plan`).toEqual(planBefore);
        const objectiveAfter = (await people.owner.client.get(`/api/v1/objectives/${fresh.ids.objective}`)).data;
        expect(objectiveAfter, `${key(r)} refused yet changed the objective`).toEqual(objectiveBefore);
      }
      writes++;
    }
    expect(reads).toBeGreaterThan(25);
    expect(writes).toBeGreaterThan(35);
    console.info(`walked ${reads} reads and ${writes} writes as a same-workspace rep who owns nothing`);
  }, WALK_TIMEOUT);
});
