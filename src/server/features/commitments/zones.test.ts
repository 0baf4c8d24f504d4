import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/harness.js';
import { addMember, signUpWorkspace } from '../../test/factories.js';
import { addCommitment, createContact, createDeal, createPlan, dayIn } from '../plans/fixtures.js';
import { useFixedClock } from '../../test/clock.js';

// 10:30 UTC on 10 June: 12:30 that day in Paris, 23:30 the day before in Pago Pago (UTC−11).
useFixedClock();
const { app } = await testApp();
const PARIS = 'Europe/Paris';
const PAGO = 'Pacific/Pago_Pago';

type Client = Awaited<ReturnType<typeof signUpWorkspace>>['client'];
const zoneOf = async (client: Client, id: string) => (await client.get(`/api/v1/commitments/${id}`)).data.ownerTimeZone;

describe('the time zone a commitment is judged in', () => {
  it('stays where it was when its owner changes their own zone: yesterday’s miss and a late tick stay what they were', async () => {
    const admin = await signUpWorkspace(app, { timeZone: PARIS });
    const rep = await addMember(app, admin.client, { role: 'rep', timeZone: PARIS });
    const plan = await createPlan(rep.client);
    await addCommitment(rep.client, plan.id, { dueDate: dayIn(PARIS, -1) });
    const late = await addCommitment(rep.client, plan.id, { dueDate: dayIn(PARIS, -1) });
    expect((await rep.client.patch(`/api/v1/commitments/${late.id}`, { status: 'done', version: late.version })).statusCode).toBe(200);
    const today = await addCommitment(rep.client, plan.id, { dueDate: dayIn(PARIS, 0) });
    const ahead = await addCommitment(rep.client, plan.id, { dueDate: dayIn(PARIS, 3) });
    const url = `/api/v1/users/${rep.me.user.id}/reliability`;
    const before = (await admin.client.get(url)).data.overall;
    expect(before).toMatchObject({ total: 4, keptOnTime: 0, keptLate: 1, missed: 1, open: 2, score: 0 });

    // In Pago Pago it is still the 9th: read live, the miss was "due today" and the tick "on time".
    const me = (await rep.client.get(`/api/v1/users/${rep.me.user.id}`)).data;
    const moved = await rep.client.patch(`/api/v1/users/${rep.me.user.id}`, { timeZone: PAGO, version: me.version });
    expect(moved.statusCode).toBe(200);
    expect((await admin.client.get(url)).data.overall).toEqual(before);
    // Only what is still ahead follows them; today's deadline stays where it was set.
    expect(await zoneOf(rep.client, ahead.id)).toBe(PAGO);
    expect(await zoneOf(rep.client, today.id)).toBe(PARIS);
    expect(await zoneOf(rep.client, late.id)).toBe(PARIS);
    // A commitment made now is judged where its owner now is.
    const fresh = await addCommitment(rep.client, plan.id, { dueDate: dayIn(PAGO, 0) });
    expect(await zoneOf(rep.client, fresh.id)).toBe(PAGO);
  });

  it('keeps the customer’s verdicts when the plan’s customer zone changes, and moves their days still ahead', async () => {
    const { client } = await signUpWorkspace(app, { timeZone: PARIS });
    const deal = await createDeal(client);
    const carla = await createContact(client, deal.account.id, 'Carla Champion');
    const plan = await createPlan(client, deal.id, { customerTimeZone: PARIS });
    const missed = await addCommitment(client, plan.id, { side: 'customer', ownerContactId: carla.id, dueDate: dayIn(PARIS, -1) });
    const ahead = await addCommitment(client, plan.id, { side: 'customer', ownerContactId: carla.id, dueDate: dayIn(PARIS, 2) });
    const word = async () => (await client.get(`/api/v1/opportunities/${deal.id}/reliability`)).data.customer;
    expect(await word()).toMatchObject({ total: 2, missed: 1, open: 1 });

    const current = (await client.get(`/api/v1/plans/${plan.id}`)).data;
    expect((await client.patch(`/api/v1/plans/${plan.id}`, { customerTimeZone: PAGO, version: current.version })).statusCode).toBe(200);
    expect(await word()).toMatchObject({ total: 2, missed: 1, open: 1 });
    expect(await zoneOf(client, missed.id)).toBe(PARIS);
    expect(await zoneOf(client, ahead.id)).toBe(PAGO);
  });

  it('follows a new owner for what is still ahead, and the workspace’s new default for people without a zone of their own', async () => {
    const admin = await signUpWorkspace(app, { timeZone: PARIS });
    const rep = await addMember(app, admin.client, { role: 'rep' });
    const other = await addMember(app, admin.client, { role: 'rep', timeZone: 'Asia/Tokyo' });
    const plan = await createPlan(admin.client);
    const handed = await addCommitment(admin.client, plan.id, { dueDate: dayIn(PARIS, 5) });
    expect(await zoneOf(admin.client, handed.id)).toBe(PARIS);
    const res = await admin.client.patch(`/api/v1/commitments/${handed.id}`, { ownerUserId: other.me.user.id, version: handed.version });
    expect(res.statusCode).toBe(200);
    expect(res.data.ownerTimeZone).toBe('Asia/Tokyo');

    const repPlan = await createPlan(rep.client);
    const yesterday = await addCommitment(rep.client, repPlan.id, { dueDate: dayIn(PARIS, -1) });
    const later = await addCommitment(rep.client, repPlan.id, { dueDate: dayIn(PARIS, 4) });
    const ws = (await admin.client.get('/api/v1/workspace')).data;
    expect((await admin.client.patch('/api/v1/workspace', { defaultTimeZone: PAGO, version: ws.version })).statusCode).toBe(200);
    expect(await zoneOf(rep.client, later.id)).toBe(PAGO);
    expect(await zoneOf(rep.client, yesterday.id)).toBe(PARIS);
    expect((await admin.client.get(`/api/v1/users/${rep.me.user.id}/reliability`)).data.overall).toMatchObject({ missed: 1, open: 1 });
    // Someone with a zone of their own keeps it.
    expect(await zoneOf(admin.client, handed.id)).toBe('Asia/Tokyo');
  });
});
