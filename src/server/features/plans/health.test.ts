import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/harness.js';
import { signUpWorkspace } from '../../test/factories.js';
import { addCommitment, createPlan, dayIn } from './fixtures.js';
import { useFixedClock } from '../../test/clock.js';

useFixedClock(); // dates are judged against today: no midnight inside the run
const { app, db } = await testApp();
const TZ = 'Europe/Paris';

describe('plan health and length', () => {
  it('is on track, then at risk when a must-do is due soon, then stalled when something is a week overdue', async () => {
    const { client } = await signUpWorkspace(app, { timeZone: TZ });
    const plan = await createPlan(client, undefined, { status: 'active' });
    expect(plan.health).toEqual({ status: 'on_track', reasons: [] });
    expect(plan.length).toMatchObject({ level: 'ok', commitments: 0 });

    await addCommitment(client, plan.id, { title: 'Security review', mustDo: true, dueDate: dayIn(TZ, 1) });
    const atRisk = (await client.get(`/api/v1/plans/${plan.id}`)).data;
    expect(atRisk.health).toEqual({ status: 'at_risk', reasons: ['Must-do “Security review” is due tomorrow'] });

    await addCommitment(client, plan.id, { title: 'Pricing proposal', dueDate: dayIn(TZ, -8) });
    const stalled = (await client.get(`/api/v1/plans/${plan.id}`)).data;
    expect(stalled.health.status).toBe('stalled');
    expect(stalled.health.reasons[0]).toBe('“Pricing proposal” is 8 days overdue');
    expect((await client.get('/api/v1/plans')).data.data[0].health.status).toBe('stalled');

    const done = await client.patch(`/api/v1/plans/${plan.id}`, { status: 'completed', version: 1 });
    expect(done.data.health).toBeNull();
  });

  it('calls a plan stalled after 14 days without activity', async () => {
    const { client } = await signUpWorkspace(app, { timeZone: TZ });
    const plan = await createPlan(client, undefined, { status: 'active' });
    await addCommitment(client, plan.id, { dueDate: dayIn(TZ, 30) });
    const quiet = new Date(Date.now() - 15 * 86_400_000).toISOString();
    await db.updateTable('plans').set({ last_activity_at: quiet }).where('id', '=', plan.id).execute();
    const res = (await client.get(`/api/v1/plans/${plan.id}`)).data;
    expect(res.health).toEqual({ status: 'stalled', reasons: ['No activity for 15 days'] });
    expect(res.lastActivityAt).toBe(quiet);
  });

  it('warns when a plan grows past 20 commitments, not counting dropped ones', async () => {
    const { client } = await signUpWorkspace(app, { timeZone: TZ });
    const plan = await createPlan(client);
    const added = [];
    for (let i = 0; i < 21; i++) added.push(await addCommitment(client, plan.id, { dueDate: dayIn(TZ, 20) }));
    const long = (await client.get(`/api/v1/plans/${plan.id}`)).data;
    expect(long.length).toMatchObject({ level: 'warn', commitments: 21 });
    expect(long.length.message).toContain('6–20');
    await client.patch(`/api/v1/commitments/${added[0].id}`, { status: 'dropped', dropReason: 'Duplicate', version: 1 });
    expect((await client.get(`/api/v1/plans/${plan.id}`)).data.length).toMatchObject({ level: 'ok', commitments: 20 });
  });
});
