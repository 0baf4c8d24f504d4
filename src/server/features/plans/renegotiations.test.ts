import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/harness.js';
import { addMember, signUpWorkspace } from '../../test/factories.js';
import { addCommitment, createPlan, customerProposes, dayIn } from './fixtures.js';
import { useFixedClock } from '../../test/clock.js';

useFixedClock(); // dates are judged against today: no midnight inside the run
const { app } = await testApp();
const TZ = 'Europe/Paris';

describe('renegotiation — re-date before it slips', () => {
  it('applies a seller’s new date for their own side at once, in advance, keeping every date', async () => {
    const { client, me } = await signUpWorkspace(app, { timeZone: TZ });
    const plan = await createPlan(client);
    const c = await addCommitment(client, plan.id, { dueDate: dayIn(TZ, 2) });
    const res = await client.post(`/api/v1/commitments/${c.id}/renegotiations`, { newDate: dayIn(TZ, 9), reason: 'Waiting for the security team' });
    expect(res.statusCode).toBe(201);
    expect(res.data.renegotiation).toMatchObject({
      fromDate: dayIn(TZ, 2),
      toDate: dayIn(TZ, 9),
      reason: 'Waiting for the security team',
      status: 'accepted',
      inAdvance: true,
      requestedBy: { side: 'seller', userId: me.user.id, name: 'Ada Admin' },
      decidedBy: { side: 'seller', userId: me.user.id },
    });
    expect(res.data.commitment).toMatchObject({ dueDate: dayIn(TZ, 9), originalDueDate: dayIn(TZ, 2), version: 2, awaitingAnswer: false });
    expect(res.data.commitment.renegotiations).toHaveLength(1);

    await client.post(`/api/v1/commitments/${c.id}/renegotiations`, { newDate: dayIn(TZ, 12), reason: 'Holidays' });
    const after = (await client.get(`/api/v1/commitments/${c.id}`)).data;
    expect(after.renegotiations.map((r: { fromDate: string; toDate: string }) => [r.fromDate, r.toDate])).toEqual([
      [dayIn(TZ, 2), dayIn(TZ, 9)],
      [dayIn(TZ, 9), dayIn(TZ, 12)],
    ]);
    const history = (await client.get(`/api/v1/plans/${plan.id}/history`)).data.data;
    const dueChanges = history.filter((e: { entityId: string; action: string }) => e.entityId === c.id && e.action === 'update');
    expect(dueChanges.map((e: { changes: { dueDate: { after: string } } }) => e.changes.dueDate.after)).toEqual([dayIn(TZ, 12), dayIn(TZ, 9)]);
    expect(history.filter((e: { entityType: string }) => e.entityType === 'renegotiation')).toHaveLength(2);
  });

  it('records a re-date after the due day as late: the slip still counts', async () => {
    const { client } = await signUpWorkspace(app, { timeZone: TZ });
    const plan = await createPlan(client);
    const c = await addCommitment(client, plan.id, { dueDate: dayIn(TZ, -3) });
    expect(c.state).toBe('missed');
    const res = await client.post(`/api/v1/commitments/${c.id}/renegotiations`, { newDate: dayIn(TZ, 4), reason: 'Forgot' });
    expect(res.data.renegotiation).toMatchObject({ status: 'accepted', inAdvance: false });
    expect(res.data.commitment).toMatchObject({ dueDate: dayIn(TZ, 4), state: 'open', outcome: 'missed' });
  });

  it('keeps the original date while a seller’s date for a customer commitment waits for the customer', async () => {
    const { client } = await signUpWorkspace(app, { timeZone: TZ });
    const plan = await createPlan(client);
    const c = await addCommitment(client, plan.id, { side: 'customer', ownerName: 'Carla', dueDate: dayIn(TZ, 5) });
    const res = await client.post(`/api/v1/commitments/${c.id}/renegotiations`, { newDate: dayIn(TZ, 10), reason: 'Align with the steering committee' });
    expect(res.data.renegotiation).toMatchObject({ status: 'pending', decidedBy: null, permissions: { canAnswer: false } });
    expect(res.data.commitment).toMatchObject({ dueDate: dayIn(TZ, 5), awaitingAnswer: true, version: 1 });

    const accept = await client.post(`/api/v1/renegotiations/${res.data.renegotiation.id}/accept`, {});
    expect(accept.statusCode).toBe(422);
    expect(accept.data.error.message).toContain('customer answers');
    const another = await client.post(`/api/v1/commitments/${c.id}/renegotiations`, { newDate: dayIn(TZ, 11), reason: 'Again' });
    expect(another.statusCode).toBe(422);
    expect((await client.get(`/api/v1/commitments/${c.id}`)).data.dueDate).toBe(dayIn(TZ, 5));
  });

  it('lets the seller side accept or decline what the customer proposes, once', async () => {
    const { client, me } = await signUpWorkspace(app, { timeZone: TZ });
    const plan = await createPlan(client);
    const theirs = await addCommitment(client, plan.id, { side: 'customer', ownerName: 'Carla', dueDate: dayIn(TZ, 1) });
    const ours = await addCommitment(client, plan.id, { dueDate: dayIn(TZ, 1) });

    const p1 = await customerProposes(client, plan.id, theirs.id, dayIn(TZ, 6));
    const pending = (await client.get(`/api/v1/commitments/${theirs.id}`)).data;
    expect(pending).toMatchObject({ dueDate: dayIn(TZ, 1), awaitingAnswer: true });
    expect(pending.renegotiations[0]).toMatchObject({ status: 'pending', inAdvance: true, requestedBy: { side: 'customer', userId: null, name: 'Carla Customer' }, permissions: { canAnswer: true } });

    const accepted = await client.post(`/api/v1/renegotiations/${p1.id}/accept`, { note: 'Fine by us' });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.data.renegotiation).toMatchObject({ status: 'accepted', note: 'Fine by us', decidedBy: { side: 'seller', userId: me.user.id } });
    expect(accepted.data.commitment).toMatchObject({ dueDate: dayIn(TZ, 6), awaitingAnswer: false, version: 2 });
    expect((await client.post(`/api/v1/renegotiations/${p1.id}/decline`, {})).statusCode).toBe(422);

    const p2 = await customerProposes(client, plan.id, ours.id, dayIn(TZ, 8), 'Can you do it later?');
    const declined = await client.post(`/api/v1/renegotiations/${p2.id}/decline`, {});
    expect(declined.data.renegotiation.status).toBe('declined');
    expect(declined.data.commitment).toMatchObject({ dueDate: dayIn(TZ, 1), version: 1 });
    const actions = (await client.get(`/api/v1/plans/${plan.id}/history`)).data.data
      .filter((e: { entityId: string }) => e.entityId === p1.id || e.entityId === p2.id)
      .map((e: { action: string; actor: { name: string } }) => `${e.action} by ${e.actor.name}`);
    expect(actions).toEqual(['update by Ada Admin', 'create by Carla Customer (customer)', 'accept by Ada Admin', 'create by Carla Customer (customer)']);
  });

  it('refuses re-dating a closed commitment, to the same date, or by someone outside the deal', async () => {
    const admin = await signUpWorkspace(app, { timeZone: TZ });
    const rep = await addMember(app, admin.client, { role: 'rep' });
    const plan = await createPlan(admin.client);
    const c = await addCommitment(admin.client, plan.id, { dueDate: dayIn(TZ, 3) });
    expect((await admin.client.post(`/api/v1/commitments/${c.id}/renegotiations`, { newDate: dayIn(TZ, 3), reason: 'Same' })).statusCode).toBe(400);
    expect((await admin.client.post(`/api/v1/commitments/${c.id}/renegotiations`, { newDate: dayIn(TZ, 4) })).statusCode).toBe(400);
    expect((await rep.client.post(`/api/v1/commitments/${c.id}/renegotiations`, { newDate: dayIn(TZ, 4), reason: 'Mine' })).statusCode).toBe(403);
    const p = await customerProposes(admin.client, plan.id, c.id, dayIn(TZ, 9));
    expect((await rep.client.post(`/api/v1/renegotiations/${p.id}/accept`, {})).statusCode).toBe(403);

    await admin.client.patch(`/api/v1/commitments/${c.id}`, { status: 'done', version: 1 });
    expect((await admin.client.post(`/api/v1/renegotiations/${p.id}/accept`, {})).statusCode).toBe(422);
    expect((await admin.client.post(`/api/v1/renegotiations/${p.id}/decline`, {})).statusCode).toBe(200);
    const closed = await admin.client.post(`/api/v1/commitments/${c.id}/renegotiations`, { newDate: dayIn(TZ, 5), reason: 'Late' });
    expect(closed.statusCode).toBe(422);
  });
});
