import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/harness.js';
import { addMember, createAccount, signUpWorkspace, type Signed } from '../../test/factories.js';
import { createDeal, dayIn } from '../plans/fixtures.js';
import { useFixedClock } from '../../test/clock.js';

useFixedClock(); // dates are judged against today: no midnight inside the run
const { app, db } = await testApp();
const TZ = 'Europe/Paris';

async function team() {
  const admin = await signUpWorkspace(app, { timeZone: TZ });
  const owner = await addMember(app, admin.client, { role: 'rep', name: 'Olivia Owner', timeZone: TZ });
  const colleague = await addMember(app, admin.client, { role: 'rep', name: 'Colin Colleague', timeZone: TZ });
  const account = await createAccount(owner.client, { name: 'Globex' });
  return { admin, owner, colleague, account };
}

const objectiveBody = (extra: Record<string, unknown> = {}) => ({
  title: 'Become their analytics platform in Germany',
  kind: 'new_region',
  clientGoal: 'Cut reporting time for the German plants in half',
  target: { amountMinor: 30_000_000, currency: 'EUR' },
  targetDate: dayIn(TZ, 180),
  ...extra,
});

async function createObjective(who: Signed, accountId: string, extra: Record<string, unknown> = {}) {
  const res = await who.client.post(`/api/v1/accounts/${accountId}/objectives`, objectiveBody(extra));
  if (res.statusCode !== 201) throw new Error(`create objective: ${res.statusCode} ${res.body}`);
  return res.data;
}

const count = async (table: 'account_objectives' | 'objective_contributors' | 'objective_insights' | 'commitments' | 'notifications') =>
  Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('strategic objectives on accounts', () => {
  it('sets objectives with a client goal, a target in a currency and linked deals; the account sums targets per currency, never across', async () => {
    const { owner, account } = await team();
    const deal = await createDeal(owner.client, { accountId: account.id });
    const made = await createObjective(owner, account.id, { opportunityIds: [deal.id] });
    expect(made).toMatchObject({
      account: { id: account.id, name: 'Globex' },
      kind: 'new_region',
      clientGoal: 'Cut reporting time for the German plants in half',
      target: { amountMinor: 30_000_000, currency: 'EUR' },
      status: 'planned',
      owner: { id: owner.me.user.id, name: 'Olivia Owner' },
      contributors: [],
      opportunities: [{ id: deal.id, name: deal.name }],
      tasks: [],
      insights: [],
      version: 1,
      permissions: { canEdit: true, canContribute: true },
    });
    await createObjective(owner, account.id, { title: 'Renew the EMEA contract', kind: 'renewal', target: { amountMinor: 25_000_000, currency: 'EUR' } });
    await createObjective(owner, account.id, { title: 'Open the US subsidiary', kind: 'new_market', target: { amountMinor: 5_000_000, currency: 'USD' } });
    const dropped = await createObjective(owner, account.id, { title: 'Sell to their shop floor', kind: 'expansion', target: { amountMinor: 9_000_000, currency: 'EUR' } });
    await owner.client.patch(`/api/v1/objectives/${dropped.id}`, { status: 'dropped', version: dropped.version });

    const list = await owner.client.get(`/api/v1/accounts/${account.id}/objectives`);
    expect(list.statusCode).toBe(200);
    expect(list.data.data).toHaveLength(4);
    // 300 000 + 250 000 EUR; the dropped one does not count; dollars stay dollars.
    expect(list.data.targets).toEqual([
      { amountMinor: 55_000_000, currency: 'EUR' },
      { amountMinor: 5_000_000, currency: 'USD' },
    ]);
  });

  it('keeps the account’s page readable when targets at the largest amount add up past what a JSON number holds exactly', async () => {
    const { owner, account } = await team();
    const MAX = 999_999_999_999_999;
    // Ten of them: 9 999 999 999 999 990 minor units, past 2^53 − 1 (9 007 199 254 740 991).
    for (let i = 0; i < 10; i += 1) await createObjective(owner, account.id, { title: `Huge ${i}`, target: { amountMinor: MAX, currency: 'EUR' } });
    await createObjective(owner, account.id, { title: 'Small', target: { amountMinor: 500, currency: 'USD' } });
    const list = await owner.client.get(`/api/v1/accounts/${account.id}/objectives`);
    expect(list.statusCode).toBe(200);
    // The sum reads as the ceiling, as on the account-planning pages; other currencies stay apart.
    expect(list.data.targets).toEqual([
      { amountMinor: Number.MAX_SAFE_INTEGER, currency: 'EUR' },
      { amountMinor: 500, currency: 'USD' },
    ]);
  });

  it('refuses bad input, someone else’s account, a deal of another account and a past target date, changing nothing', async () => {
    const { owner, colleague, account } = await team();
    const otherAccount = await createAccount(owner.client, { name: 'Initech' });
    const elsewhere = await createDeal(owner.client, { accountId: otherAccount.id });
    const before = await count('account_objectives');

    const bad = await owner.client.post(`/api/v1/accounts/${account.id}/objectives`, { title: '', kind: 'world_domination', targetDate: 'soon', target: { amountMinor: -1, currency: 'EUR' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.data.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['kind', 'target.amountMinor', 'targetDate', 'title']);

    const notTheirs = await colleague.client.post(`/api/v1/accounts/${account.id}/objectives`, objectiveBody());
    expect(notTheirs.statusCode).toBe(403);

    const wrongDeal = await owner.client.post(`/api/v1/accounts/${account.id}/objectives`, objectiveBody({ opportunityIds: [elsewhere.id] }));
    expect(wrongDeal.statusCode).toBe(400);
    expect(wrongDeal.data.error.details).toEqual([{ path: 'opportunityIds', message: 'Choose opportunities of this account.' }]);

    const past = await owner.client.post(`/api/v1/accounts/${account.id}/objectives`, objectiveBody({ targetDate: dayIn(TZ, -1) }));
    expect(past.statusCode).toBe(422);
    expect(past.data.error.code).toBe('date_in_past');
    // An objective already achieved can be written down with its date gone by.
    const achieved = await owner.client.post(`/api/v1/accounts/${account.id}/objectives`, objectiveBody({ targetDate: dayIn(TZ, -30), status: 'achieved' }));
    expect(achieved.statusCode).toBe(201);

    const outsider = await signUpWorkspace(app);
    expect((await outsider.client.post(`/api/v1/accounts/${account.id}/objectives`, objectiveBody())).statusCode).toBe(404);
    expect((await outsider.client.get(`/api/v1/objectives/${achieved.data.id}`)).statusCode).toBe(404);
    expect(await count('account_objectives')).toBe(before + 1);
  });

  it('changes only from the version read (409 with the current one), and keeps who changed what, links included', async () => {
    const { owner, colleague, account } = await team();
    const deal = await createDeal(owner.client, { accountId: account.id });
    const objective = await createObjective(owner, account.id);
    const changed = await owner.client.patch(`/api/v1/objectives/${objective.id}`, { status: 'active', opportunityIds: [deal.id], version: objective.version });
    expect(changed.statusCode).toBe(200);
    expect(changed.data).toMatchObject({ status: 'active', version: 2, opportunities: [{ id: deal.id }] });

    const stale = await owner.client.patch(`/api/v1/objectives/${objective.id}`, { title: 'Something else', version: objective.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.data.error.current).toMatchObject({ title: objective.title, status: 'active', version: 2 });
    expect((await colleague.client.patch(`/api/v1/objectives/${objective.id}`, { title: 'Mine now', version: 2 })).statusCode).toBe(403);

    const history = await owner.client.get(`/api/v1/objectives/${objective.id}/history`);
    const update = history.data.data.find((e: { action: string }) => e.action === 'update');
    expect(update.changes).toEqual({ status: { before: 'planned', after: 'active' }, opportunityIds: { before: '', after: deal.id } });
    expect(history.data.data.map((e: { action: string }) => e.action).sort()).toEqual(['create', 'update']);
  });

  it('lets the owner invite contributors, who are notified, add insights and take tasks for themselves', async () => {
    const { owner, colleague, account } = await team();
    const objective = await createObjective(owner, account.id);
    const url = `/api/v1/objectives/${objective.id}`;

    // Before the invitation the colleague only reads.
    expect((await colleague.client.post(`${url}/insights`, { body: 'They hire in Munich' })).statusCode).toBe(403);
    expect((await colleague.client.post(`${url}/contributors`, { userId: colleague.me.user.id })).statusCode).toBe(403);

    const invited = await owner.client.post(`${url}/contributors`, { userId: colleague.me.user.id });
    expect(invited.statusCode).toBe(200);
    expect(invited.data.contributors).toEqual([{ id: colleague.me.user.id, name: 'Colin Colleague' }]);
    expect((await owner.client.post(`${url}/contributors`, { userId: colleague.me.user.id })).statusCode).toBe(409);
    expect((await owner.client.post(`${url}/contributors`, { userId: owner.me.user.id })).data.error.details[0].path).toBe('userId');

    const inbox = await colleague.client.get('/api/v1/notifications');
    expect(inbox.data.data[0]).toMatchObject({
      kind: 'objective_invited',
      actorName: 'Olivia Owner',
      objective: { id: objective.id, title: objective.title },
      plan: null,
      text: `Olivia Owner invited you to contribute to the objective “${objective.title}”.`,
      readAt: null,
    });

    const insight = await colleague.client.post(`${url}/insights`, { body: 'They hire in Munich' });
    expect(insight.statusCode).toBe(201);
    expect(insight.data).toMatchObject({ author: { id: colleague.me.user.id, name: 'Colin Colleague' }, body: 'They hire in Munich' });

    const task = await colleague.client.post(`${url}/tasks`, { title: 'Introduce our Munich partner', dueDate: dayIn(TZ, 7) });
    expect(task.statusCode).toBe(201);
    expect(task.data).toMatchObject({ subject: { kind: 'objective', id: objective.id }, planId: null, side: 'seller', owner: { kind: 'user', id: colleague.me.user.id }, state: 'open' });
    // A contributor takes tasks for themselves; handing them out is the owner's.
    const forOwner = await colleague.client.post(`${url}/tasks`, { title: 'Call the CFO', dueDate: dayIn(TZ, 7), ownerUserId: owner.me.user.id });
    expect(forOwner.statusCode).toBe(403);

    const full = await owner.client.get(url);
    expect(full.data.insights.map((i: { body: string }) => i.body)).toEqual(['They hire in Munich']);
    expect(full.data.tasks.map((t: { title: string }) => t.title)).toEqual(['Introduce our Munich partner']);
    expect(full.data.openTasks).toBe(1);
    expect((await colleague.client.get(url)).data.permissions).toEqual({ canEdit: false, canContribute: true });

    // Removed, the colleague can no longer add; their task stays theirs.
    expect((await owner.client.delete(`${url}/contributors/${colleague.me.user.id}`)).statusCode).toBe(204);
    expect((await colleague.client.post(`${url}/insights`, { body: 'One more' })).statusCode).toBe(403);
    expect((await owner.client.get(url)).data.tasks[0].owner.id).toBe(colleague.me.user.id);
    expect((await owner.client.delete(`${url}/contributors/${colleague.me.user.id}`)).statusCode).toBe(404);
  });

  it('keeps in its history who was invited and removed, the insights, and what happened to each task', async () => {
    const { owner, colleague, account } = await team();
    const objective = await createObjective(owner, account.id);
    const url = `/api/v1/objectives/${objective.id}`;
    await owner.client.post(`${url}/contributors`, { userId: colleague.me.user.id });
    await colleague.client.post(`${url}/insights`, { body: 'Their CFO wants one vendor' });
    const task = (await colleague.client.post(`${url}/tasks`, { title: 'Map the German org', dueDate: dayIn(TZ, 5) })).data;
    const redated = (await colleague.client.post(`/api/v1/commitments/${task.id}/renegotiations`, { newDate: dayIn(TZ, 8), reason: 'Their HR lead is away' })).data;
    await colleague.client.patch(`/api/v1/commitments/${task.id}`, { status: 'done', version: redated.commitment.version });
    await owner.client.delete(`${url}/contributors/${colleague.me.user.id}`);

    const history = await owner.client.get(`${url}/history?limit=3`);
    expect(history.statusCode).toBe(200);
    const events = [...history.data.data];
    for (let cursor = history.data.nextCursor; cursor; ) {
      const next = (await owner.client.get(`${url}/history?limit=3&cursor=${cursor}`)).data;
      events.push(...next.data);
      cursor = next.nextCursor;
    }
    const line = (e: { actor: { name: string }; entityType: string; action: string; about: string | null }) => `${e.actor.name} · ${e.entityType} ${e.action}${e.about ? ` · ${e.about}` : ''}`;
    expect(events.map(line).reverse()).toEqual([
      'Olivia Owner · objective create',
      'Olivia Owner · objective invite',
      'Colin Colleague · objective_insight create',
      'Colin Colleague · commitment create · Map the German org',
      'Colin Colleague · renegotiation create · Map the German org',
      'Colin Colleague · commitment update · Map the German org',
      'Colin Colleague · commitment update · Map the German org',
      'Olivia Owner · objective remove',
    ]);
    expect(events[0].changes).toEqual({ contributorId: { before: colleague.me.user.id, after: null } });
    expect(events.find((e: { entityType: string }) => e.entityType === 'objective_insight').changes.body).toEqual({ before: null, after: 'Their CFO wants one vendor' });
    // Another workspace cannot read it.
    const stranger = await signUpWorkspace(app, { timeZone: TZ });
    expect((await stranger.client.get(`${url}/history`)).statusCode).toBe(404);
  });

  it('refuses a task for someone not on the objective, or due before today, changing nothing', async () => {
    const { owner, colleague, account } = await team();
    const objective = await createObjective(owner, account.id);
    const before = await count('commitments');
    const stranger = await owner.client.post(`/api/v1/objectives/${objective.id}/tasks`, { title: 'Call', dueDate: dayIn(TZ, 3), ownerUserId: colleague.me.user.id });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.data.error.details).toEqual([{ path: 'ownerUserId', message: 'Choose the objective’s owner or one of its contributors.' }]);
    const past = await owner.client.post(`/api/v1/objectives/${objective.id}/tasks`, { title: 'Call', dueDate: dayIn(TZ, -1) });
    expect(past.statusCode).toBe(422);
    expect(past.data.error.code).toBe('date_in_past');
    expect(await count('commitments')).toBe(before);
  });

  it('refuses handing a task to someone not on the objective (PATCH /commitments/{id}), changing nothing; its owner and contributors may take it', async () => {
    const { admin, owner, colleague, account } = await team();
    const objective = await createObjective(owner, account.id);
    const task = (await owner.client.post(`/api/v1/objectives/${objective.id}/tasks`, { title: 'Map the org', dueDate: dayIn(TZ, 3) })).data;
    const before = (await owner.client.get(`/api/v1/commitments/${task.id}`)).data;
    // The colleague was never invited: the task would land on their Today from an objective they are not on.
    const handed = await owner.client.patch(`/api/v1/commitments/${task.id}`, { ownerUserId: colleague.me.user.id, version: task.version });
    expect(handed.statusCode).toBe(400);
    expect(handed.data.error.details).toEqual([{ path: 'ownerUserId', message: 'Choose the objective’s owner or one of its contributors.' }]);
    // An admin may change any task, but not around the rule either.
    expect((await admin.client.patch(`/api/v1/commitments/${task.id}`, { ownerUserId: admin.me.user.id, version: task.version })).statusCode).toBe(400);
    expect((await owner.client.get(`/api/v1/commitments/${task.id}`)).data).toEqual(before);
    expect((await colleague.client.get('/api/v1/today')).body).not.toContain('Map the org');
    // Invited, the colleague may take it; and it can go back to the objective's owner.
    await owner.client.post(`/api/v1/objectives/${objective.id}/contributors`, { userId: colleague.me.user.id });
    const toColleague = await owner.client.patch(`/api/v1/commitments/${task.id}`, { ownerUserId: colleague.me.user.id, version: task.version });
    expect(toColleague.statusCode).toBe(200);
    expect(toColleague.data.owner.id).toBe(colleague.me.user.id);
    const back = await owner.client.patch(`/api/v1/commitments/${task.id}`, { ownerUserId: owner.me.user.id, version: toColleague.data.version });
    expect(back.statusCode).toBe(200);
    expect(back.data.owner.id).toBe(owner.me.user.id);
  });

  it('keeps, re-dates and judges tasks with the one commitment engine: its owner’s reliability counts them, saying so', async () => {
    const { admin, owner, colleague, account } = await team();
    const bystander = await addMember(app, admin.client, { role: 'rep', timeZone: TZ });
    const objective = await createObjective(owner, account.id);
    await owner.client.post(`/api/v1/objectives/${objective.id}/contributors`, { userId: colleague.me.user.id });
    const task = (await colleague.client.post(`/api/v1/objectives/${objective.id}/tasks`, { title: 'Map the German org', dueDate: dayIn(TZ, 5) })).data;
    const other = (await colleague.client.post(`/api/v1/objectives/${objective.id}/tasks`, { title: 'Book a visit', dueDate: dayIn(TZ, 6) })).data;

    // Re-dated before the date: applies at once (their own word), kept as history.
    const redated = await colleague.client.post(`/api/v1/commitments/${task.id}/renegotiations`, { newDate: dayIn(TZ, 9), reason: 'Their HR lead is away' });
    expect(redated.statusCode).toBe(201);
    expect(redated.data.commitment).toMatchObject({ dueDate: dayIn(TZ, 9), originalDueDate: dayIn(TZ, 5), renegotiations: [{ status: 'accepted', inAdvance: true }] });
    const done = await colleague.client.patch(`/api/v1/commitments/${task.id}`, { status: 'done', version: redated.data.commitment.version });
    expect(done.statusCode).toBe(200);
    expect(done.data).toMatchObject({ status: 'done', outcome: 'kept_on_time' });
    // Someone with no say over it may neither tick nor re-date it.
    expect((await bystander.client.patch(`/api/v1/commitments/${other.id}`, { status: 'done', version: other.version })).statusCode).toBe(403);
    expect((await bystander.client.post(`/api/v1/commitments/${other.id}/renegotiations`, { newDate: dayIn(TZ, 8), reason: 'Busy' })).statusCode).toBe(403);
    // The objective's owner may drop it, with a reason.
    expect((await owner.client.patch(`/api/v1/commitments/${other.id}`, { status: 'dropped', dropReason: 'Not needed', version: other.version })).statusCode).toBe(200);

    // A colleague (not their manager): every kind but check-in actions, which are the person's and their manager's.
    const rel = await owner.client.get(`/api/v1/users/${colleague.me.user.id}/reliability`);
    expect(rel.statusCode).toBe(200);
    expect(rel.data.overall).toMatchObject({ total: 2, counted: 1, keptOnTime: 1, dropped: 1, kinds: ['plan', 'objective', 'interaction'] });
    expect(rel.data.byKind).toEqual([{ kind: 'objective', reliability: expect.objectContaining({ keptOnTime: 1, kinds: ['objective'] }) }]);
    expect(rel.data.plans).toEqual([]);
  });

  it('shows a task on its owner’s Today with the objective it serves, until the objective is no longer open', async () => {
    const { owner, colleague, account } = await team();
    const objective = await createObjective(owner, account.id, { status: 'active' });
    await owner.client.post(`/api/v1/objectives/${objective.id}/contributors`, { userId: colleague.me.user.id });
    const task = (await colleague.client.post(`/api/v1/objectives/${objective.id}/tasks`, { title: 'Meet the Munich plant manager', dueDate: dayIn(TZ, 3) })).data;

    const today = await colleague.client.get('/api/v1/today');
    expect(today.statusCode).toBe(200);
    expect(today.data.next7Days).toEqual([
      expect.objectContaining({ plan: null, objective: { id: objective.id, title: objective.title, account: { id: account.id, name: 'Globex' } }, commitment: expect.objectContaining({ id: task.id }) }),
    ]);
    // The owner's Today lists their own word only.
    expect((await owner.client.get('/api/v1/today')).data.next7Days).toEqual([]);

    const current = (await owner.client.get(`/api/v1/objectives/${objective.id}`)).data;
    await owner.client.patch(`/api/v1/objectives/${objective.id}`, { status: 'achieved', version: current.version });
    expect((await colleague.client.get('/api/v1/today')).data.next7Days).toEqual([]);
  });

  it('hands a leaver’s objectives and open tasks to the person taking over', async () => {
    const { admin, owner, colleague, account } = await team();
    const objective = await createObjective(owner, account.id);
    const task = (await owner.client.post(`/api/v1/objectives/${objective.id}/tasks`, { title: 'Draft the account plan', dueDate: dayIn(TZ, 4) })).data;
    const left = await admin.client.post(`/api/v1/users/${owner.me.user.id}/deactivate`, { transferToId: colleague.me.user.id, version: (await admin.client.get(`/api/v1/users/${owner.me.user.id}`)).data.version });
    expect(left.statusCode).toBe(200);
    const after = (await colleague.client.get(`/api/v1/objectives/${objective.id}`)).data;
    expect(after.owner).toEqual({ id: colleague.me.user.id, name: 'Colin Colleague' });
    expect(after.tasks[0]).toMatchObject({ id: task.id, owner: { id: colleague.me.user.id } });
    expect(after.permissions.canEdit).toBe(true);
    const history = (await colleague.client.get(`/api/v1/objectives/${objective.id}/history`)).data.data;
    // The objective and its open task were handed over together: both show in its history.
    expect(history.slice(0, 2)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ entityType: 'objective', action: 'transfer', changes: { ownerId: { before: owner.me.user.id, after: colleague.me.user.id } } }),
        expect.objectContaining({ entityType: 'commitment', action: 'transfer', about: 'Draft the account plan', changes: { ownerUserId: { before: owner.me.user.id, after: colleague.me.user.id } } }),
      ]),
    );
  });
});
