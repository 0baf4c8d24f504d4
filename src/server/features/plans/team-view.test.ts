import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/harness.js';
import { addMember, signUpWorkspace } from '../../test/factories.js';
import { addCommitment, createPlan, dayIn } from './fixtures.js';
import { useFixedClock } from '../../test/clock.js';

useFixedClock(); // dates are judged against today: no midnight inside the run
const { app } = await testApp();
const TZ = 'Europe/Paris';
const titles = (list: { title: string }[]) => list.map((p) => p.title).sort();

/** A manager leading two reps, a rep of another team, and a plan each. */
async function team() {
  const admin = await signUpWorkspace(app, { timeZone: TZ });
  const manager = await addMember(app, admin.client, { role: 'manager', name: 'Maya Manager' });
  const t = (await admin.client.post('/api/v1/teams', { name: 'Enterprise', managerId: manager.me.user.id })).data;
  const other = (await admin.client.post('/api/v1/teams', { name: 'Agency' })).data;
  const ann = await addMember(app, admin.client, { role: 'rep', teamId: t.id, name: 'Ann Rep' });
  const bob = await addMember(app, admin.client, { role: 'rep', teamId: t.id, name: 'Bob Rep' });
  const cid = await addMember(app, admin.client, { role: 'rep', teamId: other.id, name: 'Cid Outsider' });
  const plans = {
    ann: await createPlan(ann.client, undefined, { title: 'Ann plan' }),
    bob: await createPlan(bob.client, undefined, { title: 'Bob plan' }),
    cid: await createPlan(cid.client, undefined, { title: 'Cid plan' }),
    maya: await createPlan(manager.client, undefined, { title: 'Maya plan' }),
  };
  return { admin, manager, ann, bob, cid, plans };
}

describe('the manager’s view', () => {
  it('lists a manager’s team by default, a rep’s own, and switches to mine or everyone', async () => {
    const s = await team();
    expect(titles((await s.manager.client.get('/api/v1/plans')).data.data)).toEqual(['Ann plan', 'Bob plan', 'Maya plan']);
    expect(titles((await s.manager.client.get('/api/v1/plans?view=mine')).data.data)).toEqual(['Maya plan']);
    expect(titles((await s.manager.client.get('/api/v1/plans?view=everyone')).data.data)).toEqual(['Ann plan', 'Bob plan', 'Cid plan', 'Maya plan']);
    expect(titles((await s.ann.client.get('/api/v1/plans')).data.data)).toEqual(['Ann plan']);
    expect(titles((await s.ann.client.get('/api/v1/plans?view=team')).data.data)).toEqual(['Ann plan', 'Bob plan', 'Maya plan']);
    expect(titles((await s.admin.client.get('/api/v1/plans')).data.data)).toHaveLength(4);
    // An explicit owner wins over the view.
    expect(titles((await s.manager.client.get(`/api/v1/plans?ownerId=${s.cid.me.user.id}`)).data.data)).toEqual(['Cid plan']);
    const bad = await s.manager.client.get('/api/v1/plans?view=company');
    expect(bad.statusCode).toBe(400);
    expect(bad.data.error.details[0].path).toBe('view');

    // Keyset paging keeps the view.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { data: { data: { title: string }[]; nextCursor: string | null } } = await s.manager.client.get(`/api/v1/plans?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...res.data.data.map((p) => p.title));
      cursor = res.data.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(['Ann plan', 'Bob plan', 'Maya plan']);

    // Another workspace sees none of it, whatever the view.
    const stranger = await signUpWorkspace(app);
    for (const view of ['mine', 'team', 'everyone']) expect((await stranger.client.get(`/api/v1/plans?view=${view}`)).data.data).toEqual([]);
    expect((await stranger.client.get('/api/v1/plans/team-summary?view=everyone')).data.rows).toEqual([]);
  });

  it('sums each rep’s plans by health and both sides’ reliability, with n', async () => {
    const s = await team();
    await s.ann.client.patch(`/api/v1/plans/${s.plans.ann.id}`, { status: 'active', version: 1 });
    const kept = await addCommitment(s.ann.client, s.plans.ann.id, { title: 'Send proposal', dueDate: dayIn(TZ, 5) });
    await s.ann.client.patch(`/api/v1/commitments/${kept.id}`, { status: 'done', version: 1 });
    const theirs = await addCommitment(s.ann.client, s.plans.ann.id, { title: 'Legal review', side: 'customer', ownerName: 'Carla', dueDate: dayIn(TZ, 9) });
    await s.ann.client.patch(`/api/v1/commitments/${theirs.id}`, { status: 'done', version: 1 });

    const res = await s.manager.client.get('/api/v1/plans/team-summary');
    expect(res.statusCode).toBe(200);
    expect(res.data.view).toBe('team');
    expect(res.data.rows.map((r: { user: { name: string } }) => r.user.name)).toEqual(['Ann Rep', 'Bob Rep', 'Maya Manager']);
    const ann = res.data.rows[0];
    expect(ann.plans).toEqual({ draft: 0, onTrack: 1, atRisk: 0, stalled: 0, closed: 0 });
    expect(ann.seller).toMatchObject({ counted: 1, keptOnTime: 1, score: 1 });
    expect(ann.customer).toMatchObject({ counted: 1, keptOnTime: 1, score: 1 });
    expect(res.data.rows[1]).toMatchObject({ plans: { draft: 1, onTrack: 0 }, seller: { counted: 0, score: null } });
    // A rep's default is their own row.
    expect((await s.bob.client.get('/api/v1/plans/team-summary')).data.rows.map((r: { user: { name: string } }) => r.user.name)).toEqual(['Bob Rep']);
  });

  it('opens Today on a manager’s team, and on a rep’s own day', async () => {
    const s = await team();
    await addCommitment(s.ann.client, s.plans.ann.id, { title: 'Ann demo', dueDate: dayIn(TZ, 4) });
    await addCommitment(s.cid.client, s.plans.cid.id, { title: 'Cid demo', dueDate: dayIn(TZ, 4) });
    await addCommitment(s.manager.client, s.plans.maya.id, { title: 'Maya call', dueDate: dayIn(TZ, 5) });
    const next = (res: { data: { next7Days: { commitment: { title: string } }[] } }) => res.data.next7Days.map((i) => i.commitment.title);
    const teamDay = await s.manager.client.get('/api/v1/today');
    expect(teamDay.data.view).toBe('team');
    expect(next(teamDay)).toEqual(['Ann demo', 'Maya call']);
    expect(next(await s.manager.client.get('/api/v1/today?view=mine'))).toEqual(['Maya call']);
    expect(next(await s.manager.client.get('/api/v1/today?view=everyone'))).toEqual(['Ann demo', 'Cid demo', 'Maya call']);
    expect(next(await s.ann.client.get('/api/v1/today'))).toEqual(['Ann demo']);
  });
});
