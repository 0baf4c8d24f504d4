import { describe, expect, it } from 'vitest';
import { sql, testApp } from '../../test/harness.js';
import { Client, signUpWorkspace } from '../../test/factories.js';
import { createPlan } from '../plans/fixtures.js';
import { DEMO_PASSWORD, demoEmail } from './catalogue.js';
import { demoVisitor } from './service.js';
import { WORKSPACE_TABLES } from './wipe.js';

// One database of its own: the demo workspace is one per database.
const { app, db } = await testApp();
const DAY = 86_400_000;
// The demo's active on-track plans (Blanc Cosmétiques' plan is a draft: not judged, so no health).
const ON_TRACK = ['Lumen Telecom', 'Hoffmann Medizintechnik', 'Wexford Insurance'];

type Summary = { opportunity: { account: { name: string } }; health: { status: string } | null };
const healthOf = async (client: Client) => {
  const plans: Summary[] = (await client.get('/api/v1/plans?view=everyone&limit=100')).data.data;
  return Object.fromEntries(plans.map((p) => [p.opportunity.account.name, p.health?.status ?? null]));
};
const workspaceOf = async (client: Client) => (await client.get('/api/v1/session')).data.workspace.id as string;

describe('the demo stays true', () => {
  it('writes the demo again when it is opened over a day after its story, keeping on-track plans on track and other workspaces untouched', async () => {
    const other = await signUpWorkspace(app);
    const otherPlan = await createPlan(other.client);
    const countOther = async () => Promise.all(WORKSPACE_TABLES.map(async (t) => Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(t)} where workspace_id = ${other.me.workspace.id}`.execute(db)).rows[0].n)));
    const before = await countOther();

    // A demo written ten days ago, as on a server that has been running for a while.
    const stale = await demoVisitor(db, new Date(Date.now() - 10 * DAY));
    const oldHand = new Client(app);
    expect((await oldHand.post('/api/v1/session', { email: demoEmail('rep3'), password: DEMO_PASSWORD })).statusCode).toBe(201);
    const drifted = await healthOf(oldHand);
    expect(ON_TRACK.every((name) => drifted[name] === 'on_track')).toBe(false);

    // Opening the demo now writes today's story in place of the stale one.
    const visitor = new Client(app);
    expect((await visitor.post('/api/v1/demo/session')).statusCode).toBe(201);
    const fresh = await workspaceOf(visitor);
    expect(fresh).not.toBe(stale.workspace_id);
    const health = await healthOf(visitor);
    for (const name of ON_TRACK) expect(health[name], name).toBe('on_track');
    expect(health['Blanc Cosmétiques']).toBeNull();
    expect((await db.selectFrom('workspaces').select('id').where('id', '=', stale.workspace_id).executeTakeFirst())).toBeUndefined();
    expect((await oldHand.get('/api/v1/session')).statusCode).toBe(401);

    // The same day, the next visitor joins the same demo; nothing else changed anywhere.
    const again = new Client(app);
    await again.post('/api/v1/demo/session');
    expect(await workspaceOf(again)).toBe(fresh);
    expect(await countOther()).toEqual(before);
    expect((await other.client.get(`/api/v1/plans/${otherPlan.id}`)).data).toMatchObject({ id: otherPlan.id, title: otherPlan.title, version: otherPlan.version });
  });

  it('offers "reset demo" in the demo workspace only, and records who reset it', async () => {
    const visitor = new Client(app);
    await visitor.post('/api/v1/demo/session');
    const before = await workspaceOf(visitor);
    // Someone changes the story...
    const plans: { id: string; version: number; status: string }[] = (await visitor.get('/api/v1/plans?view=everyone&status=active')).data.data;
    expect((await visitor.patch(`/api/v1/plans/${plans[0].id}`, { status: 'abandoned', version: plans[0].version })).statusCode).toBe(200);

    const reset = await visitor.post('/api/v1/demo/reset');
    expect(reset.statusCode).toBe(201);
    expect(reset.data.workspace).toMatchObject({ isDemo: true });
    const after = await workspaceOf(visitor);
    expect(after).not.toBe(before);
    expect((await visitor.get('/api/v1/plans?view=everyone&status=abandoned&limit=100')).data.data).toHaveLength(1);
    const events = await db.selectFrom('audit_events').select(['action', 'actor_name', 'entity_type']).where('workspace_id', '=', after).where('action', '=', 'reset').execute();
    expect(events).toEqual([{ action: 'reset', actor_name: 'Daniel Okafor', entity_type: 'workspace' }]);

    // Anywhere else it is refused, and nothing changes.
    const stranger = await signUpWorkspace(app);
    const refused = await stranger.client.post('/api/v1/demo/reset');
    expect(refused.statusCode).toBe(403);
    expect(refused.data.error.code).toBe('forbidden');
    expect((await stranger.client.get('/api/v1/session')).statusCode).toBe(200);
    expect(await workspaceOf(visitor)).toBe(after);
    expect((await new Client(app).post('/api/v1/demo/reset')).statusCode).toBe(401);
  });
});
