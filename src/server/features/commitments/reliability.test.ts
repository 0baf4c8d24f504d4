import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/harness.js';
import { addMember, signUpWorkspace } from '../../test/factories.js';
import { addCommitment, createContact, createDeal, createPlan, customerProposes, dayIn } from '../plans/fixtures.js';
import { useFixedClock } from '../../test/clock.js';
import { checkInTeam, seriesWithCheckIn } from '../check-ins/fixtures.js';

useFixedClock(); // dates are judged against today: no midnight inside the run
const { app } = await testApp();
const TZ = 'Europe/Paris';

describe('reliability', () => {
  it('measures each side and person on a plan, must-do commitments weighing double', async () => {
    const { client, me } = await signUpWorkspace(app, { timeZone: TZ });
    const deal = await createDeal(client);
    const carla = await createContact(client, deal.account.id, 'Carla Champion');
    const plan = await createPlan(client, deal.id, { customerTimeZone: TZ });
    const late = await addCommitment(client, plan.id, { mustDo: true, dueDate: dayIn(TZ, -5) });
    const onTime = await addCommitment(client, plan.id, { dueDate: dayIn(TZ, 3) });
    await addCommitment(client, plan.id, { dueDate: dayIn(TZ, -2) });
    await client.post(`/api/v1/commitments/${onTime.id}/renegotiations`, { newDate: dayIn(TZ, 4), reason: 'Waiting for pricing approval' });
    await client.patch(`/api/v1/commitments/${late.id}`, { status: 'done', version: 1 });
    await client.patch(`/api/v1/commitments/${onTime.id}`, { status: 'done', version: 2 });
    const kept = await addCommitment(client, plan.id, { side: 'customer', ownerContactId: carla.id, dueDate: dayIn(TZ, 2) });
    await client.patch(`/api/v1/commitments/${kept.id}`, { status: 'done', version: 1 });
    await addCommitment(client, plan.id, { side: 'customer', ownerContactId: carla.id, dueDate: dayIn(TZ, 5) });

    const res = await client.get(`/api/v1/plans/${plan.id}/reliability`);
    expect(res.statusCode).toBe(200);
    expect(res.data.sides.seller).toMatchObject({
      total: 3,
      counted: 3,
      keptOnTime: 1,
      keptLate: 1,
      missed: 1,
      redatedInAdvance: 1,
      weighted: { counted: 4, keptOnTime: 1, keptLate: 2, missed: 1 },
      score: 0.25,
      smallSample: true,
    });
    expect(res.data.sides.customer).toMatchObject({ total: 2, counted: 1, keptOnTime: 1, open: 1, score: 1 });
    expect(res.data.people).toEqual([
      expect.objectContaining({ side: 'seller', owner: { kind: 'user', id: me.user.id, name: 'Ada Admin' }, reliability: expect.objectContaining({ score: 0.25 }) }),
      expect.objectContaining({ side: 'customer', owner: { kind: 'contact', id: carla.id, name: 'Carla Champion' }, reliability: expect.objectContaining({ score: 1 }) }),
    ]);
  });

  it('gives the customer side’s reliability per deal and across the customer company', async () => {
    const { client } = await signUpWorkspace(app, { timeZone: TZ });
    const first = await createDeal(client);
    const second = await createDeal(client, { accountId: first.account.id });
    const elsewhere = await createDeal(client);
    const carla = await createContact(client, first.account.id, 'Carla Champion');
    const p1 = await createPlan(client, first.id, { customerTimeZone: TZ });
    const p2 = await createPlan(client, second.id, { customerTimeZone: TZ });
    const p3 = await createPlan(client, elsewhere.id, { customerTimeZone: TZ });
    await addCommitment(client, p1.id, { side: 'customer', ownerContactId: carla.id, dueDate: dayIn(TZ, -3) });
    const slipping = await addCommitment(client, p2.id, { side: 'customer', ownerContactId: carla.id, dueDate: dayIn(TZ, -1) });
    await addCommitment(client, p2.id, { side: 'customer', ownerName: 'Ivan IT', dueDate: dayIn(TZ, 4) });
    await addCommitment(client, p2.id, { side: 'seller', dueDate: dayIn(TZ, -1) });
    await addCommitment(client, p3.id, { side: 'customer', ownerName: 'Someone else', dueDate: dayIn(TZ, -1) });
    // A new date asked for after the day had ended does not save a slip.
    await customerProposes(client, p2.id, slipping.id, dayIn(TZ, 6));

    const deal = (await client.get(`/api/v1/opportunities/${second.id}/reliability`)).data;
    expect(deal.planIds).toEqual([p2.id]);
    expect(deal.customer).toMatchObject({ total: 2, counted: 1, missed: 1, open: 1, score: 0 });
    expect(deal.people.map((p: { owner: { name: string } }) => p.owner.name)).toEqual(['Carla Champion', 'Ivan IT']);

    const company = (await client.get(`/api/v1/accounts/${first.account.id}/reliability`)).data;
    expect(company.planIds.sort()).toEqual([p1.id, p2.id].sort());
    expect(company.customer).toMatchObject({ total: 3, missed: 2, open: 1 });
    expect(company.people.find((p: { owner: { id: string } }) => p.owner.id === carla.id).reliability).toMatchObject({ counted: 2, missed: 2 });

    const noPlan = await createDeal(client);
    expect((await client.get(`/api/v1/opportunities/${noPlan.id}/reliability`)).data).toMatchObject({ planIds: [], customer: { total: 0, score: null, shares: null } });
  });

  it('gives a person’s seller-side reliability across plans; an abandoned plan’s open commitments do not count', async () => {
    const admin = await signUpWorkspace(app, { timeZone: TZ });
    const rep = await addMember(app, admin.client, { role: 'rep', timeZone: TZ });
    const p1 = await createPlan(rep.client);
    const p2 = await createPlan(rep.client);
    const c1 = await addCommitment(rep.client, p1.id, { dueDate: dayIn(TZ, 1) });
    await rep.client.patch(`/api/v1/commitments/${c1.id}`, { status: 'done', version: 1 });
    await addCommitment(rep.client, p2.id, { dueDate: dayIn(TZ, -4) });
    await addCommitment(admin.client, p2.id, { dueDate: dayIn(TZ, -4) });

    const before = (await admin.client.get(`/api/v1/users/${rep.me.user.id}/reliability`)).data;
    expect(before.user).toEqual({ id: rep.me.user.id, name: rep.me.user.name });
    expect(before.overall).toMatchObject({ total: 2, keptOnTime: 1, missed: 1, score: 0.5 });
    expect(before.plans.map((p: { planId: string; reliability: { score: number } }) => [p.planId, p.reliability.score]).sort()).toEqual(
      [[p1.id, 1], [p2.id, 0]].sort(),
    );

    await rep.client.patch(`/api/v1/plans/${p2.id}`, { status: 'abandoned', version: 1 });
    const after = (await admin.client.get(`/api/v1/users/${rep.me.user.id}/reliability`)).data;
    expect(after.overall).toMatchObject({ total: 2, keptOnTime: 1, missed: 0, dropped: 1, score: 1 });
  });

  it('counts a person’s check-in actions only for them, the manager of their team and admins; anyone else reads the other kinds', async () => {
    const { admin, manager, rep, team, loner, otherManager } = await checkInTeam(app);
    const colleague = await addMember(app, admin.client, { role: 'rep', name: 'Emily Colleague', teamId: team.id, timeZone: TZ });
    // One action agreed in a check-in, kept on time; one commitment on a plan, missed.
    const { checkIn } = await seriesWithCheckIn(manager, rep.me.user.id);
    const action = (await manager.client.post(`/api/v1/check-ins/${checkIn.id}/actions`, { title: 'Plan the advance for the Globex call', dueDate: dayIn(TZ, 1) })).data;
    expect((await rep.client.patch(`/api/v1/commitments/${action.id}`, { status: 'done', version: 1 })).statusCode).toBe(200);
    const plan = await createPlan(rep.client);
    await addCommitment(rep.client, plan.id, { dueDate: dayIn(TZ, -4) });
    const url = `/api/v1/users/${rep.me.user.id}/reliability`;

    for (const reader of [rep, manager, admin]) {
      const res = await reader.client.get(url);
      expect(res.statusCode).toBe(200);
      expect(res.data.overall).toMatchObject({ total: 2, keptOnTime: 1, missed: 1, kinds: ['plan', 'objective', 'interaction', 'check_in'] });
      expect(res.data.byKind.map((k: { kind: string; reliability: { total: number; kinds: string[] } }) => [k.kind, k.reliability.total, k.reliability.kinds])).toEqual([
        ['plan', 1, ['plan']],
        ['check_in', 1, ['check_in']],
      ]);
    }
    // A colleague of the same team, a rep of no team, another team's manager: no check-in figures, and totals without them.
    for (const reader of [colleague, loner, otherManager]) {
      const res = await reader.client.get(url);
      expect(res.statusCode).toBe(200);
      expect(res.data.overall).toMatchObject({ total: 1, counted: 1, keptOnTime: 0, missed: 1, kinds: ['plan', 'objective', 'interaction'] });
      expect(res.data.byKind.map((k: { kind: string }) => k.kind)).toEqual(['plan']);
      expect(res.data.plans.map((p: { planId: string }) => p.planId)).toEqual([plan.id]);
      expect(JSON.stringify(res.data)).not.toContain('check_in');
    }
    // The plans' team summary reads a person's word the same way, row by row.
    const rowOf = async (reader: typeof rep) => {
      const res = await reader.client.get('/api/v1/plans/team-summary?view=everyone');
      expect(res.statusCode).toBe(200);
      return res.data.rows.find((r: { user: { id: string } }) => r.user.id === rep.me.user.id).seller;
    };
    expect(await rowOf(manager)).toMatchObject({ total: 2, kinds: ['plan', 'objective', 'interaction', 'check_in'] });
    expect(await rowOf(colleague)).toMatchObject({ total: 1, missed: 1, kinds: ['plan', 'objective', 'interaction'] });
  });
});
