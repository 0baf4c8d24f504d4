import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/harness.js';
import { addMember, createAccount, signUpWorkspace } from '../../test/factories.js';
import { useFixedClock } from '../../test/clock.js';
import { createContact, createDeal, dayIn } from '../plans/fixtures.js';
import { callBody, hoursFromNow, outcome, pastCall, planCall, record } from './fixtures.js';

useFixedClock(); // "ahead" and "past" are judged against now: no midnight inside the run
const { app, db } = await testApp();
const TZ = 'Europe/Paris';

async function team() {
  const admin = await signUpWorkspace(app, { timeZone: TZ });
  const manager = await addMember(app, admin.client, { role: 'manager', name: 'Maya Manager', timeZone: TZ });
  const teamId = (await admin.client.post('/api/v1/teams', { name: 'Field', managerId: manager.me.user.id })).data.id;
  const owner = await addMember(app, admin.client, { role: 'rep', name: 'Olivia Owner', teamId, timeZone: TZ });
  const colleague = await addMember(app, admin.client, { role: 'rep', name: 'Colin Colleague', timeZone: TZ });
  const account = await createAccount(owner.client, { name: 'Globex' });
  return { admin, manager, owner, colleague, account };
}

const count = async (table: 'interactions' | 'interaction_attendees' | 'audit_events') =>
  Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

const paths = (res: { data: { error: { details: { path: string }[] } } }) => res.data.error.details.map((d) => d.path).sort();

describe('planning an interaction with its planned outcome', () => {
  it('plans a call on a deal and an objective of the account, with contacts and colleagues attending, and keeps who did it', async () => {
    const { owner, colleague, account } = await team();
    const deal = await createDeal(owner.client, { accountId: account.id, name: 'Lyon rollout' });
    const objective = (await owner.client.post(`/api/v1/accounts/${account.id}/objectives`, { title: 'Become their MES platform', kind: 'expansion', targetDate: dayIn(TZ, 200) })).data;
    const carla = await createContact(owner.client, account.id, 'Carla Buyer');
    const startsAt = hoursFromNow(48);
    const res = await owner.client.post('/api/v1/interactions', {
      ...callBody(account.id, { startsAt }),
      opportunityId: deal.id,
      objectiveId: objective.id,
      needsSeveralCalls: true,
      firstCallGoal: 'Meet the plant manager',
      planningNotes: 'Bring the Grenoble case study',
      attendees: { contactIds: [carla.id], userIds: [colleague.me.user.id, owner.me.user.id] },
    });
    expect(res.statusCode).toBe(201);
    expect(res.data).toMatchObject({
      kind: 'call',
      account: { id: account.id, name: 'Globex' },
      opportunity: { id: deal.id, name: 'Lyon rollout' },
      objective: { id: objective.id, title: 'Become their MES platform' },
      owner: { id: owner.me.user.id, name: 'Olivia Owner' },
      startsAt,
      timeZone: TZ,
      durationMinutes: 30,
      sortAt: startsAt,
      plannedOutcome: { kind: 'trial', statement: outcome.outcomeStatement, needsSeveralCalls: true, firstCallGoal: 'Meet the plant manager' },
      planningNotes: 'Bring the Grenoble case study',
      // The owner takes part anyway: listed once, as the owner.
      attendees: [
        { kind: 'contact', id: carla.id, name: 'Carla Buyer' },
        { kind: 'user', id: colleague.me.user.id, name: 'Colin Colleague' },
      ],
      state: 'upcoming',
      result: null,
      cancelledAt: null,
      version: 1,
      agreedActions: [],
      opportunityPlan: null,
      permissions: { canEdit: true },
    });
    expect((await colleague.client.get(`/api/v1/interactions/${res.data.id}`)).data.permissions).toEqual({ canEdit: false });
    const history = (await owner.client.get(`/api/v1/interactions/${res.data.id}/history`)).data.data;
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: 'create', actor: { id: owner.me.user.id, name: 'Olivia Owner' }, entityType: 'interaction' });
    expect(history[0].changes.outcomeStatement).toEqual({ before: null, after: outcome.outcomeStatement });
  });

  it('refuses an interaction without a planned outcome, naming each missing field, and writes nothing', async () => {
    const { owner, account } = await team();
    const before = await count('interactions');
    const bare = { kind: 'call', accountId: account.id, startsAt: hoursFromNow(24), timeZone: TZ };
    const none = await owner.client.post('/api/v1/interactions', bare);
    expect(none.statusCode).toBe(400);
    expect(none.data.error.code).toBe('validation_failed');
    expect(paths(none)).toEqual(['outcomeKind', 'outcomeStatement']);
    expect(none.data.error.details.find((d: { path: string }) => d.path === 'outcomeStatement').message).toBe('Answer “What will the customer agree to by the end of this call?” before you plan it.');

    const blank = await owner.client.post('/api/v1/interactions', { ...bare, outcomeKind: 'trial', outcomeStatement: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(paths(blank)).toEqual(['outcomeStatement']);

    const several = await owner.client.post('/api/v1/interactions', { ...bare, ...outcome, needsSeveralCalls: true });
    expect(several.statusCode).toBe(400);
    expect(several.data.error.details).toEqual([{ path: 'firstCallGoal', message: 'This outcome needs several calls: say what this first call must get.' }]);

    // Every field that needs attention is named at once.
    const all = await owner.client.post('/api/v1/interactions', { kind: 'meeting', accountId: account.id, startsAt: hoursFromNow(24), needsSeveralCalls: true });
    expect(paths(all)).toEqual(['firstCallGoal', 'outcomeKind', 'outcomeStatement', 'timeZone']);
    expect(await count('interactions')).toBe(before);
  });

  it('needs a time and its zone, except for an email, which awaits its result from the moment it is planned', async () => {
    const { owner, account } = await team();
    const noTime = await owner.client.post('/api/v1/interactions', { ...callBody(account.id), startsAt: null });
    expect(noTime.statusCode).toBe(400);
    expect(paths(noTime)).toEqual(['startsAt']);
    const noZone = await owner.client.post('/api/v1/interactions', { ...callBody(account.id), timeZone: null });
    expect(paths(noZone)).toEqual(['timeZone']);
    const badInstant = await owner.client.post('/api/v1/interactions', { ...callBody(account.id), startsAt: '2026-06-12 14:00' });
    expect(paths(badInstant)).toEqual(['startsAt']);
    // Year 9999 an hour before midnight in New York is year 10000 in UTC, which no stored instant can hold.
    const farAway = await owner.client.post('/api/v1/interactions', { ...callBody(account.id), startsAt: '9999-12-31T23:00:00-05:00' });
    expect(farAway.statusCode).toBe(400);
    expect(farAway.data.error.details).toEqual([expect.objectContaining({ path: 'startsAt', message: 'Choose a date between 1900 and 2999.' })]);

    const email = await owner.client.post('/api/v1/interactions', { kind: 'email', accountId: account.id, ...outcome, outcomeKind: 'information' });
    expect(email.statusCode).toBe(201);
    expect(email.data).toMatchObject({ kind: 'email', startsAt: null, timeZone: null, state: 'awaiting_result' });
    expect(email.data.sortAt).toBe(email.data.createdAt);
  });

  it('stores the instant in UTC whatever offset it was sent with', async () => {
    const { owner, account } = await team();
    const made = await planCall(owner.client, account.id, { startsAt: '2026-06-20T14:00:00+02:00' });
    expect(made.startsAt).toBe('2026-06-20T12:00:00.000Z');
  });

  it('refuses a time in the past (422 date_in_past, worded on the zone’s clock) unless it already happened — then never a time ahead', async () => {
    const { owner, account } = await team();
    const before = await count('interactions');
    // 10:30 UTC on 10 June is 12:30 in Paris; two hours earlier is 10:30 there.
    const past = await owner.client.post('/api/v1/interactions', callBody(account.id, { startsAt: hoursFromNow(-2) }));
    expect(past.statusCode).toBe(422);
    expect(past.data.error.code).toBe('date_in_past');
    expect(past.data.error.details).toHaveLength(1);
    expect(past.data.error.details[0].path).toBe('startsAt');
    expect(past.data.error.message).toMatch(/^Pick a time still ahead — Wed 10 Jun 2026, \d\d:\d\d \(Europe\/Paris\) has already passed\. If it already happened, say so and record its result\.$/);
    // A call "right now" is not refused for the seconds it took to save.
    expect((await owner.client.post('/api/v1/interactions', callBody(account.id, { startsAt: hoursFromNow(-1 / 30) }))).statusCode).toBe(201);

    const ahead = await owner.client.post('/api/v1/interactions', callBody(account.id, { startsAt: hoursFromNow(3), alreadyHappened: true }));
    expect(ahead.statusCode).toBe(422);
    expect(ahead.data.error.code).toBe('rule_violation');
    expect(ahead.data.error.details[0].path).toBe('startsAt');

    const logged = await pastCall(owner.client, account.id, { hoursAgo: 26 });
    expect(logged.state).toBe('awaiting_result');
    const recorded = await record(owner.client, logged, { result: 'continuation', notes: 'Friendly, nothing agreed' });
    expect(recorded.statusCode).toBe(200);
    expect(await count('interactions')).toBe(before + 2);
  });

  it('refuses a deal, an objective or a contact of another account, and an archived account', async () => {
    const { owner, account } = await team();
    const other = await createAccount(owner.client, { name: 'Initech' });
    const elsewhereDeal = await createDeal(owner.client, { accountId: other.id });
    const elsewhereObjective = (await owner.client.post(`/api/v1/accounts/${other.id}/objectives`, { title: 'Expand', kind: 'expansion', targetDate: dayIn(TZ, 90) })).data;
    const elsewhereContact = await createContact(owner.client, other.id);
    const deal = await owner.client.post('/api/v1/interactions', callBody(account.id, { opportunityId: elsewhereDeal.id }));
    expect(deal.data.error.details).toEqual([{ path: 'opportunityId', message: 'Choose a deal of this account.' }]);
    const objective = await owner.client.post('/api/v1/interactions', callBody(account.id, { objectiveId: elsewhereObjective.id }));
    expect(objective.data.error.details).toEqual([{ path: 'objectiveId', message: 'Choose an objective of this account.' }]);
    const contact = await owner.client.post('/api/v1/interactions', callBody(account.id, { attendees: { contactIds: [elsewhereContact.id] } }));
    expect(contact.statusCode).toBe(400);
    expect(paths(contact)).toEqual(['attendees.contactIds']);

    const archived = (await owner.client.post(`/api/v1/accounts/${other.id}/archive`, { version: other.version })).data;
    expect(archived.archivedAt).not.toBeNull();
    const onArchived = await owner.client.post('/api/v1/interactions', callBody(other.id));
    expect(onArchived.statusCode).toBe(422);
    expect(onArchived.data.error.code).toBe('rule_violation');
  });
});

describe('moving and re-planning', () => {
  it('moves from the version read (409 with the current one otherwise) and keeps the change in history', async () => {
    const { owner, account } = await team();
    const call = await planCall(owner.client, account.id);
    const later = hoursFromNow(72);
    const moved = await owner.client.patch(`/api/v1/interactions/${call.id}`, { startsAt: later, timeZone: 'America/New_York', version: call.version });
    expect(moved.statusCode).toBe(200);
    expect(moved.data).toMatchObject({ startsAt: later, sortAt: later, timeZone: 'America/New_York', version: 2 });

    const stale = await owner.client.patch(`/api/v1/interactions/${call.id}`, { planningNotes: 'Mine', version: call.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.data.error.code).toBe('version_conflict');
    expect(stale.data.error.current).toMatchObject({ startsAt: later, version: 2 });
    const noVersion = await owner.client.patch(`/api/v1/interactions/${call.id}`, { planningNotes: 'Mine' });
    expect(paths(noVersion)).toEqual(['version']);
    // If-Match works as the version too.
    const viaHeader = await owner.client.request('PATCH', `/api/v1/interactions/${call.id}`, { planningNotes: 'Agenda sent' }, { 'if-match': '"2"' });
    expect(viaHeader.data).toMatchObject({ planningNotes: 'Agenda sent', version: 3 });

    const history = (await owner.client.get(`/api/v1/interactions/${call.id}/history`)).data.data;
    const move = history.find((e: { action: string; changes: Record<string, unknown> }) => e.action === 'update' && e.changes.startsAt);
    expect(move.changes).toEqual({
      startsAt: { before: call.startsAt, after: later },
      sortAt: { before: call.startsAt, after: later },
      timeZone: { before: TZ, after: 'America/New_York' },
    });
  });

  it('refuses to move or edit it without a planned outcome, naming the field', async () => {
    const { owner, account } = await team();
    const call = await planCall(owner.client, account.id);
    const url = `/api/v1/interactions/${call.id}`;
    for (const [body, field] of [
      [{ outcomeStatement: '' }, 'outcomeStatement'],
      [{ outcomeStatement: null }, 'outcomeStatement'],
      [{ outcomeKind: null }, 'outcomeKind'],
      [{ needsSeveralCalls: true }, 'firstCallGoal'],
      [{ startsAt: hoursFromNow(30), outcomeStatement: ' ' }, 'outcomeStatement'],
      // Zero-width characters only say nothing; half a character would be stored as U+FFFD, not as sent.
      [{ outcomeStatement: '\u200b\u200b' }, 'outcomeStatement'],
      [{ outcomeStatement: 'Pilot agreed \ud800 today' }, 'outcomeStatement'],
    ] as const) {
      const res = await owner.client.patch(url, { ...body, version: call.version });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(paths(res), JSON.stringify(body)).toEqual([field]);
    }
    // A planned outcome stored blank (written around the API) must be given before the interaction moves.
    await db.updateTable('interactions').set({ outcome_statement: '  ' }).where('id', '=', call.id).execute();
    const move = await owner.client.patch(url, { startsAt: hoursFromNow(30), version: call.version });
    expect(move.statusCode).toBe(400);
    expect(paths(move)).toEqual(['outcomeStatement']);
    const fixed = await owner.client.patch(url, { startsAt: hoursFromNow(30), outcomeStatement: 'They agree to a pilot', version: call.version });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.data.version).toBe(2);
  });

  it('refuses a move into the past unless it already happened; once it has a result its time stays in the past', async () => {
    const { owner, account } = await team();
    const call = await planCall(owner.client, account.id);
    const back = await owner.client.patch(`/api/v1/interactions/${call.id}`, { startsAt: hoursFromNow(-3), version: call.version });
    expect(back.statusCode).toBe(422);
    expect(back.data.error.code).toBe('date_in_past');
    const happened = await owner.client.patch(`/api/v1/interactions/${call.id}`, { startsAt: hoursFromNow(-3), alreadyHappened: true, version: call.version });
    expect(happened.data.state).toBe('awaiting_result');
    const done = (await record(owner.client, happened.data, { result: 'no_advance' })).data;
    const ahead = await owner.client.patch(`/api/v1/interactions/${call.id}`, { startsAt: hoursFromNow(5), version: done.version });
    expect(ahead.statusCode).toBe(422);
    expect(ahead.data.error.code).toBe('rule_violation');
    // Correcting when it happened (still in the past) is fine.
    expect((await owner.client.patch(`/api/v1/interactions/${call.id}`, { startsAt: hoursFromNow(-4), version: done.version })).statusCode).toBe(200);
  });

  it('cancels a planned interaction: kept, never judged, and then unchangeable; one with a result is corrected instead', async () => {
    const { owner, account } = await team();
    const call = await planCall(owner.client, account.id);
    // Like every change, from the version read: none is a field error, an old one a conflict.
    const unversioned = await owner.client.post(`/api/v1/interactions/${call.id}/cancel`, {});
    expect(unversioned.statusCode).toBe(400);
    expect(unversioned.data.error.details.map((d: { path: string }) => d.path)).toEqual(['version']);
    // No body at all (curl -X POST) is the same field error, not a complaint about the body's type.
    const bodiless = await owner.client.request('POST', `/api/v1/interactions/${call.id}/cancel`);
    expect(bodiless.statusCode).toBe(400);
    expect(bodiless.data.error.details.map((d: { path: string }) => d.path)).toEqual(['version']);
    const stale = await owner.client.post(`/api/v1/interactions/${call.id}/cancel`, { version: call.version + 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.data.error.current).toMatchObject({ id: call.id, state: 'upcoming', version: call.version });
    const cancelled = await owner.client.post(`/api/v1/interactions/${call.id}/cancel`, { version: call.version });
    expect(cancelled.statusCode).toBe(200);
    // Cancelling again from the version that cancelled it: a conflict, not a silent success.
    expect((await owner.client.post(`/api/v1/interactions/${call.id}/cancel`, { version: call.version })).statusCode).toBe(409);
    expect(cancelled.data).toMatchObject({ state: 'cancelled', version: 2 });
    expect(cancelled.data.cancelledAt).not.toBeNull();
    const edit = await owner.client.patch(`/api/v1/interactions/${call.id}`, { planningNotes: 'x', version: 2 });
    expect(edit.statusCode).toBe(422);
    expect(edit.data.error.code).toBe('rule_violation');
    const history = (await owner.client.get(`/api/v1/interactions/${call.id}/history`)).data.data;
    expect(history.map((e: { action: string }) => e.action)).toEqual(['cancel', 'create']);

    const past = await pastCall(owner.client, account.id);
    const done = (await record(owner.client, past, { result: 'no_advance' })).data;
    const refused = await owner.client.post(`/api/v1/interactions/${past.id}/cancel`, { version: done.version });
    expect(refused.statusCode).toBe(422);
    expect(refused.data.error.code).toBe('rule_violation');
  });
});

describe('who may do what', () => {
  it('lets everyone in the workspace read; the owner, their manager and an admin change; another workspace sees nothing', async () => {
    const { admin, manager, owner, colleague, account } = await team();
    const call = await planCall(owner.client, account.id);
    const url = `/api/v1/interactions/${call.id}`;
    expect((await colleague.client.get(url)).statusCode).toBe(200);
    const refused = await colleague.client.patch(url, { planningNotes: 'Mine', version: 1 });
    expect(refused.statusCode).toBe(403);
    expect(refused.data.error.message).toBe('Only the interaction’s owner, their manager or an admin can change it or record its result.');
    expect((await colleague.client.post(`${url}/cancel`, { version: 1 })).statusCode).toBe(403);
    expect((await manager.client.get(url)).data.permissions.canEdit).toBe(true);
    expect((await manager.client.patch(url, { planningNotes: 'Coach: ask for the pilot date', version: 1 })).statusCode).toBe(200);
    expect((await admin.client.patch(url, { planningNotes: 'Admin', version: 2 })).statusCode).toBe(200);
    // A rep plans their own; handing one to a colleague is a manager's or an admin's.
    expect((await colleague.client.post('/api/v1/interactions', callBody(account.id, { ownerId: owner.me.user.id }))).statusCode).toBe(403);
    const forOwner = await manager.client.post('/api/v1/interactions', callBody(account.id, { ownerId: owner.me.user.id }));
    expect(forOwner.statusCode).toBe(201);
    expect(forOwner.data.owner.id).toBe(owner.me.user.id);

    const outsider = await signUpWorkspace(app);
    for (const res of [
      await outsider.client.get(url),
      await outsider.client.get(`${url}/history`),
      await outsider.client.patch(url, { planningNotes: 'x', version: 3 }),
      await outsider.client.post(`${url}/cancel`, { version: 3 }),
      await outsider.client.post(`${url}/result`, { result: 'no_advance', version: 3 }),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.data.error.code).toBe('not_found');
    }
    expect((await outsider.client.post('/api/v1/interactions', callBody(account.id))).data.error.details).toEqual([{ path: 'accountId', message: 'Choose an account of this workspace.' }]);
    expect((await outsider.client.get(`/api/v1/interactions?accountId=${account.id}`)).data.data).toEqual([]);
    expect((await outsider.client.get(`/api/v1/interactions/advance-rate?accountId=${account.id}`)).data.n).toBe(0);
  });
});

describe('people leave', () => {
  it('hands their interactions still to happen or to record to the heir; those with a result stay theirs', async () => {
    const { admin, owner, colleague, account } = await team();
    const upcoming = await planCall(owner.client, account.id);
    const pending = await pastCall(owner.client, account.id);
    const done = await pastCall(owner.client, account.id, { hoursAgo: 20 });
    await record(owner.client, done, { result: 'no_advance' });
    const res = await admin.client.post(`/api/v1/users/${owner.me.user.id}/deactivate`, { transferToId: colleague.me.user.id, version: (await admin.client.get(`/api/v1/users/${owner.me.user.id}`)).data.version });
    expect(res.statusCode).toBe(200);
    const ownerOf = async (id: string) => (await admin.client.get(`/api/v1/interactions/${id}`)).data.owner;
    expect(await ownerOf(upcoming.id)).toEqual({ id: colleague.me.user.id, name: 'Colin Colleague' });
    expect(await ownerOf(pending.id)).toEqual({ id: colleague.me.user.id, name: 'Colin Colleague' });
    expect((await ownerOf(done.id)).id).toBe(owner.me.user.id);
    const history = (await admin.client.get(`/api/v1/interactions/${upcoming.id}/history`)).data.data;
    expect(history[0]).toMatchObject({ action: 'transfer', changes: { ownerId: { before: owner.me.user.id, after: colleague.me.user.id } } });
  });
});

describe('lists', () => {
  it('pages on (when, id) without losing or repeating one, and filters by account, deal, objective, owner and state', async () => {
    const { owner, colleague, account } = await team();
    const deal = await createDeal(owner.client, { accountId: account.id });
    const objective = (await owner.client.post(`/api/v1/accounts/${account.id}/objectives`, { title: 'Grow', kind: 'expansion', targetDate: dayIn(TZ, 100) })).data;
    const same = hoursFromNow(24);
    const upcoming = [
      await planCall(owner.client, account.id, { startsAt: hoursFromNow(72), opportunityId: deal.id }),
      await planCall(owner.client, account.id, { startsAt: same }),
      await planCall(owner.client, account.id, { startsAt: same, objectiveId: objective.id }),
      await planCall(owner.client, account.id, { startsAt: hoursFromNow(5) }),
    ];
    const pending = await pastCall(owner.client, account.id, { hoursAgo: 3, opportunityId: deal.id });
    const done = await pastCall(owner.client, account.id, { hoursAgo: 30 });
    await record(owner.client, done, { result: 'no_advance' });
    const cancelled = await planCall(owner.client, account.id, { startsAt: hoursFromNow(10) });
    await owner.client.post(`/api/v1/interactions/${cancelled.id}/cancel`, { version: 1 });
    const colleagues = await planCall(colleague.client, account.id);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { data: { data: { id: string; sortAt: string }[]; nextCursor: string | null } } = await owner.client.get(`/api/v1/interactions?accountId=${account.id}&sort=sortAt&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...res.data.data.map((i) => i.id));
      cursor = res.data.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(8);
    expect(new Set(seen).size).toBe(8);
    const ids = (q: string) => owner.client.get(`/api/v1/interactions?${q}`).then((r) => r.data.data.map((i: { id: string }) => i.id));
    // Soonest first; the two at the same time in id order.
    const sameTime = [upcoming[1].id, upcoming[2].id].sort();
    expect(await ids(`accountId=${account.id}&state=upcoming&sort=sortAt`)).toEqual([upcoming[3].id, ...sameTime, colleagues.id, upcoming[0].id]);
    expect(await ids(`ownerId=${owner.me.user.id}&state=awaiting_result`)).toEqual([pending.id]);
    expect(await ids(`accountId=${account.id}&state=done`)).toEqual([done.id]);
    expect(await ids(`accountId=${account.id}&state=cancelled`)).toEqual([cancelled.id]);
    expect(await ids(`opportunityId=${deal.id}`)).toEqual([upcoming[0].id, pending.id]);
    expect(await ids(`objectiveId=${objective.id}`)).toEqual([upcoming[2].id]);
    expect(await ids(`ownerId=${colleague.me.user.id}`)).toEqual([colleagues.id]);
    const bad = await owner.client.get('/api/v1/interactions?cursor=nonsense');
    expect(bad.statusCode).toBe(400);
    expect(bad.data.error.code).toBe('invalid_cursor');
  });
});
