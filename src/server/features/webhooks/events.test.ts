import { describe, expect, it } from 'vitest';
import { WEBHOOK_EVENT_TYPES } from '../../../shared/webhook-events.js';
import { Client, signUpWorkspace } from '../../test/factories.js';
import { testApp } from '../../test/harness.js';
import { useFixedClock } from '../../test/clock.js';
import { pastCall, record } from '../interactions/fixtures.js';
import { addCommitment, createContact, createDeal, createPlan, dayIn, shareLink } from '../plans/fixtures.js';

useFixedClock();
const { app, db } = await testApp({ WEBHOOKS_ALLOW_PRIVATE: 'true' });
const TZ = 'Europe/Paris';

/** What an endpoint subscribed to everything has queued, oldest first: [type, a fact of its data]. */
async function queued(endpointId: string) {
  const rows = await db.selectFrom('webhook_deliveries').select(['event_type', 'body']).where('endpoint_id', '=', endpointId).orderBy('id').execute();
  return rows.map((r) => ({ type: r.event_type, body: JSON.parse(r.body) as { id: string; type: string; data: Record<string, any> } }));
}

describe('webhook events, queued where they happen', () => {
  it('a deal’s life sends the events a sales team expects, each once, from the seller and the customer side', async () => {
    const admin = await signUpWorkspace(app, { timeZone: TZ });
    const ep = (await admin.client.post('/api/v1/webhook-endpoints', { url: 'http://127.0.0.1:9/all', events: [...WEBHOOK_EVENT_TYPES] })).data.endpoint;
    const deal = await createDeal(admin.client);
    const carla = await createContact(admin.client, deal.account.id, 'Carla Champion');
    const plan = await createPlan(admin.client, deal.id, { customerTimeZone: TZ });
    const seller = await addCommitment(admin.client, plan.id, { title: 'Security pack', dueDate: dayIn(TZ, 5) });
    const customer = await addCommitment(admin.client, plan.id, { side: 'customer', ownerContactId: carla.id, title: 'Questionnaire', dueDate: dayIn(TZ, 3) });
    const link = await shareLink(admin.client, plan.id);
    const guest = new Client(app);
    expect((await guest.get(link.api)).statusCode).toBe(200);
    expect((await guest.get(link.api)).statusCode).toBe(200); // a reload in the same sitting: no second "viewed"
    expect((await guest.post(`${link.api}/commitments/${customer.id}/state`, { done: true })).statusCode).toBe(200);
    expect((await guest.post(`${link.api}/commitments/${seller.id}/renegotiations`, { newDate: dayIn(TZ, 9), reason: 'Our CISO is away' })).statusCode).toBe(201);
    expect((await guest.post(`${link.api}/comments`, { body: 'Looks good to us' })).statusCode).toBe(201);
    const waiting = (await db.selectFrom('commitment_renegotiations').select('id').where('commitment_id', '=', seller.id).executeTakeFirstOrThrow()).id;
    expect((await admin.client.post(`/api/v1/renegotiations/${waiting}/accept`, {})).statusCode).toBe(200);
    const call = await pastCall(admin.client, deal.account.id, { opportunityId: deal.id });
    expect((await record(admin.client, call, { result: 'advanced', agreed: 'A pilot in Lyon' })).statusCode).toBe(200);
    const fresh = (await admin.client.get(`/api/v1/opportunities/${deal.id}`)).data;
    expect((await admin.client.patch(`/api/v1/opportunities/${deal.id}`, { status: 'won', version: fresh.version })).statusCode).toBe(200);

    const events = await queued(ep.id);
    expect(events.map((e) => e.type)).toEqual([
      'opportunity.created',
      'plan.created',
      'commitment.created',
      'commitment.created',
      'plan.shared',
      'plan.viewed_by_customer',
      'commitment.completed',
      'renegotiation.proposed',
      'plan.comment_added',
      'renegotiation.answered',
      'commitment.redated',
      'interaction.planned',
      'interaction.result_recorded',
      'opportunity.won',
    ]);
    const of = (type: string) => events.find((e) => e.type === type)!.body.data;
    expect(of('commitment.completed')).toMatchObject({ commitment: { id: customer.id, side: 'customer', status: 'done' }, by: { id: null, name: 'Carla Customer (customer)' } });
    expect(of('renegotiation.proposed').renegotiation).toMatchObject({ toDate: dayIn(TZ, 9), status: 'pending', requestedBy: { side: 'customer', name: 'Carla Customer' } });
    expect(of('renegotiation.answered').renegotiation).toMatchObject({ status: 'accepted', decidedBy: { side: 'seller' } });
    expect(of('commitment.redated')).toMatchObject({ commitment: { id: seller.id, dueDate: dayIn(TZ, 9) }, previousDueDate: dayIn(TZ, 5) });
    expect(of('plan.comment_added').comment).toMatchObject({ side: 'customer', body: 'Looks good to us' });
    expect(of('interaction.result_recorded').interaction).toMatchObject({ id: call.id, result: 'advanced', resultAgreed: 'A pilot in Lyon' });
    expect(of('opportunity.won')).toMatchObject({ opportunity: { id: deal.id, status: 'won' }, previousStatus: 'open' });
    // Every event id is distinct, and is the id in the body.
    expect(new Set(events.map((e) => e.body.id)).size).toBe(events.length);
  });

  it('sends only the events an endpoint chose; lost and walked away are their own events', async () => {
    const admin = await signUpWorkspace(app, { timeZone: TZ });
    const ep = (await admin.client.post('/api/v1/webhook-endpoints', { url: 'http://127.0.0.1:9/lost', events: ['opportunity.lost', 'opportunity.walked_away', 'opportunity.reopened'] })).data.endpoint;
    const deal = await createDeal(admin.client);
    let v = deal.version;
    const patch = async (body: Record<string, unknown>) => {
      const res = await admin.client.patch(`/api/v1/opportunities/${deal.id}`, { ...body, version: v });
      expect(res.statusCode).toBe(200);
      v = res.data.version;
    };
    await patch({ status: 'lost', closeReason: 'Budget frozen' });
    await patch({ status: 'open' });
    await patch({ status: 'walked_away', closeReason: 'No commitment to change' });
    const events = await queued(ep.id);
    expect(events.map((e) => [e.type, e.body.data.opportunity.closeReason])).toEqual([
      ['opportunity.lost', 'Budget frozen'],
      ['opportunity.reopened', null],
      ['opportunity.walked_away', 'No commitment to change'],
    ]);
  });
});
