import { describe, expect, it } from 'vitest';
import { todayIn } from '../../../domain/dates.js';
import { testApp } from '../../test/harness.js';
import { Client, signUpWorkspace } from '../../test/factories.js';
import { addCommitment, createDeal, createPlan, customerProposes, dayIn, shareLink, withBuiltInTemplates } from '../plans/fixtures.js';
import { useFixedClock } from '../../test/clock.js';

/**
 * "No date in the past by accident", through the API. Two zones 25 hours apart make the zone that
 * judges a date visible at any hour: the seller lives in Pago Pago (UTC−11), the customer in
 * Kiritimati (UTC+14), so the seller's today is always the customer's yesterday (or earlier).
 */
useFixedClock(); // dates are judged against today: no midnight inside the run
const { app, db } = await testApp();
const SELLER_TZ = 'Pacific/Pago_Pago';
const CUSTOMER_TZ = 'Pacific/Kiritimati';

async function setup() {
  const { client, me } = await signUpWorkspace(app, { timeZone: SELLER_TZ });
  const deal = await createDeal(client);
  const plan = await createPlan(client, deal.id, { customerTimeZone: CUSTOMER_TZ, status: 'active' });
  const mine = await addCommitment(client, plan.id, { title: 'Send the proposal', dueDate: dayIn(SELLER_TZ, 5) });
  const theirs = await addCommitment(client, plan.id, { side: 'customer', ownerName: 'Carla', title: 'Security questionnaire', dueDate: dayIn(CUSTOMER_TZ, 5) });
  const link = await shareLink(client, plan.id);
  return { client, me, deal, plan, mine, theirs, ...link, guest: new Client(app) };
}

function expectPastRefusal(res: { statusCode: number; data: { error: { code: string; details: { path: string; message: string }[] } } }, path: string, zone: string) {
  expect(res.statusCode).toBe(422);
  expect(res.data.error.code).toBe('date_in_past');
  expect(res.data.error.details).toEqual([{ path, message: expect.stringContaining(`has already passed in ${zone.replace(/_/g, ' ')}`) }]);
  expect(res.data.error.details[0].message).toMatch(/^Pick today or a later date — /);
}

describe('new dates before today are refused, judged in the owner’s zone', () => {
  it('refuses a seller re-date to yesterday and changes nothing; today is fine', async () => {
    const s = await setup();
    const res = await s.client.post(`/api/v1/commitments/${s.mine.id}/renegotiations`, { newDate: dayIn(SELLER_TZ, -1), reason: 'Typo' });
    expectPastRefusal(res, 'newDate', SELLER_TZ);
    const after = (await s.client.get(`/api/v1/commitments/${s.mine.id}`)).data;
    expect(after).toMatchObject({ dueDate: s.mine.dueDate, version: s.mine.version, renegotiations: [] });
    const today = await s.client.post(`/api/v1/commitments/${s.mine.id}/renegotiations`, { newDate: dayIn(SELLER_TZ, 0), reason: 'Ready early' });
    expect(today.statusCode).toBe(201);
    expect(today.data.renegotiation).toMatchObject({ status: 'accepted', inAdvance: true });
  });

  it('judges a customer-side item in the plan’s customer zone: the seller’s today is already past there', async () => {
    const s = await setup();
    const sellersToday = dayIn(SELLER_TZ, 0);
    const res = await s.client.post(`/api/v1/commitments/${s.theirs.id}/renegotiations`, { newDate: sellersToday, reason: 'Their IT is out' });
    expectPastRefusal(res, 'newDate', CUSTOMER_TZ);
    // The customer, on their share page, is refused the same way.
    const proposal = await s.guest.post(`${s.api}/commitments/${s.theirs.id}/renegotiations`, { newDate: sellersToday, reason: 'Holidays' });
    expectPastRefusal(proposal, 'newDate', CUSTOMER_TZ);
    // Yet the seller's own commitment may move to that day: it is today where its owner lives.
    expect((await s.client.post(`/api/v1/commitments/${s.mine.id}/renegotiations`, { newDate: sellersToday, reason: 'Sooner' })).statusCode).toBe(201);
    const shared = (await s.guest.get(s.api)).data;
    expect(shared.commitments.find((c: { id: string }) => c.id === s.theirs.id)).toMatchObject({ dueDate: s.theirs.dueDate, awaitingAnswer: false });
  });

  it('refuses to accept a proposed date that has passed while it waited, on both sides', async () => {
    const s = await setup();
    const proposal = await customerProposes(s.client, s.plan.id, s.mine.id, dayIn(SELLER_TZ, 2));
    // Time passes: the proposed day is now yesterday for the commitment's owner.
    await db.updateTable('commitment_renegotiations').set({ to_date: dayIn(SELLER_TZ, -1) }).where('id', '=', proposal.id).execute();
    const accept = await s.client.post(`/api/v1/renegotiations/${proposal.id}/accept`, {});
    expectPastRefusal(accept, 'toDate', SELLER_TZ);
    expect((await s.client.get(`/api/v1/commitments/${s.mine.id}`)).data).toMatchObject({ dueDate: s.mine.dueDate, awaitingAnswer: true });
    // Declining still works: the original date stands.
    expect((await s.client.post(`/api/v1/renegotiations/${proposal.id}/decline`, {})).statusCode).toBe(200);

    const sellerAsks = (await s.client.post(`/api/v1/commitments/${s.theirs.id}/renegotiations`, { newDate: dayIn(CUSTOMER_TZ, 3), reason: 'Align with the demo' })).data.renegotiation;
    await db.updateTable('commitment_renegotiations').set({ to_date: dayIn(CUSTOMER_TZ, -1) }).where('id', '=', sellerAsks.id).execute();
    const guestAccept = await s.guest.post(`${s.api}/renegotiations/${sellerAsks.id}/accept`, {});
    expectPastRefusal(guestAccept, 'toDate', CUSTOMER_TZ);
  });

  it('judges a new date for an existing commitment in the zone it is held to, not where its owner or the customer is now', async () => {
    const s = await setup();
    const user = `/api/v1/users/${s.me.user.id}`;
    const moveSellerTo = async (timeZone: string) => {
      const { version } = (await s.client.get(user)).data;
      expect((await s.client.patch(user, { timeZone, version })).statusCode).toBe(200);
    };
    // Due today in Kiritimati: the customer's NDA, and a demo the seller took on while she worked from there.
    const theirs = await addCommitment(s.client, s.plan.id, { side: 'customer', ownerName: 'Carla', title: 'Sign the NDA', dueDate: dayIn(CUSTOMER_TZ, 0) });
    await moveSellerTo(CUSTOMER_TZ);
    const mine = await addCommitment(s.client, s.plan.id, { title: 'Run the demo', dueDate: dayIn(CUSTOMER_TZ, 0) });
    // Then both sides are in Pago Pago: today's deadlines keep Kiritimati's calendar (zones.ts).
    await moveSellerTo(SELLER_TZ);
    const { version } = (await s.client.get(`/api/v1/plans/${s.plan.id}`)).data;
    expect((await s.client.patch(`/api/v1/plans/${s.plan.id}`, { customerTimeZone: SELLER_TZ, version })).statusCode).toBe(200);
    const held = await db.selectFrom('commitments').select('time_zone').where('id', 'in', [theirs.id, mine.id]).execute();
    expect(held.map((c) => c.time_zone)).toEqual([CUSTOMER_TZ, CUSTOMER_TZ]);

    // Today in Pago Pago is yesterday in Kiritimati: moved there, either would be missed at once.
    const pagoToday = dayIn(SELLER_TZ, 0);
    expectPastRefusal(await s.client.post(`/api/v1/commitments/${mine.id}/renegotiations`, { newDate: pagoToday, reason: 'Back home' }), 'newDate', CUSTOMER_TZ);
    expectPastRefusal(await s.client.post(`/api/v1/commitments/${theirs.id}/renegotiations`, { newDate: pagoToday, reason: 'Their IT is out' }), 'newDate', CUSTOMER_TZ);
    expectPastRefusal(await s.guest.post(`${s.api}/commitments/${theirs.id}/renegotiations`, { newDate: pagoToday, reason: 'Holidays' }), 'newDate', CUSTOMER_TZ);
    // Nor can a proposal that waited until that day be accepted.
    const proposal = await customerProposes(s.client, s.plan.id, mine.id, dayIn(CUSTOMER_TZ, 2));
    await db.updateTable('commitment_renegotiations').set({ to_date: pagoToday }).where('id', '=', proposal.id).execute();
    expectPastRefusal(await s.client.post(`/api/v1/renegotiations/${proposal.id}/accept`, {}), 'toDate', CUSTOMER_TZ);
    const after = (await s.client.get(`/api/v1/commitments/${mine.id}`)).data;
    expect(after).toMatchObject({ dueDate: dayIn(CUSTOMER_TZ, 0), state: 'open', ownerTimeZone: CUSTOMER_TZ });
  });

  it('refuses a new commitment due before today unless it is recorded as already done', async () => {
    const s = await setup();
    const past = await s.client.post(`/api/v1/plans/${s.plan.id}/commitments`, { side: 'seller', title: 'Old news', dueDate: dayIn(SELLER_TZ, -1) });
    expectPastRefusal(past, 'dueDate', SELLER_TZ);
    const customerPast = await s.client.post(`/api/v1/plans/${s.plan.id}/commitments`, { side: 'customer', ownerName: 'Carla', title: 'Old news', dueDate: dayIn(SELLER_TZ, 0) });
    expectPastRefusal(customerPast, 'dueDate', CUSTOMER_TZ);
    const guestPast = await s.guest.post(`${s.api}/commitments`, { title: 'Board approval', dueDate: dayIn(CUSTOMER_TZ, -1) });
    expectPastRefusal(guestPast, 'dueDate', CUSTOMER_TZ);
    expect((await s.client.get(`/api/v1/plans/${s.plan.id}`)).data.commitments).toHaveLength(2);

    const kept = await s.client.post(`/api/v1/plans/${s.plan.id}/commitments`, { side: 'seller', title: 'Kick-off call', dueDate: dayIn(SELLER_TZ, -3), status: 'done' });
    expect(kept.statusCode).toBe(201);
    // Recorded as kept on the day it was due, in the owner's zone: kept on time, not "kept late".
    expect(kept.data).toMatchObject({ status: 'done', state: 'done', outcome: 'kept_on_time', doneAt: expect.any(String) });
    expect(todayIn(SELLER_TZ, new Date(kept.data.doneAt))).toBe(dayIn(SELLER_TZ, -3));
    const theirsKept = await s.client.post(`/api/v1/plans/${s.plan.id}/commitments`, { side: 'customer', ownerName: 'Carla', title: 'Signed NDA', dueDate: dayIn(CUSTOMER_TZ, -1), status: 'done' });
    expect(theirsKept.data).toMatchObject({ status: 'done', outcome: 'kept_on_time' });
    expect(todayIn(CUSTOMER_TZ, new Date(theirsKept.data.doneAt))).toBe(dayIn(CUSTOMER_TZ, -1));
    const mine = (await s.client.get(`/api/v1/users/${s.me.user.id}/reliability`)).data;
    expect(mine.overall).toMatchObject({ keptOnTime: 1, keptLate: 0, missed: 0 });
  });

  it('refuses a plan starting or aiming before today, and creates nothing', async () => {
    const { client } = await signUpWorkspace(app, { timeZone: SELLER_TZ });
    const deal = await createDeal(client);
    const target = await client.post(`/api/v1/opportunities/${deal.id}/plan`, { title: 'Plan', targetDate: dayIn(SELLER_TZ, -1) });
    expectPastRefusal(target, 'targetDate', SELLER_TZ);
    const start = await client.post(`/api/v1/opportunities/${deal.id}/plan`, { title: 'Plan', startDate: dayIn(SELLER_TZ, -1), targetDate: dayIn(SELLER_TZ, 30) });
    expectPastRefusal(start, 'startDate', SELLER_TZ);
    expect((await client.get(`/api/v1/opportunities/${deal.id}/plan`)).statusCode).toBe(404);
    const plan = await createPlan(client, deal.id, { startDate: dayIn(SELLER_TZ, 0), targetDate: dayIn(SELLER_TZ, 30) });
    const moved = await client.patch(`/api/v1/plans/${plan.id}`, { targetDate: dayIn(SELLER_TZ, -2), version: plan.version });
    expectPastRefusal(moved, 'targetDate', SELLER_TZ);
  });

  it('refuses moving a plan’s start to before today, but saves an old start date sent back unchanged', async () => {
    const { client } = await signUpWorkspace(app, { timeZone: SELLER_TZ });
    const plan = await createPlan(client, undefined, { startDate: dayIn(SELLER_TZ, 0), targetDate: dayIn(SELLER_TZ, 30) });
    const earlier = await client.patch(`/api/v1/plans/${plan.id}`, { startDate: dayIn(SELLER_TZ, -1), version: plan.version });
    expectPastRefusal(earlier, 'startDate', SELLER_TZ);
    expect((await client.get(`/api/v1/plans/${plan.id}`)).data).toMatchObject({ startDate: dayIn(SELLER_TZ, 0), version: plan.version });

    // Weeks later the plan's start is long past; the edit form sends every field back as it was.
    const started = dayIn(SELLER_TZ, -20);
    const target = dayIn(SELLER_TZ, -2);
    await db.updateTable('plans').set({ start_date: started, target_date: target }).where('id', '=', plan.id).execute();
    const saved = await client.patch(`/api/v1/plans/${plan.id}`, { title: 'Evaluation, phase 2', startDate: started, targetDate: target, version: plan.version });
    expect(saved.statusCode).toBe(200);
    expect(saved.data).toMatchObject({ title: 'Evaluation, phase 2', startDate: started, targetDate: target, version: plan.version + 1 });
    // Moving the past target to another past day is a new date, and refused; to today is fine.
    expectPastRefusal(await client.patch(`/api/v1/plans/${plan.id}`, { targetDate: dayIn(SELLER_TZ, -1), version: saved.data.version }), 'targetDate', SELLER_TZ);
    expect((await client.patch(`/api/v1/plans/${plan.id}`, { targetDate: dayIn(SELLER_TZ, 0), version: saved.data.version })).statusCode).toBe(200);
  });

  it('refuses a milestone due before today, new or re-dated, and keeps an old one unchanged', async () => {
    const { client } = await signUpWorkspace(app, { timeZone: SELLER_TZ });
    const plan = await createPlan(client, undefined, { customerTimeZone: CUSTOMER_TZ });
    const past = await client.post(`/api/v1/plans/${plan.id}/milestones`, { title: 'Pilot', dueDate: dayIn(SELLER_TZ, -1) });
    expectPastRefusal(past, 'dueDate', SELLER_TZ);
    expect((await client.get(`/api/v1/plans/${plan.id}`)).data.milestones).toEqual([]);

    const made = await client.post(`/api/v1/plans/${plan.id}/milestones`, { title: 'Pilot', dueDate: dayIn(SELLER_TZ, 0) });
    expect(made.statusCode).toBe(201);
    const milestone = made.data;
    const moved = await client.patch(`/api/v1/milestones/${milestone.id}`, { dueDate: dayIn(SELLER_TZ, -1), version: milestone.version });
    expectPastRefusal(moved, 'dueDate', SELLER_TZ);
    expect((await client.get(`/api/v1/milestones/${milestone.id}`)).data).toMatchObject({ dueDate: dayIn(SELLER_TZ, 0), version: milestone.version });

    // Its day goes by; renaming it sends the old date back unchanged, which is fine. Clearing it is too.
    const gone = dayIn(SELLER_TZ, -4);
    await db.updateTable('plan_milestones').set({ due_date: gone }).where('id', '=', milestone.id).execute();
    const renamed = await client.patch(`/api/v1/milestones/${milestone.id}`, { title: 'Pilot with 20 users', dueDate: gone, version: milestone.version });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.data).toMatchObject({ title: 'Pilot with 20 users', dueDate: gone });
    expect((await client.patch(`/api/v1/milestones/${milestone.id}`, { dueDate: null, version: renamed.data.version })).data).toMatchObject({ dueDate: null });
  });

  it('lays out a template plan with no past date and no must-do due within 3 days, and says what moved', async () => {
    const { client, me } = await signUpWorkspace(app, { timeZone: SELLER_TZ });
    await withBuiltInTemplates(db, me.workspace.id);
    const renewal = (await client.get('/api/v1/plan-templates')).data.data.find((t: { name: string }) => t.name === 'Renewal');
    const deal = await createDeal(client);
    // A renewal due in 10 days: "45 days before the target" would be five weeks ago.
    const res = await client.post(`/api/v1/opportunities/${deal.id}/plan`, { templateId: renewal.id, targetDate: dayIn(SELLER_TZ, 10), status: 'active', customerTimeZone: CUSTOMER_TZ });
    expect(res.statusCode).toBe(201);
    const plan = res.data;
    const proposal = plan.commitments.find((c: { title: string }) => c.title === 'Send the renewal proposal');
    expect(proposal).toMatchObject({ mustDo: true, dueDate: dayIn(SELLER_TZ, 3) });
    expect(plan.dateAdjustments).toContainEqual(
      expect.objectContaining({ kind: 'commitment', title: 'Send the renewal proposal', to: dayIn(SELLER_TZ, 3), reason: 'must_do_too_soon', message: expect.stringContaining('must-do') }),
    );
    expect(plan.dateAdjustments).toContainEqual(expect.objectContaining({ title: 'Confirm the budget and the renewal process', to: dayIn(CUSTOMER_TZ, 0), reason: 'before_today' }));
    for (const c of plan.commitments) expect(c.daysUntilDue, c.title).toBeGreaterThanOrEqual(0);
    expect(plan.health).toEqual({ status: 'on_track', reasons: [] });
  });
});

describe('fair health', () => {
  it('does not judge a draft, and puts an active plan past its target date at risk', async () => {
    const { client } = await signUpWorkspace(app, { timeZone: SELLER_TZ });
    const plan = await createPlan(client, undefined, { customerTimeZone: CUSTOMER_TZ, targetDate: dayIn(CUSTOMER_TZ, 20) });
    await addCommitment(client, plan.id, { mustDo: true, dueDate: dayIn(SELLER_TZ, -3) });
    const draft = (await client.get(`/api/v1/plans/${plan.id}`)).data;
    expect(draft).toMatchObject({ status: 'draft', health: null });
    const active = await client.patch(`/api/v1/plans/${plan.id}`, { status: 'active', version: draft.version });
    expect(active.data.health.status).toBe('at_risk');

    const quiet = await createPlan(client, undefined, { status: 'active', customerTimeZone: CUSTOMER_TZ });
    await db.updateTable('plans').set({ target_date: dayIn(CUSTOMER_TZ, -2) }).where('id', '=', quiet.id).execute();
    const late = (await client.get(`/api/v1/plans/${quiet.id}`)).data;
    expect(late.health).toEqual({ status: 'at_risk', reasons: [expect.stringMatching(/^The target date \(.+\) passed 2 days ago and the plan is not completed$/)] });
    const listed = (await client.get('/api/v1/plans')).data.data;
    expect(listed.find((p: { id: string }) => p.id === quiet.id).health.status).toBe('at_risk');
    expect(listed.find((p: { id: string }) => p.id === plan.id).health.status).toBe('at_risk');
  });
});
