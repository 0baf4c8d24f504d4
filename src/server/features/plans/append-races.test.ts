import { describe, expect, it } from 'vitest';
import { isPostgres, testApp } from '../../test/harness.js';
import { Client, createAccount, signUpWorkspace } from '../../test/factories.js';
import { useFixedClock } from '../../test/clock.js';
import { addMilestone, createPlan, dayIn, readLayout, shareLink } from './fixtures.js';

/**
 * Many rows added to the end of one list at the same moment: each takes the place after the last
 * one, read in its own transaction. On PostgreSQL those transactions run side by side, where two of
 * them once read the same last place and both took the next (the customer adding commitments
 * through their link while the seller added theirs). SQLite runs one write at a time; the same
 * checks run there too.
 */
useFixedClock(); // due dates are judged against today: no midnight inside the run
const { app, db } = await testApp();
const TZ = 'Europe/Paris';
const ENGINE = isPostgres() ? 'PostgreSQL' : 'SQLite';
const AT_ONCE = 24;

const positionsOf = async (table: 'commitments' | 'plan_milestones', column: 'plan_id' | 'subject_id', id: string) =>
  (await db.selectFrom(table).select('position').where(column, '=', id).orderBy('position').execute()).map((r) => r.position);

/** 0..n-1: every place taken once, none skipped. */
const places = (n: number) => Array.from({ length: n }, (_, i) => i);

describe(`adding to one plan at the same moment (${ENGINE})`, () => {
  it(`customers through their link and sellers, ${AT_ONCE} commitments at once: each in a place of its own, the plan in one order`, async () => {
    const admin = await signUpWorkspace(app, { timeZone: TZ });
    const plan = await createPlan(admin.client);
    const link = await shareLink(admin.client, plan.id);
    const guest = new Client(app);
    const sent = await Promise.all(
      places(AT_ONCE).map((i) =>
        i % 2 === 0
          ? guest.post(`${link.api}/commitments`, { title: `Customer step ${i}`, dueDate: dayIn(TZ, 10) })
          : admin.client.post(`/api/v1/plans/${plan.id}/commitments`, { side: 'seller', title: `Seller step ${i}`, dueDate: dayIn(TZ, 10) }),
      ),
    );
    for (const res of sent) expect(res.statusCode, res.body).toBe(201);

    expect(await positionsOf('commitments', 'plan_id', plan.id)).toEqual(places(AT_ONCE));
    // The plan page lists them by place, each once; read again, and through the link, the same order.
    const page = (await admin.client.get(`/api/v1/plans/${plan.id}`)).data;
    const shown: { id: string; position: number }[] = page.commitments;
    expect(shown.map((c) => c.position)).toEqual(places(AT_ONCE));
    expect((await admin.client.get(`/api/v1/plans/${plan.id}`)).data.commitments.map((c: { id: string }) => c.id)).toEqual(shown.map((c) => c.id));
    const shared = (await guest.get(link.api)).data;
    expect(shared.commitments.map((c: { id: string }) => c.id)).toEqual(shown.map((c) => c.id));
    // Laying the plan out as it is shown moves nothing: no two commitments shared a place.
    const basis = await readLayout(admin.client, plan.id);
    const same = await admin.client.post(`/api/v1/plans/${plan.id}/layout`, { milestones: basis, basis });
    expect(same.statusCode, same.body).toBe(200);
    expect(same.data.version).toBe(page.version);
    expect(await positionsOf('commitments', 'plan_id', plan.id)).toEqual(places(AT_ONCE));
  });

  it('milestones added, and one restored, at once: each in a place of its own', async () => {
    const admin = await signUpWorkspace(app, { timeZone: TZ });
    const plan = await createPlan(admin.client);
    const archived = await addMilestone(admin.client, plan.id, 'Pilot');
    const off = await admin.client.post(`/api/v1/milestones/${archived.id}/archive`, { version: archived.version });
    expect(off.statusCode, off.body).toBe(200);
    const sent = await Promise.all([
      ...places(AT_ONCE - 1).map((i) => admin.client.post(`/api/v1/plans/${plan.id}/milestones`, { title: `Milestone ${i}` })),
      admin.client.post(`/api/v1/milestones/${archived.id}/restore`, { version: off.data.version }),
    ]);
    for (const res of sent) expect(res.statusCode, res.body).toBeLessThan(300);
    // The archived one kept its old place 0 while it was off the plan; restored, it took a new one at the end.
    const active = await db.selectFrom('plan_milestones').select('position').where('plan_id', '=', plan.id).where('archived_at', 'is', null).orderBy('position').execute();
    const positions = active.map((m) => m.position);
    expect(positions).toHaveLength(AT_ONCE);
    expect(new Set(positions).size).toBe(AT_ONCE);
    const page = (await admin.client.get(`/api/v1/plans/${plan.id}`)).data;
    expect(page.milestones.map((m: { position: number }) => m.position)).toEqual(positions);
  });

  it(`an objective's tasks, ${AT_ONCE} at once: each in a place of its own`, async () => {
    const admin = await signUpWorkspace(app, { timeZone: TZ });
    const account = await createAccount(admin.client);
    const objective = await admin.client.post(`/api/v1/accounts/${account.id}/objectives`, {
      title: 'Become their analytics platform',
      kind: 'new_region',
      clientGoal: 'Cut reporting time in half',
      target: { amountMinor: 30_000_000, currency: 'EUR' },
      targetDate: dayIn(TZ, 180),
    });
    expect(objective.statusCode, objective.body).toBe(201);
    const sent = await Promise.all(places(AT_ONCE).map((i) => admin.client.post(`/api/v1/objectives/${objective.data.id}/tasks`, { title: `Task ${i}`, dueDate: dayIn(TZ, 7) })));
    for (const res of sent) expect(res.statusCode, res.body).toBe(201);
    expect(await positionsOf('commitments', 'subject_id', objective.data.id)).toEqual(places(AT_ONCE));
  });
});
