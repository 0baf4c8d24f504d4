import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/harness.js';
import { addMember, createAccount, signUpWorkspace } from '../../test/factories.js';
import { useFixedClock } from '../../test/clock.js';
import { createContact, createDeal, createPlan, dayIn } from '../plans/fixtures.js';
import { pastCall, planCall, record } from './fixtures.js';

useFixedClock(); // due dates are judged against today: no midnight inside the run
const { app, db } = await testApp();
const TZ = 'Europe/Paris';

async function team() {
  const admin = await signUpWorkspace(app, { timeZone: TZ });
  const owner = await addMember(app, admin.client, { role: 'rep', name: 'Olivia Owner', timeZone: TZ });
  const colleague = await addMember(app, admin.client, { role: 'rep', name: 'Colin Colleague', timeZone: TZ });
  const account = await createAccount(owner.client, { name: 'Globex' });
  const deal = await createDeal(owner.client, { accountId: account.id, name: 'Lyon rollout' });
  const carla = await createContact(owner.client, account.id, 'Carla Buyer');
  return { admin, owner, colleague, account, deal, carla };
}

const count = async (table: 'commitments' | 'plans' | 'audit_events') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const counters = async (opportunityId: string) =>
  db.selectFrom('opportunities').select(['results_count', 'no_advance_streak', 'version']).where('id', '=', opportunityId).executeTakeFirstOrThrow();

const twoActions = (ownerContactId: string) => [
  { title: 'Send the pilot agreement', side: 'seller', dueDate: dayIn(TZ, 3), mustDo: true },
  { title: 'Name the pilot team', side: 'customer', ownerContactId, dueDate: dayIn(TZ, 7) },
];

describe('recording the result', () => {
  it('waits until the interaction’s time has come (422 not_happened_yet, naming when), changing nothing', async () => {
    const { owner, account } = await team();
    const call = await planCall(owner.client, account.id);
    const early = await record(owner.client, call, { result: 'advanced', agreed: 'A pilot' });
    expect(early.statusCode).toBe(422);
    expect(early.data.error.code).toBe('not_happened_yet');
    expect(early.data.error.message).toMatch(/^This call is planned for \w{3} 12 Jun 2026, \d\d:\d\d \(Europe\/Paris\): record its result once it has happened\.$/);
    expect((await owner.client.get(`/api/v1/interactions/${call.id}`)).data).toMatchObject({ result: null, version: 1, state: 'upcoming' });
  });

  it('puts an advance’s agreed actions on the deal’s plan in the same transaction, both sides, with owners and dates', async () => {
    const { owner, account, deal, carla } = await team();
    const plan = await createPlan(owner.client, deal.id);
    const call = await pastCall(owner.client, account.id, { opportunityId: deal.id });
    const res = await record(owner.client, call, { result: 'advanced', agreed: 'A 30-day pilot at the Lyon plant', agreedActions: twoActions(carla.id), notes: 'Their CFO joined' });
    expect(res.statusCode).toBe(200);
    expect(res.data).toMatchObject({
      state: 'done',
      version: 2,
      result: { result: 'advanced', agreed: 'A 30-day pilot at the Lyon plant', notes: 'Their CFO joined', recordedBy: { id: owner.me.user.id, name: 'Olivia Owner' } },
      opportunityPlan: { id: plan.id, closed: false },
    });
    expect(res.data.agreedActions).toHaveLength(2);
    expect(res.data.agreedActions[0]).toMatchObject({ subject: { kind: 'plan', id: plan.id }, planId: plan.id, side: 'seller', title: 'Send the pilot agreement', mustDo: true, owner: { kind: 'user', id: owner.me.user.id }, dueDate: dayIn(TZ, 3) });
    expect(res.data.agreedActions[1]).toMatchObject({ side: 'customer', title: 'Name the pilot team', owner: { kind: 'contact', id: carla.id, name: 'Carla Buyer' }, dueDate: dayIn(TZ, 7) });

    const onPlan = (await owner.client.get(`/api/v1/plans/${plan.id}`)).data;
    expect(onPlan.commitments.map((c: { title: string }) => c.title)).toEqual(['Send the pilot agreement', 'Name the pilot team']);
    expect(await counters(deal.id)).toMatchObject({ results_count: 1, no_advance_streak: 0, version: deal.version });

    const history = (await owner.client.get(`/api/v1/interactions/${call.id}/history`)).data.data;
    expect(history[0]).toMatchObject({ action: 'record', changes: { result: { before: null, after: 'advanced' }, agreedActionsAdded: { before: null, after: 2 } } });
    const commitmentEvents = await db.selectFrom('audit_events').select('entity_id').where('entity_type', '=', 'commitment').where('action', '=', 'create').where('entity_id', 'in', res.data.agreedActions.map((a: { id: string }) => a.id)).execute();
    expect(commitmentEvents).toHaveLength(2);
  });

  it('writes nothing when one agreed action is refused, naming its row and field', async () => {
    const { owner, account, deal, carla } = await team();
    const other = await createAccount(owner.client, { name: 'Initech' });
    const stranger = await createContact(owner.client, other.id, 'Sam Elsewhere');
    const plan = await createPlan(owner.client, deal.id);
    const call = await pastCall(owner.client, account.id, { opportunityId: deal.id });
    const before = { commitments: await count('commitments'), audit: await count('audit_events') };

    const pastDue = await record(owner.client, call, { result: 'advanced', agreed: 'A pilot', agreedActions: [twoActions(carla.id)[0], { ...twoActions(carla.id)[1], dueDate: dayIn(TZ, -1) }] });
    expect(pastDue.statusCode).toBe(422);
    expect(pastDue.data.error.code).toBe('date_in_past');
    expect(pastDue.data.error.details.map((d: { path: string }) => d.path)).toEqual(['agreedActions.1.dueDate']);

    const wrongContact = await record(owner.client, call, { result: 'advanced', agreed: 'A pilot', agreedActions: [twoActions(carla.id)[0], { ...twoActions(carla.id)[1], ownerContactId: stranger.id }] });
    expect(wrongContact.statusCode).toBe(400);
    expect(wrongContact.data.error.details).toEqual([{ path: 'agreedActions.1.ownerContactId', message: 'Choose a contact of this account.' }]);

    const noOwner = await record(owner.client, call, { result: 'advanced', agreed: 'A pilot', agreedActions: [{ title: 'Sign', side: 'customer', dueDate: dayIn(TZ, 2) }, { title: 'Ship', side: 'seller', ownerName: 'Bob', dueDate: dayIn(TZ, -3) }] });
    expect(noOwner.statusCode).toBe(400);
    expect(noOwner.data.error.details.map((d: { path: string }) => d.path)).toEqual(['agreedActions.0.ownerName', 'agreedActions.1.ownerName']);

    const badShape = await record(owner.client, call, { result: 'advanced', agreed: 'A pilot', agreedActions: [{ title: '', side: 'both', dueDate: 'soon' }] });
    expect(badShape.statusCode).toBe(400);
    expect(badShape.data.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['agreedActions.0.dueDate', 'agreedActions.0.side', 'agreedActions.0.title']);

    expect(await count('commitments')).toBe(before.commitments);
    expect(await count('audit_events')).toBe(before.audit);
    expect((await owner.client.get(`/api/v1/interactions/${call.id}`)).data).toMatchObject({ result: null, version: 1 });
    expect((await owner.client.get(`/api/v1/plans/${plan.id}`)).data.commitments).toEqual([]);
    expect(await counters(deal.id)).toMatchObject({ results_count: 0, no_advance_streak: 0 });
  });

  it('asks where the actions go when the deal has no plan yet: start one in the same transaction, or keep them on the interaction', async () => {
    const { owner, account, deal, carla } = await team();
    const first = await pastCall(owner.client, account.id, { opportunityId: deal.id });
    const plansBefore = await count('plans');
    const unasked = await record(owner.client, first, { result: 'advanced', agreed: 'A pilot', agreedActions: twoActions(carla.id) });
    expect(unasked.statusCode).toBe(400);
    expect(unasked.data.error.details).toEqual([{ path: 'actionsGoTo', message: 'This deal has no mutual plan yet: start one with these actions, or keep them on this interaction.' }]);
    const noFields = await record(owner.client, first, { result: 'advanced', agreed: 'A pilot', agreedActions: twoActions(carla.id), actionsGoTo: 'new_plan' });
    expect(noFields.data.error.details.map((d: { path: string }) => d.path)).toEqual(['newPlan']);
    const pastTarget = await record(owner.client, first, { result: 'advanced', agreed: 'A pilot', agreedActions: twoActions(carla.id), actionsGoTo: 'new_plan', newPlan: { title: 'Pilot plan', targetDate: dayIn(TZ, -2) } });
    expect(pastTarget.statusCode).toBe(422);
    expect(pastTarget.data.error.details.map((d: { path: string }) => d.path)).toEqual(['newPlan.targetDate']);
    expect(await count('plans')).toBe(plansBefore);

    const started = await record(owner.client, first, { result: 'advanced', agreed: 'A pilot', agreedActions: twoActions(carla.id), actionsGoTo: 'new_plan', newPlan: { title: 'Pilot plan', targetDate: dayIn(TZ, 60) } });
    expect(started.statusCode).toBe(200);
    expect(started.data.opportunityPlan).toMatchObject({ title: 'Pilot plan', closed: false });
    const plan = (await owner.client.get(`/api/v1/opportunities/${deal.id}/plan`)).data;
    expect(plan).toMatchObject({ id: started.data.opportunityPlan.id, title: 'Pilot plan', status: 'active' });
    expect(plan.commitments.map((c: { title: string }) => c.title)).toEqual(['Send the pilot agreement', 'Name the pilot team']);
    expect(await count('plans')).toBe(plansBefore + 1);

    // Another deal, no plan: the rep keeps them on the interaction. They are commitments all the same.
    const other = await createDeal(owner.client, { accountId: account.id });
    const second = await pastCall(owner.client, account.id, { opportunityId: other.id });
    const kept = await record(owner.client, second, { result: 'advanced', agreed: 'An intro to their COO', agreedActions: twoActions(carla.id), actionsGoTo: 'interaction' });
    expect(kept.statusCode).toBe(200);
    expect(kept.data.opportunityPlan).toBeNull();
    expect(kept.data.agreedActions.map((a: { subject: unknown; planId: unknown }) => [a.subject, a.planId])).toEqual([
      [{ kind: 'interaction', id: second.id }, null],
      [{ kind: 'interaction', id: second.id }, null],
    ]);
    expect((await owner.client.get(`/api/v1/opportunities/${other.id}/plan`)).statusCode).toBe(404);
    // Kept, re-dated and judged by the one engine.
    const action = kept.data.agreedActions[0];
    const done = await owner.client.patch(`/api/v1/commitments/${action.id}`, { status: 'done', version: action.version });
    expect(done.statusCode).toBe(200);
    expect(done.data).toMatchObject({ status: 'done', outcome: 'kept_on_time', subject: { kind: 'interaction', id: second.id } });
    const mine = (await owner.client.get(`/api/v1/users/${owner.me.user.id}/reliability`)).data;
    expect(mine.byKind.map((k: { kind: string }) => k.kind)).toContain('interaction');

    // A customer-side action kept here has no share page to answer on: the rep's new date (what the customer told them) applies at once.
    const theirs = kept.data.agreedActions[1];
    const redated = await owner.client.post(`/api/v1/commitments/${theirs.id}/renegotiations`, { newDate: dayIn(TZ, 10), reason: 'Their team lead is on holiday' });
    expect(redated.statusCode).toBe(201);
    expect(redated.data.commitment).toMatchObject({ dueDate: dayIn(TZ, 10), awaitingAnswer: false, renegotiations: [{ status: 'accepted', inAdvance: true }] });

    // Without a deal they can only stay on the interaction (the default).
    const noDeal = await pastCall(owner.client, account.id);
    const plain = await record(owner.client, noDeal, { result: 'advanced', agreed: 'A reference call', agreedActions: [twoActions(carla.id)[0]] });
    expect(plain.data.agreedActions[0].subject).toEqual({ kind: 'interaction', id: noDeal.id });
    // Open seller-side actions show on their owner's Today, saying where they were agreed (done ones leave it).
    const today = (await owner.client.get('/api/v1/today')).data;
    const items = [...today.dueToday, ...today.next7Days, ...today.confirmOrRedate] as { commitment: { id: string }; plan: { id: string } | null; interaction?: unknown }[];
    expect(items.find((i) => i.commitment.id === plain.data.agreedActions[0].id)).toMatchObject({ plan: null, objective: null, interaction: { id: noDeal.id, kind: 'call', account: { id: account.id, name: 'Globex' } } });
    expect(items.find((i) => i.commitment.id === started.data.agreedActions[0].id)?.plan?.id).toBe(plan.id);
    expect(items.find((i) => i.commitment.id === action.id)).toBeUndefined();
    const refused = await record(owner.client, await pastCall(owner.client, account.id), { result: 'advanced', agreed: 'x', agreedActions: [twoActions(carla.id)[0]], actionsGoTo: 'plan' });
    expect(refused.data.error.details[0].path).toBe('actionsGoTo');
  });

  it('refuses actions for a closed plan (409 plan_closed), and an advance without what was agreed', async () => {
    const { owner, account, deal, carla } = await team();
    const plan = await createPlan(owner.client, deal.id);
    await owner.client.patch(`/api/v1/plans/${plan.id}`, { status: 'completed', version: plan.version });
    const call = await pastCall(owner.client, account.id, { opportunityId: deal.id });
    const closed = await record(owner.client, call, { result: 'advanced', agreed: 'More users', agreedActions: twoActions(carla.id) });
    expect(closed.statusCode).toBe(409);
    expect(closed.data.error.code).toBe('plan_closed');
    const nothingAgreed = await record(owner.client, call, { result: 'advanced' });
    expect(nothingAgreed.statusCode).toBe(400);
    expect(nothingAgreed.data.error.details).toEqual([{ path: 'agreed', message: 'Say what the customer agreed to.' }]);
    const notAnAdvance = await record(owner.client, call, { result: 'continuation', agreed: 'Something', agreedActions: twoActions(carla.id) });
    expect(notAnAdvance.data.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['agreed', 'agreedActions']);
    const noResult = await record(owner.client, call, { notes: 'Went fine' });
    expect(noResult.data.error.details).toEqual([{ path: 'result', message: 'Say how it went: advanced, continuation or no advance.' }]);
  });
});

describe('correcting a result and the deal’s counters', () => {
  it('counts results and the latest run without an advance; an advance resets it; a correction recounts; a cancelled one never counts', async () => {
    const { owner, account, deal } = await team();
    const log = async (hoursAgo: number, result: string) => {
      const call = await pastCall(owner.client, account.id, { opportunityId: deal.id, hoursAgo });
      return (await record(owner.client, call, { result, ...(result === 'advanced' ? { agreed: 'Next step' } : {}) })).data;
    };
    const advanced = await log(100, 'advanced');
    await log(80, 'no_advance');
    expect(await counters(deal.id)).toMatchObject({ results_count: 2, no_advance_streak: 1 });
    await log(60, 'continuation');
    const latest = await log(40, 'no_advance');
    expect(await counters(deal.id)).toMatchObject({ results_count: 4, no_advance_streak: 3 });

    // The advance, corrected to no advance: nothing broke the run.
    const stale = await record(owner.client, { id: advanced.id, version: 1 }, { result: 'no_advance' });
    expect(stale.statusCode).toBe(409);
    expect(stale.data.error.current).toMatchObject({ result: { result: 'advanced' }, version: 2 });
    const corrected = await record(owner.client, advanced, { result: 'no_advance', notes: 'They only agreed to think about it' });
    expect(corrected.statusCode).toBe(200);
    expect(corrected.data).toMatchObject({ version: 3, result: { result: 'no_advance', agreed: null } });
    expect(await counters(deal.id)).toMatchObject({ results_count: 4, no_advance_streak: 4 });
    const events = (await owner.client.get(`/api/v1/interactions/${advanced.id}/history`)).data.data;
    expect(events[0]).toMatchObject({ action: 'record', changes: { result: { before: 'advanced', after: 'no_advance' }, resultAgreed: { before: 'Next step', after: null } } });

    // The latest, corrected to an advance: the run ends there.
    await record(owner.client, latest, { result: 'advanced', agreed: 'A workshop with IT' });
    expect(await counters(deal.id)).toMatchObject({ results_count: 4, no_advance_streak: 0 });

    // Moving an older result after the advance puts it at the head of the run again.
    const older = (await owner.client.get(`/api/v1/interactions?opportunityId=${deal.id}&state=done&sort=sortAt&limit=1`)).data.data[0];
    const moved = await owner.client.patch(`/api/v1/interactions/${older.id}`, { startsAt: new Date(Date.now() - 3_600_000).toISOString(), version: older.version });
    expect(moved.statusCode).toBe(200);
    expect(await counters(deal.id)).toMatchObject({ results_count: 4, no_advance_streak: 1 });

    // Unlinking it from the deal recounts the deal without it.
    await owner.client.patch(`/api/v1/interactions/${older.id}`, { opportunityId: null, version: moved.data.version });
    expect(await counters(deal.id)).toMatchObject({ results_count: 3, no_advance_streak: 0 });

    const cancelled = await planCall(owner.client, account.id, { opportunityId: deal.id });
    await owner.client.post(`/api/v1/interactions/${cancelled.id}/cancel`, { version: 1 });
    expect(await counters(deal.id)).toMatchObject({ results_count: 3, no_advance_streak: 0 });
  });

  it('counts two results recorded at the same moment on one deal', async () => {
    const { owner, account, deal } = await team();
    const a = await pastCall(owner.client, account.id, { opportunityId: deal.id, hoursAgo: 5 });
    const b = await pastCall(owner.client, account.id, { opportunityId: deal.id, hoursAgo: 4 });
    const [ra, rb] = await Promise.all([record(owner.client, a, { result: 'no_advance' }), record(owner.client, b, { result: 'continuation' })]);
    expect([ra.statusCode, rb.statusCode]).toEqual([200, 200]);
    expect(await counters(deal.id)).toMatchObject({ results_count: 2, no_advance_streak: 2 });
  });
});

describe('the advance rate', () => {
  it('is advances ÷ interactions with a result, per rep, account and deal, with n and a 95 % Wilson interval; too few to judge below 5', async () => {
    const { owner, colleague, account, deal } = await team();
    const results = ['advanced', 'advanced', 'advanced', 'no_advance'];
    for (const [i, result] of results.entries()) {
      const call = await pastCall(owner.client, account.id, { opportunityId: deal.id, hoursAgo: 50 - i });
      await record(owner.client, call, { result, ...(result === 'advanced' ? { agreed: 'A step' } : {}) });
    }
    const rate = (q: string) => owner.client.get(`/api/v1/interactions/advance-rate?${q}`).then((r) => r.data);
    expect(await rate(`opportunityId=${deal.id}`)).toEqual({ n: 4, advances: 3, continuations: 0, noAdvances: 1, judgement: { kind: 'too_few_to_judge', n: 4 } });

    // 8 of 10: 0.80, 0.490–0.943.
    for (const [i, result] of ['advanced', 'advanced', 'advanced', 'advanced', 'advanced', 'continuation'].entries()) {
      const call = await pastCall(owner.client, account.id, { hoursAgo: 30 - i });
      await record(owner.client, call, { result, ...(result === 'advanced' ? { agreed: 'A step' } : {}) });
    }
    // Neither pending nor cancelled ones count.
    await pastCall(owner.client, account.id);
    const mine = await rate(`ownerId=${owner.me.user.id}`);
    expect(mine).toMatchObject({ n: 10, advances: 8, continuations: 1, noAdvances: 1 });
    expect(mine.judgement.kind).toBe('rate');
    expect(mine.judgement.rate).toBe(0.8);
    expect(mine.judgement.low).toBeCloseTo(0.49, 3);
    expect(mine.judgement.high).toBeCloseTo(0.943, 3);
    expect((await rate(`accountId=${account.id}`)).n).toBe(10);
    expect((await rate(`ownerId=${colleague.me.user.id}`)).judgement).toEqual({ kind: 'too_few_to_judge', n: 0 });
  });
});
