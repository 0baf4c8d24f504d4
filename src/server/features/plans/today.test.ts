import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/harness.js';
import { addMember, signUpWorkspace } from '../../test/factories.js';
import { addCommitment, createPlan, customerProposes, dayIn } from './fixtures.js';
import { useFixedClock } from '../../test/clock.js';

useFixedClock(); // dates are judged against today: no midnight inside the run
const { app } = await testApp();
const TZ = 'America/Los_Angeles';

const titles = (items: { commitment: { title: string } }[]) => items.map((i) => i.commitment.title);

describe('Today', () => {
  it('lists the rep’s own open seller-side commitments by when they are due, in their time zone', async () => {
    const admin = await signUpWorkspace(app, { timeZone: 'Europe/Paris' });
    const rep = await addMember(app, admin.client, { role: 'rep', timeZone: TZ });
    const plan = await createPlan(rep.client);
    const closed = await createPlan(rep.client);
    const add = (title: string, days: number, extra: Record<string, unknown> = {}) => addCommitment(rep.client, plan.id, { title, dueDate: dayIn(TZ, days), ...extra });
    await add('Next month', 30);
    await add('In three days', 3);
    await add('Today', 0);
    await add('Day after tomorrow', 2);
    await add('Long overdue', -9);
    await add('Overdue', -2);
    const done = await add('Done already', 0);
    await rep.client.patch(`/api/v1/commitments/${done.id}`, { status: 'done', version: 1 });
    await add('Customer’s job', 0, { side: 'customer', ownerName: 'Carla' });
    await addCommitment(admin.client, plan.id, { title: 'Admin’s own', dueDate: dayIn(TZ, 0) });
    await addCommitment(rep.client, closed.id, { title: 'On a completed plan', dueDate: dayIn(TZ, 0) });
    await rep.client.patch(`/api/v1/plans/${closed.id}`, { status: 'completed', version: 1 });

    const res = await rep.client.get('/api/v1/today');
    expect(res.statusCode).toBe(200);
    expect(res.data).toMatchObject({ date: dayIn(TZ, 0), timeZone: TZ });
    // The server runs on the file's fixed clock: 10:30 UTC on June 10 is 03:30 on June 10 in Los Angeles.
    expect(res.data.date).toBe('2026-06-10');
    expect(res.data.view).toBe('mine');
    // Each commitment is listed once: those to confirm or re-date are not repeated below.
    expect(titles(res.data.confirmOrRedate)).toEqual(['Today', 'Day after tomorrow']);
    expect(titles(res.data.dueToday)).toEqual([]);
    expect(titles(res.data.overdue)).toEqual(['Long overdue', 'Overdue']);
    expect(titles(res.data.next7Days)).toEqual(['In three days']);
    const listed = [...res.data.confirmOrRedate, ...res.data.dueToday, ...res.data.overdue, ...res.data.next7Days].map((i: { commitment: { id: string } }) => i.commitment.id);
    expect(new Set(listed).size).toBe(listed.length);
    expect(res.data.confirmOrRedate[0].plan).toMatchObject({ id: plan.id, title: plan.title, opportunity: { id: plan.opportunity.id } });
    expect(res.data.overdue[0].commitment).toMatchObject({ state: 'missed', permissions: { canEdit: true } });
    expect(res.data.waitingForAnswer).toEqual([]);
  });

  it('shows new dates the customer proposed that wait for this rep’s answer, and stops asking to confirm those', async () => {
    const admin = await signUpWorkspace(app, { timeZone: TZ });
    const rep = await addMember(app, admin.client, { role: 'rep', timeZone: TZ });
    const plan = await createPlan(rep.client);
    const mine = await addCommitment(rep.client, plan.id, { title: 'Demo for IT', dueDate: dayIn(TZ, 1) });
    const theirs = await addCommitment(rep.client, plan.id, { title: 'Legal review', side: 'customer', ownerName: 'Carla', dueDate: dayIn(TZ, 3) });
    const p1 = await customerProposes(rep.client, plan.id, mine.id, dayIn(TZ, 5), 'Our IT lead is out');
    const p2 = await customerProposes(rep.client, plan.id, theirs.id, dayIn(TZ, 10));

    const res = (await rep.client.get('/api/v1/today')).data;
    expect(titles(res.next7Days)).toEqual(['Demo for IT']);
    expect(res.confirmOrRedate).toEqual([]);
    expect(res.waitingForAnswer.map((w: { renegotiation: { id: string } }) => w.renegotiation.id)).toEqual([p1.id, p2.id]);
    expect(res.waitingForAnswer[0]).toMatchObject({
      plan: { id: plan.id },
      commitment: { id: mine.id, awaitingAnswer: true },
      renegotiation: { reason: 'Our IT lead is out', status: 'pending', permissions: { canAnswer: true } },
    });

    // Nobody else is asked; once answered, it leaves the list.
    expect((await admin.client.get('/api/v1/today')).data.waitingForAnswer).toEqual([]);
    await rep.client.post(`/api/v1/renegotiations/${p1.id}/accept`, {});
    const after = (await rep.client.get('/api/v1/today')).data;
    expect(after.waitingForAnswer.map((w: { renegotiation: { id: string } }) => w.renegotiation.id)).toEqual([p2.id]);
    expect(titles(after.next7Days)).toEqual(['Demo for IT']);
    expect(after.next7Days[0].commitment.dueDate).toBe(dayIn(TZ, 5));
  });
});
