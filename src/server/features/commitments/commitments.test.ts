import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/harness.js';
import { addMember, signUpWorkspace } from '../../test/factories.js';
import { addCommitment, addMilestone, createContact, createDeal, createPlan, dayIn } from '../plans/fixtures.js';
import { useFixedClock } from '../../test/clock.js';

useFixedClock(); // dates are judged against today: no midnight inside the run
const { app } = await testApp();

describe('commitments', () => {
  it('adds seller- and customer-side commitments with their owners', async () => {
    const admin = await signUpWorkspace(app);
    const engineer = await addMember(app, admin.client, { role: 'rep', name: 'Sam Engineer' });
    const deal = await createDeal(admin.client);
    const contact = await createContact(admin.client, deal.account.id, 'Carla Champion');
    const plan = await createPlan(admin.client, deal.id);
    const milestone = await addMilestone(admin.client, plan.id, 'Technical validation');

    const mine = await addCommitment(admin.client, plan.id, { title: 'Send the security pack', mustDo: true, internalOnly: true, milestoneId: milestone.id });
    expect(mine).toMatchObject({
      side: 'seller',
      owner: { kind: 'user', id: admin.me.user.id, name: 'Ada Admin' },
      ownerTimeZone: 'Europe/Paris',
      mustDo: true,
      internalOnly: true,
      milestoneId: milestone.id,
      status: 'open',
      state: 'open',
      outcome: 'open',
      dueDate: '2030-01-15',
      originalDueDate: '2030-01-15',
      renegotiations: [],
      version: 1,
      permissions: { canEdit: true },
    });
    const theirs = await addCommitment(admin.client, plan.id, { ownerUserId: engineer.me.user.id });
    expect(theirs.owner).toMatchObject({ kind: 'user', id: engineer.me.user.id, name: 'Sam Engineer' });
    const byContact = await addCommitment(admin.client, plan.id, { side: 'customer', ownerContactId: contact.id, role: 'Champion' });
    expect(byContact).toMatchObject({ owner: { kind: 'contact', id: contact.id, name: 'Carla Champion', email: contact.email }, role: 'Champion' });
    const byName = await addCommitment(admin.client, plan.id, { side: 'customer', ownerName: 'Ivan IT', ownerEmail: 'ivan@customer.example' });
    expect(byName.owner).toEqual({ kind: 'person', id: null, name: 'Ivan IT', email: 'ivan@customer.example' });

    const full = (await admin.client.get(`/api/v1/plans/${plan.id}`)).data;
    expect(full.commitments.map((c: { id: string }) => c.id)).toEqual([mine.id, theirs.id, byContact.id, byName.id]);
    expect(full.milestones.map((m: { title: string }) => m.title)).toEqual(['Technical validation']);
  });

  it('refuses owners and flags that do not fit the side', async () => {
    const { client } = await signUpWorkspace(app);
    const deal = await createDeal(client);
    const strangerContact = await createContact(client, (await createDeal(client)).account.id);
    const plan = await createPlan(client, deal.id);
    const otherPlan = await createPlan(client);
    const foreignMilestone = await addMilestone(client, otherPlan.id);
    const cases: [Record<string, unknown>, string][] = [
      [{ side: 'customer', ownerName: 'Carla', internalOnly: true }, 'internalOnly'],
      [{ side: 'seller', ownerName: 'Carla' }, 'ownerName'],
      [{ side: 'customer', ownerUserId: 'x' }, 'ownerUserId'],
      [{ side: 'customer', ownerContactId: strangerContact.id }, 'ownerContactId'],
      [{ side: 'customer' }, 'ownerName'],
      [{ side: 'seller', ownerUserId: '01a00000-0000-7000-8000-000000000000' }, 'ownerUserId'],
      [{ side: 'seller', milestoneId: foreignMilestone.id }, 'milestoneId'],
      [{ side: 'seller', dueDate: '2030-02-30' }, 'dueDate'],
    ];
    for (const [body, path] of cases) {
      const res = await client.post(`/api/v1/plans/${plan.id}/commitments`, { title: 'Thing', dueDate: '2030-01-10', ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.data.error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    expect((await client.get(`/api/v1/plans/${plan.id}`)).data.commitments).toEqual([]);
  });

  it('judges "missed" only once the due day has ended in the owner’s time zone', async () => {
    // Pago Pago (UTC−11) and Kiritimati (UTC+14): when it is still date D in one, D has ended in the other.
    const { client } = await signUpWorkspace(app, { timeZone: 'Pacific/Pago_Pago' });
    const plan = await createPlan(client, undefined, { customerTimeZone: 'Pacific/Kiritimati' });
    const d = dayIn('Pacific/Pago_Pago', 0);
    const seller = await addCommitment(client, plan.id, { dueDate: d });
    const customer = await addCommitment(client, plan.id, { side: 'customer', ownerName: 'Kiri', dueDate: d });
    expect(seller).toMatchObject({ state: 'open', daysUntilDue: 0, ownerTimeZone: 'Pacific/Pago_Pago' });
    expect(customer).toMatchObject({ state: 'missed', outcome: 'missed', ownerTimeZone: 'Pacific/Kiritimati' });
    expect(customer.daysUntilDue).toBeLessThan(0);
    expect((await client.get('/api/v1/plans')).data.data[0].counts).toEqual({ open: 1, done: 0, missed: 1, dropped: 0 });

    // The zone is fixed when the commitment is made (zones.ts): a later change of the plan's customer zone rewrites no verdict.
    await client.patch(`/api/v1/plans/${plan.id}`, { customerTimeZone: 'Pacific/Pago_Pago', version: 1 });
    expect((await client.get(`/api/v1/commitments/${customer.id}`)).data).toMatchObject({ state: 'missed', ownerTimeZone: 'Pacific/Kiritimati' });
  });

  it('ticks off, reopens and drops with a reason; a due date changes only through a renegotiation', async () => {
    const { client } = await signUpWorkspace(app);
    const plan = await createPlan(client);
    const c = await addCommitment(client, plan.id, { dueDate: dayIn('Europe/Paris', 3) });

    const done = await client.patch(`/api/v1/commitments/${c.id}`, { status: 'done', version: 1 });
    expect(done.data).toMatchObject({ status: 'done', state: 'done', outcome: 'kept_on_time', version: 2 });
    expect(done.data.doneAt).not.toBeNull();
    const reopened = await client.patch(`/api/v1/commitments/${c.id}`, { status: 'open', version: 2 });
    expect(reopened.data).toMatchObject({ status: 'open', doneAt: null, version: 3 });

    const noReason = await client.patch(`/api/v1/commitments/${c.id}`, { status: 'dropped', version: 3 });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.data.error.details[0].path).toBe('dropReason');
    const dropped = await client.patch(`/api/v1/commitments/${c.id}`, { status: 'dropped', dropReason: 'Customer chose SSO instead', version: 3 });
    expect(dropped.data).toMatchObject({ state: 'dropped', dropReason: 'Customer chose SSO instead', version: 4 });

    const redate = await client.patch(`/api/v1/commitments/${c.id}`, { dueDate: '2031-01-01', version: 4 });
    expect(redate.statusCode).toBe(422);
    expect(redate.data.error.code).toBe('rule_violation');
    expect(redate.data.error.message).toContain('/renegotiations');
    expect(redate.data.error.details[0].path).toBe('dueDate');

    const stale = await client.patch(`/api/v1/commitments/${c.id}`, { title: 'Stale', version: 2 });
    expect(stale.statusCode).toBe(409);
    expect(stale.data.error.current).toMatchObject({ status: 'dropped', version: 4 });

    const history = (await client.get(`/api/v1/plans/${plan.id}/history`)).data.data;
    const ofCommitment = history.filter((e: { entityId: string }) => e.entityId === c.id);
    expect(ofCommitment.map((e: { action: string }) => e.action)).toEqual(['update', 'update', 'update', 'create']);
    expect(ofCommitment[0].changes.status).toEqual({ before: 'open', after: 'dropped' });
  });

  it('lets a seller-side owner keep their own commitment, and nobody else outside the deal change it', async () => {
    const admin = await signUpWorkspace(app);
    const owner = await addMember(app, admin.client, { role: 'rep' });
    const helper = await addMember(app, admin.client, { role: 'rep' });
    const outsider = await addMember(app, admin.client, { role: 'rep' });
    const plan = await createPlan(owner.client);
    const helpers = await addCommitment(owner.client, plan.id, { ownerUserId: helper.me.user.id });
    const owners = await addCommitment(owner.client, plan.id);

    expect((await helper.client.get(`/api/v1/commitments/${helpers.id}`)).data.permissions.canEdit).toBe(true);
    expect((await helper.client.get(`/api/v1/commitments/${owners.id}`)).data.permissions.canEdit).toBe(false);
    expect((await helper.client.patch(`/api/v1/commitments/${helpers.id}`, { status: 'done', version: 1 })).statusCode).toBe(200);
    expect((await helper.client.patch(`/api/v1/commitments/${helpers.id}`, { ownerUserId: outsider.me.user.id, version: 2 })).statusCode).toBe(403);
    expect((await helper.client.patch(`/api/v1/commitments/${owners.id}`, { status: 'done', version: 1 })).statusCode).toBe(403);
    expect((await outsider.client.patch(`/api/v1/commitments/${helpers.id}`, { status: 'open', version: 2 })).statusCode).toBe(403);
    expect((await outsider.client.post(`/api/v1/plans/${plan.id}/commitments`, { side: 'seller', title: 'x', dueDate: '2030-01-01' })).statusCode).toBe(403);
  });
});
