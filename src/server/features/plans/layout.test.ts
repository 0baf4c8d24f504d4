import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/harness.js';
import { addMember, signUpWorkspace } from '../../test/factories.js';
import { addCommitment, addMilestone, createPlan, readLayout } from './fixtures.js';

const { app } = await testApp();

type Item = { id: string; milestoneId: string | null };
const order = (plan: { commitments: Item[] }) => plan.commitments.map((c) => [c.id, c.milestoneId]);

async function planWithItems(client: Parameters<typeof createPlan>[0]) {
  const plan = await createPlan(client);
  const m1 = await addMilestone(client, plan.id, 'Evaluate');
  const m2 = await addMilestone(client, plan.id, 'Decide');
  const a = await addCommitment(client, plan.id, { title: 'A', milestoneId: m1.id });
  const b = await addCommitment(client, plan.id, { title: 'B', milestoneId: m1.id });
  const c = await addCommitment(client, plan.id, { title: 'C' });
  return { plan, m1, m2, a, b, c };
}

describe('plan layout', () => {
  it('reorders milestones and commitments and moves commitments between milestones in one call', async () => {
    const { client } = await signUpWorkspace(app);
    const { plan, m1, m2, a, b, c } = await planWithItems(client);
    const basis = await readLayout(client, plan.id);
    expect(basis).toEqual([
      { id: m1.id, commitmentIds: [a.id, b.id] },
      { id: m2.id, commitmentIds: [] },
      { id: null, commitmentIds: [c.id] },
    ]);
    const res = await client.post(`/api/v1/plans/${plan.id}/layout`, {
      milestones: [
        { id: m2.id, commitmentIds: [c.id, a.id] },
        { id: null, commitmentIds: [] },
        { id: m1.id, commitmentIds: [b.id] },
      ],
      basis,
    });
    expect(res.statusCode).toBe(200);
    expect(res.data.milestones.map((m: { id: string }) => m.id)).toEqual([m2.id, m1.id]);
    expect(order(res.data)).toEqual([
      [c.id, m2.id],
      [a.id, m2.id],
      [b.id, m1.id],
    ]);
    expect(order((await client.get(`/api/v1/plans/${plan.id}`)).data)).toEqual(order(res.data));

    const history = (await client.get(`/api/v1/plans/${plan.id}/history`)).data.data;
    const moveOfC = history.find((e: { entityId: string; action: string }) => e.entityId === c.id && e.action === 'update');
    expect(moveOfC.changes.milestoneId).toEqual({ before: null, after: m2.id });
  });

  it('refuses a layout that misses, repeats or borrows anything, and changes nothing', async () => {
    const { client } = await signUpWorkspace(app);
    const { plan, m1, m2, a, b, c } = await planWithItems(client);
    const other = await planWithItems(client);
    const before = order((await client.get(`/api/v1/plans/${plan.id}`)).data);
    const basis = await readLayout(client, plan.id);
    const bad = [
      [{ id: m1.id, commitmentIds: [a.id, b.id] }, { id: m2.id, commitmentIds: [] }],
      [{ id: m1.id, commitmentIds: [a.id, b.id, c.id, a.id] }, { id: m2.id, commitmentIds: [] }],
      [{ id: m1.id, commitmentIds: [a.id, b.id, c.id, other.a.id] }, { id: m2.id, commitmentIds: [] }],
      [{ id: m1.id, commitmentIds: [a.id, b.id, c.id] }],
      [{ id: m1.id, commitmentIds: [a.id, b.id, c.id] }, { id: m2.id, commitmentIds: [] }, { id: other.m1.id, commitmentIds: [] }],
      [{ id: m1.id, commitmentIds: [a.id, b.id] }, { id: m1.id, commitmentIds: [c.id] }, { id: m2.id, commitmentIds: [] }],
    ];
    for (const milestones of bad) {
      const res = await client.post(`/api/v1/plans/${plan.id}/layout`, { milestones, basis });
      expect(res.statusCode, JSON.stringify(milestones)).toBe(400);
      expect(res.data.error.details.length).toBeGreaterThan(0);
    }
    expect(order((await client.get(`/api/v1/plans/${plan.id}`)).data)).toEqual(before);
  });

  it('is refused to people who may not edit the plan', async () => {
    const admin = await signUpWorkspace(app);
    const rep = await addMember(app, admin.client, { role: 'rep' });
    const { plan, m1, m2, a, b, c } = await planWithItems(admin.client);
    const res = await rep.client.post(`/api/v1/plans/${plan.id}/layout`, {
      milestones: [
        { id: m1.id, commitmentIds: [c.id, b.id, a.id] },
        { id: m2.id, commitmentIds: [] },
      ],
      basis: await readLayout(admin.client, plan.id),
    });
    expect(res.statusCode).toBe(403);
  });

  it('moves nothing when the plan is no longer in the order its author read: 409 with the plan as it is', async () => {
    const { client } = await signUpWorkspace(app);
    const { plan, m1, m2, a, b, c } = await planWithItems(client);
    const basis = await readLayout(client, plan.id);
    // Someone else swaps A and B meanwhile.
    const theirs = await client.post(`/api/v1/plans/${plan.id}/layout`, { milestones: [{ id: m1.id, commitmentIds: [b.id, a.id] }, { id: m2.id, commitmentIds: [] }, { id: null, commitmentIds: [c.id] }], basis });
    expect(theirs.statusCode).toBe(200);
    // Our move of C under Decide, from the order before theirs, would put A back first: refused.
    const mine = await client.post(`/api/v1/plans/${plan.id}/layout`, { milestones: [{ id: m1.id, commitmentIds: [a.id, b.id] }, { id: m2.id, commitmentIds: [c.id] }, { id: null, commitmentIds: [] }], basis });
    expect(mine.statusCode).toBe(409);
    expect(mine.data.error.code).toBe('version_conflict');
    expect(order(mine.data.error.current)).toEqual([[b.id, m1.id], [a.id, m1.id], [c.id, null]]);
    expect(order((await client.get(`/api/v1/plans/${plan.id}`)).data)).toEqual([[b.id, m1.id], [a.id, m1.id], [c.id, null]]);
    // A commitment added meanwhile: the old order misses it, and that is a conflict too, not a field error.
    const d = await addCommitment(client, plan.id, { title: 'D' });
    const stale = await readLayout(client, plan.id);
    stale.find((g) => g.id === null)!.commitmentIds = [c.id];
    const missing = await client.post(`/api/v1/plans/${plan.id}/layout`, { milestones: stale, basis: stale });
    expect(missing.statusCode).toBe(409);
    expect(missing.data.error.current.commitments.map((x: Item) => x.id)).toContain(d.id);
    // Without the order read: 400 naming basis.
    const blind = await client.post(`/api/v1/plans/${plan.id}/layout`, { milestones: stale });
    expect(blind.statusCode).toBe(400);
    expect(blind.data.error.details.map((x: { path: string }) => x.path)).toEqual(['basis']);
  });
});

describe('milestones', () => {
  it('edits with a version; archiving keeps its commitments on the plan, restoring puts it last', async () => {
    const { client } = await signUpWorkspace(app);
    const { plan, m1, m2, a } = await planWithItems(client);
    const renamed = await client.patch(`/api/v1/milestones/${m1.id}`, { title: 'Evaluate together', dueDate: '2030-02-01', version: 1 });
    expect(renamed.data).toMatchObject({ title: 'Evaluate together', dueDate: '2030-02-01', version: 2 });
    expect((await client.patch(`/api/v1/milestones/${m1.id}`, { title: 'Stale', version: 1 })).statusCode).toBe(409);

    const archived = await client.post(`/api/v1/milestones/${m1.id}/archive`, { version: renamed.data.version });
    expect(archived.data.archivedAt).not.toBeNull();
    const after = (await client.get(`/api/v1/plans/${plan.id}`)).data;
    expect(after.milestones.map((m: { id: string }) => m.id)).toEqual([m2.id]);
    expect(after.commitments.find((c: Item) => c.id === a.id).milestoneId).toBeNull();
    expect(after.commitments).toHaveLength(3);
    // Archived again from the version read before the archive: 409, not a quiet 200.
    const again = await client.post(`/api/v1/milestones/${m1.id}/archive`, { version: renamed.data.version });
    expect(again.statusCode).toBe(409);
    expect(again.data.error.current).toMatchObject({ version: archived.data.version, archivedAt: archived.data.archivedAt });

    await client.post(`/api/v1/milestones/${m1.id}/restore`, { version: archived.data.version });
    const restored = (await client.get(`/api/v1/plans/${plan.id}`)).data;
    expect(restored.milestones.map((m: { id: string }) => m.id)).toEqual([m2.id, m1.id]);
    const actions = (await client.get(`/api/v1/plans/${plan.id}/history`)).data.data
      .filter((e: { entityId: string }) => e.entityId === m1.id)
      .map((e: { action: string }) => e.action);
    expect(actions).toEqual(['restore', 'archive', 'update', 'create']);
  });
});
