import { describe, expect, it } from 'vitest';
import { testApp } from './test/harness.js';
import { buildWorld, clientOf, SESSION_ONLY, walkPeople, walkTokens, WRITE_CASES } from './test/walk.js';

/**
 * Every route, inside one workspace (the rep who owns nothing is walked in authz-rep.test.ts): every
 * write route has a positive control — its rightful
 * caller (the owner, an admin, the guest, anyone for sign-up) gets 2xx — so a route that refuses
 * everyone fails as surely as one that lets everyone in. The expectations below are written out
 * here, not read from the routes' declarations.
 *
 * API tokens are walked like sessions: the same rightful callers succeed with their read-write
 * tokens, their read tokens are refused every write (403) and change nothing, and the rep who owns
 * nothing gets with either token exactly what their session gets — but on account security
 * (SESSION_ONLY), which refuses every token.
 */
const { app } = await testApp();

const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
// Each walk builds a fresh set of records for every write route (~50 × 20 requests): slow on a busy machine or on PostgreSQL.
// The rep's walks are in authz-rep.test.ts, so a second worker runs them at the same time.
const WALK_TIMEOUT = 600_000; // a guard against a hang, not a speed test
const isWrite = (method: string) => method !== 'GET';

describe('authorization inside a workspace, on every route', () => {
  it('has a positive control for every write route: its rightful caller gets 2xx', async () => {
    const people = await walkPeople(app);
    const writes = app.routeList.filter((r) => r.url.startsWith('/api/v1/') && isWrite(r.method));
    expect(writes.length).toBeGreaterThan(40);
    let walked = 0;
    for (const r of writes) {
      const build = WRITE_CASES[key(r)];
      expect(build, `no positive control for ${key(r)}: add one to test/walk.ts`).toBeDefined();
      const w = await buildWorld(app, people);
      const call = await build(w, app);
      const res = await clientOf(w, app, call).request(r.method as 'POST', call.url, call.body, call.headers);
      expect(res.statusCode, `${key(r)} as ${call.as}: ${res.body}`).toBeGreaterThanOrEqual(200);
      expect(res.statusCode, `${key(r)} as ${call.as}: ${res.body}`).toBeLessThan(300);
      walked++;
    }
    expect(walked).toBe(writes.length);
  }, WALK_TIMEOUT);

  it('has the same positive controls with API tokens: the rightful caller’s read-write token gets 2xx, their read token 403 and no change', async () => {
    const people = await walkPeople(app);
    const tokens = await walkTokens(people);
    const writes = app.routeList.filter((r) => r.url.startsWith('/api/v1/') && isWrite(r.method));
    let walked = 0;
    for (const r of writes) {
      // Sign-up, share links and their own session clients (the demo's visitor) take no personal token.
      if (r.permission === 'public' || r.permission === 'guest') continue;
      const w = await buildWorld(app, people);
      const call = await WRITE_CASES[key(r)](w, app);
      if (call.as === 'anonymous' || call.as === 'guest' || call.client) continue;
      const mine = tokens[call.as];
      const planBefore = (await people.owner.client.get(`/api/v1/plans/${w.ids.plan}`)).data;
      const objectiveBefore = (await people.owner.client.get(`/api/v1/objectives/${w.ids.objective}`)).data;
      const refused = await mine.read.request(r.method as 'POST', call.url, call.body, call.headers);
      expect(refused.statusCode, `${key(r)} with ${call.as}'s read token: ${refused.body}`).toBe(403);
      expect(refused.data.error.code).toBe('forbidden');
      expect((await people.owner.client.get(`/api/v1/plans/${w.ids.plan}`)).data, `${key(r)} refused a read token yet changed the plan`).toEqual(planBefore);
      expect((await people.owner.client.get(`/api/v1/objectives/${w.ids.objective}`)).data, `${key(r)} refused a read token yet changed the objective`).toEqual(objectiveBefore);
      const res = await mine.readWrite.request(r.method as 'POST', call.url, call.body, call.headers);
      if (SESSION_ONLY.has(key(r))) {
        expect(res.statusCode, `${key(r)} is account security: ${res.body}`).toBe(403);
        // …and the session still may.
        const bySession = await clientOf(w, app, call).request(r.method as 'POST', call.url, call.body, call.headers);
        expect(bySession.statusCode, `${key(r)} with ${call.as}'s session: ${bySession.body}`).toBeLessThan(300);
      } else {
        expect(res.statusCode, `${key(r)} with ${call.as}'s read-write token: ${res.body}`).toBeGreaterThanOrEqual(200);
        expect(res.statusCode, `${key(r)} with ${call.as}'s read-write token: ${res.body}`).toBeLessThan(300);
      }
      walked++;
    }
    expect(walked).toBeGreaterThan(60);
    console.info(`walked ${walked} writes with their rightful callers' API tokens`);
  }, WALK_TIMEOUT);

});
