import { describe, expect, it } from 'vitest';
import { addDays } from '../../../domain/dates.js';
import { testApp } from '../../test/harness.js';
import { Client, signUpWorkspace, type Res } from '../../test/factories.js';
import { Scope } from '../../core/scope.js';
import { addCommitment, createContact, createDeal, createPlan, shareLink } from './fixtures.js';
import { notifyPlanOwner } from './notifications.js';

/**
 * Two writers on one commitment at the same moment: the seller editing it (with the version they
 * read) and the customer acting through their link. On PostgreSQL the two transactions really run
 * side by side (the harness pool holds several connections); SQLite serialises them. Either way,
 * no write may be lost: both apply (version +2) or exactly one is refused with 409, and the row
 * holds exactly what was acknowledged.
 */
const { app, db } = await testApp();
const ROUNDS = 100;

async function setup() {
  const admin = await signUpWorkspace(app, { timeZone: 'Europe/Paris' });
  const deal = await createDeal(admin.client);
  const carla = await createContact(admin.client, deal.account.id);
  const plan = await createPlan(admin.client, deal.id);
  const commitment = await addCommitment(admin.client, plan.id, { side: 'customer', ownerContactId: carla.id, title: 'Questionnaire', dueDate: '2030-01-15' });
  const link = await shareLink(admin.client, plan.id);
  return { seller: admin.client, guest: new Client(app), commitmentId: commitment.id as string, api: link.api, planId: plan.id as string, linkId: link.link.id as string, workspaceId: admin.me.workspace.id as string };
}

const row = (id: string) => db.selectFrom('commitments').select(['version', 'title', 'status', 'due_date']).where('id', '=', id).executeTakeFirstOrThrow();

type Tally = { both: number; sellerRefused: number; otherRefused: number };

/** One round's outcome, checked against what each side was told. */
function judge(seller: Res, other: Res, before: number, after: number, tally: Tally): void {
  const codes = [seller.statusCode, other.statusCode].sort();
  if (codes[0] === 200 && codes[1] === 200) {
    tally.both += 1;
    expect(after).toBe(before + 2);
  } else {
    expect(codes, `${seller.body} / ${other.body}`).toEqual([200, 409]);
    const refused = seller.statusCode === 409 ? seller : other;
    expect(refused.data.error).toMatchObject({ code: 'version_conflict', current: { id: expect.any(String) } });
    if (seller.statusCode === 409) tally.sellerRefused += 1;
    else tally.otherRefused += 1;
    expect(after).toBe(before + 1);
  }
}

describe('writers racing on one commitment', () => {
  it(`a seller's edit and the customer's tick: ${ROUNDS} rounds, none lost`, async () => {
    const s = await setup();
    const tally: Tally = { both: 0, sellerRefused: 0, otherRefused: 0 };
    for (let i = 0; i < ROUNDS; i++) {
      const before = await row(s.commitmentId);
      const title = `Questionnaire ${i}`;
      const done = before.status !== 'done';
      const [seller, guest] = await Promise.all([
        s.seller.patch(`/api/v1/commitments/${s.commitmentId}`, { title, version: before.version }),
        s.guest.post(`${s.api}/commitments/${s.commitmentId}/state`, { done }),
      ]);
      const after = await row(s.commitmentId);
      judge(seller, guest, before.version, after.version, tally);
      // The row holds every acknowledged write and nothing that was refused.
      expect(after.title).toBe(seller.statusCode === 200 ? title : before.title);
      expect(after.status).toBe(guest.statusCode === 200 ? (done ? 'done' : 'open') : before.status);
    }
    expect(tally.both + tally.sellerRefused + tally.otherRefused).toBe(ROUNDS);
    console.info(`edit vs tick, ${ROUNDS} rounds: ${JSON.stringify(tally)}`);
    // A stale version is refused afterwards too: nobody overwrites the customer's tick unseen.
    const stale = await s.seller.patch(`/api/v1/commitments/${s.commitmentId}`, { title: 'Late', version: (await row(s.commitmentId)).version - 1 });
    expect(stale.statusCode).toBe(409);
  });

  it(`the customer accepting a new date and a seller's edit: ${ROUNDS} rounds, none lost`, async () => {
    const s = await setup();
    const tally: Tally = { both: 0, sellerRefused: 0, otherRefused: 0 };
    for (let i = 0; i < ROUNDS; i++) {
      const current = await row(s.commitmentId);
      const newDate = addDays('2030-01-15', (i % 2) + 1 + (i % 3 === 0 ? 10 : 0));
      const date = newDate === current.due_date ? addDays(newDate, 1) : newDate;
      const proposed = await s.seller.post(`/api/v1/commitments/${s.commitmentId}/renegotiations`, { newDate: date, reason: 'Their legal review moved' });
      expect(proposed.statusCode, proposed.body).toBe(201);
      const renegotiationId = proposed.data.renegotiation.id as string;
      const before = await row(s.commitmentId);
      const title = `Questionnaire ${i}`;
      const [seller, accept] = await Promise.all([
        s.seller.patch(`/api/v1/commitments/${s.commitmentId}`, { title, version: before.version }),
        s.guest.request('POST', `${s.api}/renegotiations/${renegotiationId}/accept`),
      ]);
      const after = await row(s.commitmentId);
      judge(seller, accept, before.version, after.version, tally);
      expect(after.title).toBe(seller.statusCode === 200 ? title : before.title);
      expect(after.due_date).toBe(accept.statusCode === 200 ? date : before.due_date);
    }
    expect(tally.both + tally.sellerRefused + tally.otherRefused).toBe(ROUNDS);
    console.info(`date acceptance vs edit, ${ROUNDS} rounds: ${JSON.stringify(tally)}`);
  });
});

describe('two new dates proposed at once for one commitment', () => {
  it('leaves exactly one waiting for an answer; the other is told one already waits', async () => {
    const s = await setup();
    for (let i = 0; i < 20; i++) {
      const [seller, customer] = await Promise.all([
        s.seller.post(`/api/v1/commitments/${s.commitmentId}/renegotiations`, { newDate: addDays('2030-02-01', i), reason: 'Seller asks' }),
        s.guest.post(`${s.api}/commitments/${s.commitmentId}/renegotiations`, { newDate: addDays('2030-03-01', i), reason: 'Customer asks' }),
      ]);
      expect([seller.statusCode, customer.statusCode].sort()).toEqual([201, 422]);
      const pending = await db.selectFrom('commitment_renegotiations').select('id').where('commitment_id', '=', s.commitmentId).where('status', '=', 'pending').execute();
      expect(pending).toHaveLength(1);
      const decline = seller.statusCode === 201 ? s.guest.request('POST', `${s.api}/renegotiations/${pending[0].id}/decline`) : s.seller.post(`/api/v1/renegotiations/${pending[0].id}/decline`, {});
      const declined = await decline;
      expect(declined.statusCode, declined.body).toBe(200);
    }
  });
});

describe('the seller changing the customer’s time zone while the customer acts', () => {
  it('moves the customer’s commitments and takes their ticks and new dates — never a 500 (no deadlock on PostgreSQL)', async () => {
    const s = await setup();
    const other = await addCommitment(s.seller, s.planId, { side: 'customer', ownerName: 'Dan', title: 'Reference call', dueDate: '2030-01-20' });
    const zones = ['America/New_York', 'Asia/Tokyo', 'Europe/Paris'];
    for (let i = 0; i < 20; i++) {
      const plan = (await s.seller.get(`/api/v1/plans/${s.planId}`)).data;
      const current = await row(s.commitmentId);
      const [zone, tick, proposed] = await Promise.all([
        s.seller.patch(`/api/v1/plans/${s.planId}`, { customerTimeZone: zones[i % 3], version: plan.version }),
        s.guest.post(`${s.api}/commitments/${s.commitmentId}/state`, { done: current.status !== 'done' }),
        s.guest.post(`${s.api}/commitments/${other.id}/renegotiations`, { newDate: addDays('2030-02-01', i), reason: 'Our board moved' }),
      ]);
      expect([zone.statusCode, tick.statusCode, proposed.statusCode], `${zone.body} / ${tick.body} / ${proposed.body}`).toEqual([200, 200, 201]);
      // Each new date waits for the seller: decline it so the next round may propose again.
      const pending = proposed.data.renegotiations.find((r: { status: string }) => r.status === 'pending');
      expect((await s.seller.post(`/api/v1/renegotiations/${pending.id}/decline`, {})).statusCode).toBe(200);
    }
    expect((await s.seller.get(`/api/v1/plans/${s.planId}`)).data.customerTimeZone).toBe(zones[19 % 3]);
  });
});

describe('two people laying out one plan while a commitment is edited', () => {
  it('applies whole layouts or refuses them with 409 — never a 500, never a mix', async () => {
    const s = await setup();
    const planId = (await s.seller.get(`/api/v1/commitments/${s.commitmentId}`)).data.planId as string;
    for (let i = 0; i < 3; i++) await addCommitment(s.seller, planId, { title: `Step ${i}` });
    const order = async () => ((await s.seller.get(`/api/v1/plans/${planId}`)).data.commitments as { id: string }[]).map((c) => c.id);
    const layout = (ids: string[], basis: string[]) => ({ milestones: [{ id: null, commitmentIds: ids }], basis: [{ id: null, commitmentIds: basis }] });
    for (let i = 0; i < 20; i++) {
      const ids = await order();
      const forward = [...ids.slice(1), ids[0]];
      const backward = [ids[ids.length - 1], ...ids.slice(0, -1)];
      const before = await row(s.commitmentId);
      const [a, b, edit] = await Promise.all([
        s.seller.post(`/api/v1/plans/${planId}/layout`, layout(forward, ids)),
        s.seller.post(`/api/v1/plans/${planId}/layout`, layout(backward, ids)),
        s.seller.patch(`/api/v1/commitments/${s.commitmentId}`, { title: `Edited ${i}`, version: before.version }),
      ]);
      for (const res of [a, b, edit]) expect([200, 409], res.body).toContain(res.statusCode);
      const now = await order();
      const applied = [a.statusCode === 200 ? forward : null, b.statusCode === 200 ? backward : null].filter((x): x is string[] => x !== null);
      // The order is one a 200 acknowledged (or, when every layout was refused, the one before).
      expect((applied.length ? applied : [ids]).map((x) => x.join())).toContain(now.join());
      expect((await row(s.commitmentId)).title).toBe(edit.statusCode === 200 ? `Edited ${i}` : before.title);
    }
  });
});

/**
 * A burst from one share link groups into the owner's latest unread notification from that link.
 * Deciding "join the latest or start a new one" reads, then writes: two customer actions at the same
 * instant must not both find nothing and both start a group.
 */
describe('a burst from one share link at the same instant', () => {
  type Unread = { data: { count: number; plan: { id: string } | null }[]; unreadCount: number };
  const unreadOf = async (client: Client) => (await client.get('/api/v1/notifications?unread=true')).data as Unread;

  it('becomes one grouped notification for the deal’s owner, never two', async () => {
    const s = await setup();
    const planId = s.planId;
    const other = await addCommitment(s.seller, planId, { side: 'customer', ownerName: 'Dan', title: 'Data export', dueDate: '2030-01-20' });
    const unread = () => unreadOf(s.seller);
    for (let i = 0; i < 30; i++) {
      // Each round starts a new group: the owner has read everything so far.
      expect((await s.seller.post('/api/v1/notifications/read-all')).statusCode).toBe(200);
      const done = i % 2 === 0;
      const results = await Promise.all([
        s.guest.post(`${s.api}/commitments/${s.commitmentId}/state`, { done }),
        s.guest.post(`${s.api}/commitments/${other.id}/state`, { done }),
        s.guest.post(`${s.api}/comments`, { body: `Round ${i}: both ticked.` }),
      ]);
      expect(results.map((r) => r.statusCode), results.map((r) => r.body).join(' / ')).toEqual([200, 200, 201]);
      const after = await unread();
      expect(after.data, `round ${i}`).toEqual([expect.objectContaining({ count: 3, plan: expect.objectContaining({ id: planId }) })]);
      expect(after.unreadCount).toBe(1);
    }
  });

  it('groups notices written side by side, whatever else their transactions locked', async () => {
    const s = await setup();
    const scope = new Scope(db, s.workspaceId);
    const from = { name: 'Carla Customer', shareLinkId: s.linkId };
    for (let i = 0; i < 30; i++) {
      expect((await s.seller.post('/api/v1/notifications/read-all')).statusCode).toBe(200);
      await Promise.all([0, 1, 2].map((k) => scope.transaction((tx) => notifyPlanOwner(tx, s.planId, 'customer_commented', from, { preview: `Note ${i}.${k}` }))));
      const after = await unreadOf(s.seller);
      expect(after.data, `round ${i}`).toEqual([expect.objectContaining({ count: 3 })]);
    }
  });
});
