import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/harness.js';
import { addMember, signUpWorkspace } from '../../test/factories.js';
import { createDeal, createPlan } from './fixtures.js';

const { app } = await testApp();

describe('mutual plans', () => {
  it('gives an opportunity one plan, readable through the deal and by id', async () => {
    const { client } = await signUpWorkspace(app, { timeZone: 'America/New_York' });
    const deal = await createDeal(client);
    const none = await client.get(`/api/v1/opportunities/${deal.id}/plan`);
    expect(none.statusCode).toBe(404);
    expect(none.data.error.message).toBe('Plan not found.');

    const plan = await createPlan(client, deal.id, { whyItMatters: 'Their churn costs them 2M a year', costOfInaction: 'Another lost quarter' });
    expect(plan).toMatchObject({
      opportunity: { id: deal.id, name: deal.name, account: { id: deal.account.id } },
      title: 'Evaluation plan',
      agreedOutcome: 'Go live with 200 users by March',
      whyItMatters: 'Their churn costs them 2M a year',
      status: 'draft',
      customerTimeZone: 'America/New_York',
      version: 1,
      milestones: [],
      commitments: [],
      permissions: { canEdit: true },
    });
    expect((await client.get(`/api/v1/opportunities/${deal.id}/plan`)).data.id).toBe(plan.id);
    expect((await client.get(`/api/v1/plans/${plan.id}`)).data.title).toBe('Evaluation plan');

    const again = await client.post(`/api/v1/opportunities/${deal.id}/plan`, { title: 'Second', targetDate: '2030-01-01' });
    expect(again.statusCode).toBe(409);
    expect(again.data.error.code).toBe('duplicate');
  });

  it('answers a double-clicked "create plan" with one plan and 409 duplicate for the rest, never a 500', async () => {
    const { client } = await signUpWorkspace(app);
    // On PostgreSQL the requests really run side by side; a few rounds make them meet past the check.
    for (let round = 0; round < 6; round++) {
      const deal = await createDeal(client);
      const answers = await Promise.all([1, 2, 3].map(() => client.post(`/api/v1/opportunities/${deal.id}/plan`, { title: 'Plan', targetDate: '2030-01-01' })));
      expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409]);
      for (const refused of answers.filter((a) => a.statusCode === 409)) {
        expect(refused.data.error).toMatchObject({ code: 'duplicate', details: [{ path: 'opportunityId' }] });
      }
      const created = answers.find((a) => a.statusCode === 201);
      expect((await client.get(`/api/v1/opportunities/${deal.id}/plan`)).data.id).toBe(created?.data.id);
    }
  });

  it('validates dates and time zones, and refuses planning an archived deal', async () => {
    const { client } = await signUpWorkspace(app);
    const deal = await createDeal(client);
    const bad = await client.post(`/api/v1/opportunities/${deal.id}/plan`, { title: 'P', targetDate: '2030-13-01', customerTimeZone: 'Mars/Base' });
    expect(bad.statusCode).toBe(400);
    expect(bad.data.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['customerTimeZone', 'targetDate']);
    const order = await client.post(`/api/v1/opportunities/${deal.id}/plan`, { title: 'P', startDate: '2030-05-01', targetDate: '2030-04-01' });
    expect(order.statusCode).toBe(400);
    expect(order.data.error.details[0].path).toBe('startDate');

    await client.post(`/api/v1/opportunities/${deal.id}/archive`, { version: deal.version });
    const archived = await client.post(`/api/v1/opportunities/${deal.id}/plan`, { title: 'P', targetDate: '2030-04-01' });
    expect(archived.statusCode).toBe(422);
  });

  it('edits with a version, answers a stale edit with 409 and the current plan, and keeps history', async () => {
    const { client } = await signUpWorkspace(app);
    const plan = await createPlan(client);
    const ok = await client.patch(`/api/v1/plans/${plan.id}`, { status: 'active', customerTimeZone: 'Asia/Tokyo', version: 1 });
    expect(ok.statusCode).toBe(200);
    expect(ok.data).toMatchObject({ status: 'active', customerTimeZone: 'Asia/Tokyo', version: 2 });
    expect(ok.data.lastActivityAt >= plan.lastActivityAt).toBe(true);

    const stale = await client.patch(`/api/v1/plans/${plan.id}`, { title: 'Other', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.data.error.current).toMatchObject({ status: 'active', version: 2 });
    expect((await client.patch(`/api/v1/plans/${plan.id}`, { title: 'No version' })).statusCode).toBe(400);

    const history = (await client.get(`/api/v1/plans/${plan.id}/history`)).data.data;
    expect(history.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(history[0].changes).toEqual({ status: { before: 'draft', after: 'active' }, customerTimeZone: { before: 'Europe/Paris', after: 'Asia/Tokyo' } });
  });

  it('lets everyone read, but only the deal owner, their manager or an admin change the plan', async () => {
    const admin = await signUpWorkspace(app);
    const manager = await addMember(app, admin.client, { role: 'manager' });
    const team = (await admin.client.post('/api/v1/teams', { name: 'Enterprise', managerId: manager.me.user.id })).data;
    const owner = await addMember(app, admin.client, { role: 'rep', teamId: team.id });
    const outsider = await addMember(app, admin.client, { role: 'rep' });
    const plan = await createPlan(owner.client);

    const read = await outsider.client.get(`/api/v1/plans/${plan.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.data.permissions.canEdit).toBe(false);
    const refused = await outsider.client.patch(`/api/v1/plans/${plan.id}`, { title: 'Mine now', version: 1 });
    expect(refused.statusCode).toBe(403);
    const otherDeal = await createDeal(owner.client);
    expect((await outsider.client.post(`/api/v1/opportunities/${otherDeal.id}/plan`, { title: 'x', targetDate: '2030-01-01' })).statusCode).toBe(403);
    expect((await outsider.client.get(`/api/v1/opportunities/${otherDeal.id}/plan`)).statusCode).toBe(404);

    expect((await manager.client.get(`/api/v1/plans/${plan.id}`)).data.permissions.canEdit).toBe(true);
    expect((await manager.client.patch(`/api/v1/plans/${plan.id}`, { title: 'Coached', version: 1 })).statusCode).toBe(200);
    expect((await admin.client.patch(`/api/v1/plans/${plan.id}`, { title: 'Admin edit', version: 2 })).statusCode).toBe(200);
    expect((await outsider.client.get(`/api/v1/plans/${plan.id}`)).data.title).toBe('Admin edit');
  });

  it('lists the workspace’s plans by owner and status, page by page', async () => {
    const admin = await signUpWorkspace(app);
    const rep = await addMember(app, admin.client, { role: 'rep' });
    const mine = [];
    for (let i = 0; i < 3; i++) mine.push(await createPlan(rep.client));
    const adminPlan = await createPlan(admin.client);
    await rep.client.patch(`/api/v1/plans/${mine[1].id}`, { status: 'active', version: 1 });

    const byOwner = (await admin.client.get(`/api/v1/plans?ownerId=${rep.me.user.id}`)).data.data;
    expect(byOwner.map((p: { id: string }) => p.id).sort()).toEqual(mine.map((p) => p.id).sort());
    expect(byOwner[0]).toMatchObject({ id: mine[1].id, counts: { open: 0, done: 0, missed: 0, dropped: 0 }, owner: { id: rep.me.user.id } });
    const active = (await admin.client.get('/api/v1/plans?status=active')).data.data;
    expect(active.map((p: { id: string }) => p.id)).toEqual([mine[1].id]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: any = await admin.client.get(`/api/v1/plans?limit=2&sort=targetDate${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...res.data.data.map((p: { id: string }) => p.id));
      cursor = res.data.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual([...mine.map((p) => p.id), adminPlan.id].sort());
  });
});

describe('finding an opportunity’s plan', () => {
  it('lists zero or one plan for an opportunity, without a 404', async () => {
    const { client } = await signUpWorkspace(app);
    const withPlan = await createDeal(client);
    const without = await createDeal(client);
    const plan = await createPlan(client, withPlan.id);
    expect((await client.get(`/api/v1/plans?opportunityId=${withPlan.id}`)).data.data.map((p: { id: string }) => p.id)).toEqual([plan.id]);
    const none = await client.get(`/api/v1/plans?opportunityId=${without.id}`);
    expect(none.statusCode).toBe(200);
    expect(none.data.data).toEqual([]);
  });
});
