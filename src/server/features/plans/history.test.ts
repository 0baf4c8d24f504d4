import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/harness.js';
import { addMember, Client, signUpWorkspace } from '../../test/factories.js';
import { useFixedClock } from '../../test/clock.js';
import { addCommitment, addMilestone, createPlan, dayIn, shareLink } from './fixtures.js';

useFixedClock(); // dates are judged against today: no midnight inside the run
const { app } = await testApp();
const TZ = 'UTC';

type Event = { id: string; actor: { id: string | null; name: string }; entityType: string; entityId: string; action: string; changes: Record<string, { before: unknown; after: unknown }>; about: string | null };

/** Every page of the plan's history, `limit` at a time, following nextCursor. */
async function allHistory(client: Client, planId: string, limit: number): Promise<{ events: Event[]; pages: number }> {
  const events: Event[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res: { statusCode: number; data: { data: Event[]; nextCursor: string | null } } = await client.get(`/api/v1/plans/${planId}/history?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.statusCode).toBe(200);
    events.push(...res.data.data);
    cursor = res.data.nextCursor;
    pages += 1;
  } while (cursor);
  return { events, pages };
}

describe('a plan’s history', () => {
  it('lists everything done on the plan and its parts — the customer’s actions under their name — newest first, page by page', async () => {
    const { client: rep, me } = await signUpWorkspace(app, { timeZone: TZ, name: 'Rosa Rep' });
    const plan = await createPlan(rep, undefined, { title: 'Pilot plan' });
    const ok = async (res: Promise<{ statusCode: number; data: { version?: number } }>, status = 200) => {
      const r = await res;
      expect(r.statusCode).toBe(status);
      return r.data;
    };

    // The plan: renamed, made active.
    await ok(rep.patch(`/api/v1/plans/${plan.id}`, { title: 'Pilot to purchase', status: 'active', version: 1 }));
    // A milestone: added, renamed, removed.
    const milestone = await addMilestone(rep, plan.id, 'Security review');
    await ok(rep.patch(`/api/v1/milestones/${milestone.id}`, { title: 'Security sign-off', version: milestone.version }));
    await ok(rep.post(`/api/v1/milestones/${milestone.id}/archive`, { version: milestone.version + 1 }));
    // A seller-side commitment: added, ticked done, reopened, re-dated (their own word: applies at once), dropped.
    const ours = await addCommitment(rep, plan.id, { title: 'Send the pilot scope', dueDate: dayIn(TZ, 5) });
    const done = await ok(rep.patch(`/api/v1/commitments/${ours.id}`, { status: 'done', version: ours.version }));
    await ok(rep.patch(`/api/v1/commitments/${ours.id}`, { status: 'open', version: done.version }));
    const redated = (await ok(rep.post(`/api/v1/commitments/${ours.id}/renegotiations`, { newDate: dayIn(TZ, 9), reason: 'Legal needs a week' }), 201)) as { commitment: { version: number } };
    await ok(rep.patch(`/api/v1/commitments/${ours.id}`, { status: 'dropped', dropReason: 'Folded into the kickoff', version: redated.commitment.version }));
    // A customer-side commitment, and a share link through which the customer acts.
    const theirs = await addCommitment(rep, plan.id, { side: 'customer', ownerName: 'Carla Customer', title: 'Provide test accounts', dueDate: dayIn(TZ, 4) });
    const { link, api } = await shareLink(rep, plan.id, { recipientName: 'Carla Customer' });
    const customer = new Client(app);
    const asked = (await ok(customer.post(`${api}/commitments/${theirs.id}/renegotiations`, { newDate: dayIn(TZ, 12), reason: 'IT is away' }), 201)) as { renegotiations: { id: string }[] };
    await ok(rep.post(`/api/v1/renegotiations/${asked.renegotiations.at(-1)!.id}/decline`, { note: 'We need it sooner' }));
    await ok(customer.post(`${api}/commitments/${theirs.id}/state`, { done: true }));
    await ok(customer.post(`${api}/comments`, { body: 'Accounts are on their way' }), 201);
    await ok(rep.post(`/api/v1/plans/${plan.id}/comments`, { body: 'Thanks!' }), 201);
    await ok(rep.post(`/api/v1/share-links/${link.id}/revoke`, {}));

    const { events, pages } = await allHistory(rep, plan.id, 4);
    expect(pages).toBeGreaterThan(4);
    // Newest first, no event twice across pages, and the same as one big page.
    expect(events.map((e) => e.id)).toEqual([...events.map((e) => e.id)].sort().reverse());
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect((await rep.get(`/api/v1/plans/${plan.id}/history?limit=200`)).data.data.map((e: Event) => e.id)).toEqual(events.map((e) => e.id));

    const line = (e: Event) => `${e.actor.name} · ${e.entityType} ${e.action}${e.about ? ` · ${e.about}` : ''}`;
    expect(events.map(line).reverse()).toEqual([
      'Rosa Rep · plan create',
      'Rosa Rep · plan update',
      'Rosa Rep · milestone create · Security sign-off',
      'Rosa Rep · milestone update · Security sign-off',
      'Rosa Rep · milestone archive · Security sign-off',
      'Rosa Rep · commitment create · Send the pilot scope',
      'Rosa Rep · commitment update · Send the pilot scope',
      'Rosa Rep · commitment update · Send the pilot scope',
      'Rosa Rep · renegotiation create · Send the pilot scope',
      'Rosa Rep · commitment update · Send the pilot scope',
      'Rosa Rep · commitment update · Send the pilot scope',
      'Rosa Rep · commitment create · Provide test accounts',
      'Rosa Rep · share_link create · Carla Customer',
      'Carla Customer (customer) · renegotiation create · Provide test accounts',
      'Rosa Rep · renegotiation update · Provide test accounts',
      'Carla Customer (customer) · commitment update · Provide test accounts',
      'Carla Customer (customer) · comment create',
      'Rosa Rep · comment create',
      'Rosa Rep · share_link revoke · Carla Customer',
    ]);
    const first = events.at(-2)!;
    expect(first.changes).toEqual({ title: { before: 'Pilot plan', after: 'Pilot to purchase' }, status: { before: 'draft', after: 'active' } });
    expect(first.actor.id).toBe(me.user.id);
    const dateMove = events.find((e) => e.entityType === 'commitment' && e.action === 'update' && e.changes.dueDate)!;
    expect(dateMove.changes.dueDate).toEqual({ before: dayIn(TZ, 5), after: dayIn(TZ, 9) });
    expect(events.find((e) => e.entityType === 'comment' && e.actor.id === null)!.changes.body).toEqual({ before: null, after: 'Accounts are on their way' });
  });

  it('is read like the plan: anyone of its workspace, nobody outside it, nobody signed out', async () => {
    const admin = await signUpWorkspace(app, { timeZone: TZ });
    const owner = await addMember(app, admin.client, { role: 'rep' });
    const colleague = await addMember(app, admin.client, { role: 'rep' });
    const plan = await createPlan(owner.client);
    const url = `/api/v1/plans/${plan.id}/history`;

    // A rep who does not own the plan reads it, and so its history: the same answer as the owner's.
    expect((await colleague.client.get(`/api/v1/plans/${plan.id}`)).statusCode).toBe(200);
    const theirs = await colleague.client.get(url);
    expect(theirs.statusCode).toBe(200);
    expect(theirs.data).toEqual((await owner.client.get(url)).data);

    // Another workspace cannot see the plan: its history answers 404 as the plan does, not 403.
    const stranger = await signUpWorkspace(app, { timeZone: TZ });
    expect((await stranger.client.get(`/api/v1/plans/${plan.id}`)).statusCode).toBe(404);
    const outside = await stranger.client.get(url);
    expect(outside.statusCode).toBe(404);
    expect(outside.data.error.code).toBe('not_found');
    expect((await new Client(app).get(url)).statusCode).toBe(401);
    // A cursor that was not made by the server is refused, with the field named.
    const bad = await owner.client.get(`${url}?cursor=not-a-cursor`);
    expect(bad.statusCode).toBe(400);
    expect(bad.data.error.code).toBe('invalid_cursor');
  });
});
