import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/harness.js';
import { addMember, Client, signUpWorkspace } from '../../test/factories.js';
import { addCommitment, addMilestone, createContact, createDeal, createPlan, dayIn, shareLink } from './fixtures.js';
import { useFixedClock } from '../../test/clock.js';

useFixedClock(); // dates are judged against today: no midnight inside the run
const { app } = await testApp();
const TZ = 'Europe/Paris';

/** A rep's plan with a milestone, one commitment of each kind, and a link for the customer. */
async function sharedPlan() {
  const admin = await signUpWorkspace(app, { timeZone: TZ });
  const rep = await addMember(app, admin.client, { role: 'rep', name: 'Rita Rep', timeZone: TZ });
  const deal = await createDeal(rep.client);
  const carla = await createContact(rep.client, deal.account.id, 'Carla Champion');
  const plan = await createPlan(rep.client, deal.id, { whyItMatters: 'Churn', costOfInaction: 'SECRET-COST', customerTimeZone: TZ });
  const milestone = await addMilestone(rep.client, plan.id, 'Validate');
  const seller = await addCommitment(rep.client, plan.id, { title: 'Security pack', dueDate: dayIn(TZ, 5), milestoneId: milestone.id });
  const internal = await addCommitment(rep.client, plan.id, { title: 'SECRET-DISCOUNT', internalOnly: true, dueDate: dayIn(TZ, 5) });
  const customer = await addCommitment(rep.client, plan.id, { side: 'customer', ownerContactId: carla.id, title: 'Questionnaire', dueDate: dayIn(TZ, 3), mustDo: true });
  const link = await shareLink(rep.client, plan.id);
  return { admin, rep, deal, plan, milestone, seller, internal, customer, ...link, guest: new Client(app) };
}

describe('the customer’s shared plan', () => {
  it('shows the outcome, milestones and both sides’ commitments, nothing internal and nothing else of the workspace', async () => {
    const s = await sharedPlan();
    const res = await s.guest.get(s.api);
    expect(res.statusCode).toBe(200);
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-robots-tag']).toBe('noindex');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(Object.keys(res.data).sort()).toEqual(['agreedOutcome', 'comments', 'commitments', 'milestones', 'recipient', 'sellerContact', 'startDate', 'status', 'targetDate', 'timeZone', 'title', 'whyItMatters']);
    expect(res.data).toMatchObject({ title: s.plan.title, whyItMatters: 'Churn', sellerContact: { name: 'Rita Rep' }, recipient: { name: 'Carla Customer' }, milestones: [{ id: s.milestone.id, title: 'Validate' }] });
    expect(res.data.commitments.map((c: { title: string; canTick: boolean }) => [c.title, c.canTick])).toEqual([
      ['Security pack', false],
      ['Questionnaire', true],
    ]);
    expect(Object.keys(res.data.commitments[1]).sort()).toEqual(
      ['awaitingAnswer', 'canTick', 'detail', 'doneAt', 'dueDate', 'earliestNewDate', 'id', 'milestoneId', 'mustDo', 'originalDueDate', 'ownerName', 'renegotiations', 'role', 'side', 'state', 'status', 'title'].sort(),
    );
    for (const secret of ['SECRET-COST', 'SECRET-DISCOUNT', s.internal.id, s.deal.name, s.deal.account.name, s.rep.me.user.id, s.rep.email, s.admin.me.workspace.name, 'carla@customer.example']) {
      expect(res.body).not.toContain(secret);
    }
    const missing = await s.guest.get(`/api/v1/shared/${'x'.repeat(43)}`);
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['referrer-policy']).toBe('no-referrer');
    expect(missing.headers['cache-control']).toBe('no-store');
  });

  it('lets the customer tick their own commitments, safely retried; the rep is told once', async () => {
    const s = await sharedPlan();
    const first = await s.guest.post(`${s.api}/commitments/${s.customer.id}/state`, { done: true });
    expect(first.statusCode).toBe(200);
    expect(first.data).toMatchObject({ id: s.customer.id, status: 'done', state: 'done' });
    const again = await s.guest.post(`${s.api}/commitments/${s.customer.id}/state`, { done: true });
    expect(again.data.doneAt).toBe(first.data.doneAt);
    expect((await s.rep.client.get(`/api/v1/commitments/${s.customer.id}`)).data).toMatchObject({ status: 'done', outcome: 'kept_on_time', version: 2 });

    const notes = (await s.rep.client.get('/api/v1/notifications')).data;
    expect(notes.unreadCount).toBe(1);
    expect(notes.data[0]).toMatchObject({ kind: 'customer_ticked', text: 'Carla Customer marked “Questionnaire” done.', plan: { id: s.plan.id, title: s.plan.title }, readAt: null });
    expect((await s.admin.client.get('/api/v1/notifications')).data.data).toEqual([]);
    const history = (await s.rep.client.get(`/api/v1/plans/${s.plan.id}/history`)).data.data;
    expect(history[0]).toMatchObject({ entityId: s.customer.id, actor: { id: null, name: 'Carla Customer (customer)' }, changes: { status: { before: 'open', after: 'done' } } });

    const undone = await s.guest.post(`${s.api}/commitments/${s.customer.id}/state`, { done: false });
    expect(undone.data).toMatchObject({ status: 'open', doneAt: null });
  });

  it('keeps seller-side, internal and other plans’ commitments out of the customer’s reach', async () => {
    const s = await sharedPlan();
    const otherPlan = await createPlan(s.rep.client);
    const elsewhere = await addCommitment(s.rep.client, otherPlan.id, { side: 'customer', ownerName: 'Someone' });
    const attempts = [
      s.guest.post(`${s.api}/commitments/${s.seller.id}/state`, { done: true }),
      s.guest.post(`${s.api}/commitments/${s.internal.id}/state`, { done: true }),
      s.guest.post(`${s.api}/commitments/${elsewhere.id}/state`, { done: true }),
      s.guest.post(`${s.api}/commitments/${s.internal.id}/renegotiations`, { newDate: dayIn(TZ, 9), reason: 'x' }),
      s.guest.post(`${s.api}/commitments/${elsewhere.id}/renegotiations`, { newDate: dayIn(TZ, 9), reason: 'x' }),
    ];
    for (const res of await Promise.all(attempts)) expect(res.statusCode).toBe(404);
    expect((await s.rep.client.get(`/api/v1/commitments/${s.seller.id}`)).data.status).toBe('open');
    // The token opens nothing but its plan: no session, no other route.
    for (const url of ['/api/v1/plans', `/api/v1/plans/${s.plan.id}`, '/api/v1/session', '/api/v1/today']) {
      expect((await s.guest.get(url, { authorization: `Bearer ${s.token}` })).statusCode).toBe(401);
    }
    await s.rep.client.patch(`/api/v1/commitments/${s.customer.id}`, { status: 'dropped', dropReason: 'Not needed', version: 1 });
    expect((await s.guest.post(`${s.api}/commitments/${s.customer.id}/state`, { done: true })).statusCode).toBe(422);
  });

  it('lets the customer propose a new date for any visible commitment; it waits for the seller side', async () => {
    const s = await sharedPlan();
    const res = await s.guest.post(`${s.api}/commitments/${s.seller.id}/renegotiations`, { newDate: dayIn(TZ, 12), reason: 'Our CISO is away' });
    expect(res.statusCode).toBe(201);
    expect(res.data).toMatchObject({ dueDate: dayIn(TZ, 5), awaitingAnswer: true });
    expect(res.data.renegotiations[0]).toMatchObject({ status: 'pending', requestedBy: { side: 'customer', name: 'Carla Customer' }, canAnswer: false });

    const today = (await s.rep.client.get('/api/v1/today')).data;
    expect(today.waitingForAnswer.map((w: { commitment: { id: string } }) => w.commitment.id)).toEqual([s.seller.id]);
    const note = (await s.rep.client.get('/api/v1/notifications')).data.data[0];
    expect(note).toMatchObject({
      kind: 'customer_proposed_date',
      actorName: 'Carla Customer',
      data: { commitmentTitle: 'Security pack', date: dayIn(TZ, 12), previousDate: dayIn(TZ, 5), reason: 'Our CISO is away' },
      text: `Carla Customer proposed ${dayIn(TZ, 12)} instead of ${dayIn(TZ, 5)} for “Security pack”: Our CISO is away`,
    });

    const accepted = await s.rep.client.post(`/api/v1/renegotiations/${today.waitingForAnswer[0].renegotiation.id}/accept`, {});
    expect(accepted.data.commitment.dueDate).toBe(dayIn(TZ, 12));
    expect((await s.guest.get(s.api)).data.commitments[0]).toMatchObject({ dueDate: dayIn(TZ, 12), originalDueDate: dayIn(TZ, 5), awaitingAnswer: false });
  });

  it('lets the customer answer a date the seller side proposed for their commitment', async () => {
    const s = await sharedPlan();
    const proposed = (await s.rep.client.post(`/api/v1/commitments/${s.customer.id}/renegotiations`, { newDate: dayIn(TZ, 8), reason: 'Give you more time' })).data.renegotiation;
    const seen = (await s.guest.get(s.api)).data.commitments.find((c: { id: string }) => c.id === s.customer.id);
    expect(seen.renegotiations[0]).toMatchObject({ id: proposed.id, status: 'pending', canAnswer: true });
    const accepted = await s.guest.post(`${s.api}/renegotiations/${proposed.id}/accept`);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.data).toMatchObject({ dueDate: dayIn(TZ, 8), awaitingAnswer: false });
    expect((await s.guest.post(`${s.api}/renegotiations/${proposed.id}/decline`)).statusCode).toBe(422);

    const mine = (await s.guest.post(`${s.api}/commitments/${s.customer.id}/renegotiations`, { newDate: dayIn(TZ, 9), reason: 'x' })).data.renegotiations[1];
    expect((await s.guest.post(`${s.api}/renegotiations/${mine.id}/accept`)).statusCode).toBe(422);
    const other = await sharedPlan();
    const foreign = (await other.rep.client.post(`/api/v1/commitments/${other.customer.id}/renegotiations`, { newDate: dayIn(TZ, 8), reason: 'x' })).data.renegotiation;
    expect((await s.guest.post(`${s.api}/renegotiations/${foreign.id}/accept`)).statusCode).toBe(404);
  });

  it('carries a conversation both ways, and lets the customer take on a commitment of their own', async () => {
    const s = await sharedPlan();
    const comment = await s.guest.post(`${s.api}/comments`, { body: 'Can we add a training session?' });
    expect(comment.statusCode).toBe(201);
    expect(comment.data).toMatchObject({ authorSide: 'customer', authorName: 'Carla Customer', body: 'Can we add a training session?' });
    await s.rep.client.post(`/api/v1/plans/${s.plan.id}/comments`, { body: 'Yes, added.' });
    expect((await s.guest.get(s.api)).data.comments.map((c: { authorName: string; body: string }) => `${c.authorName}: ${c.body}`)).toEqual([
      'Carla Customer: Can we add a training session?',
      'Rita Rep: Yes, added.',
    ]);

    const added = await s.guest.post(`${s.api}/commitments`, { title: 'Book the training room', dueDate: dayIn(TZ, 10), milestoneId: s.milestone.id });
    expect(added.statusCode).toBe(201);
    expect(added.data).toMatchObject({ side: 'customer', ownerName: 'Carla Customer', canTick: true, milestoneId: s.milestone.id });
    expect((await s.guest.post(`${s.api}/commitments`, { title: 'x', dueDate: dayIn(TZ, 1), side: 'seller', internalOnly: true })).statusCode).toBe(400);
    const inApp = (await s.rep.client.get(`/api/v1/commitments/${added.data.id}`)).data;
    expect(inApp).toMatchObject({ side: 'customer', owner: { kind: 'person', name: 'Carla Customer', email: 'carla@customer.example' }, internalOnly: false });

    // A comment then a commitment within minutes, through one link: one grouped notification.
    const notes = (await s.rep.client.get('/api/v1/notifications')).data.data.map((n: { kind: string; count: number }) => [n.kind, n.count]);
    expect(notes).toEqual([['customer_activity', 2]]);
  });
});
