import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/harness.js';
import { addMember, createAccount, signUpWorkspace, type Signed } from '../../test/factories.js';
import { useFixedClock } from '../../test/clock.js';

useFixedClock(); // 2026-06-10: FY2026 is the current year with a January start, and with an April one
const { app, db } = await testApp();
const TZ = 'Europe/Paris';

const usd = (units: number) => ({ amountMinor: units * 100, currency: 'USD' });
const eur = (units: number) => ({ amountMinor: units * 100, currency: 'EUR' });

/** A workspace with two teams: Maya manages Ana and Ben, Omar manages Olga. */
async function workspace() {
  const admin = await signUpWorkspace(app, { timeZone: TZ });
  const maya = await addMember(app, admin.client, { role: 'manager', name: 'Maya Manager', timeZone: TZ });
  const omar = await addMember(app, admin.client, { role: 'manager', name: 'Omar Other', timeZone: TZ });
  const team = (await admin.client.post('/api/v1/teams', { name: 'North', managerId: maya.me.user.id })).data;
  const other = (await admin.client.post('/api/v1/teams', { name: 'South', managerId: omar.me.user.id })).data;
  // The manager is a member of the team she leads: she is not one of its reps.
  await admin.client.patch(`/api/v1/users/${maya.me.user.id}`, { teamId: team.id, version: (await admin.client.get(`/api/v1/users/${maya.me.user.id}`)).data.version });
  const ana = await addMember(app, admin.client, { role: 'rep', teamId: team.id, name: 'Ana Alvarez', timeZone: TZ });
  const ben = await addMember(app, admin.client, { role: 'rep', teamId: team.id, name: 'ben Brown', timeZone: TZ });
  const olga = await addMember(app, admin.client, { role: 'rep', teamId: other.id, name: 'Olga Other', timeZone: TZ });
  return { admin, maya, omar, team, other, ana, ben, olga };
}

async function setTarget(who: Signed, userId: string, body: Record<string, unknown>) {
  return who.client.post(`/api/v1/users/${userId}/targets`, body);
}

async function objective(owner: Signed, accountId: string, fields: { title: string; target?: { amountMinor: number; currency: string } | null; targetDate: string; status?: string }) {
  const res = await owner.client.post(`/api/v1/accounts/${accountId}/objectives`, { kind: 'expansion', ...fields });
  if (res.statusCode !== 201) throw new Error(`objective: ${res.statusCode} ${res.body}`);
  return res.data;
}

const targetRows = async (userId: string) => db.selectFrom('rep_targets').selectAll().where('user_id', '=', userId).execute();
const targetEvents = async (targetId: string) =>
  db.selectFrom('audit_events').select(['actor_name', 'action', 'changes', 'occurred_at']).where('entity_type', '=', 'rep_target').where('entity_id', '=', targetId).orderBy('occurred_at').orderBy('id').execute();

describe('yearly targets against the objectives due in the fiscal year', () => {
  it('gives the issue’s example: target 1 000 000, objectives 300 000 + 250 000 → 450 000 to find; other currencies apart', async () => {
    const { maya, ana } = await workspace();
    const set = await setTarget(maya, ana.me.user.id, { fiscalYear: 2026, amount: usd(1_000_000), version: 0 });
    expect(set.statusCode).toBe(200);
    expect(set.data).toMatchObject({ user: { id: ana.me.user.id, name: 'Ana Alvarez' }, fiscalYear: 2026, amount: usd(1_000_000), setBy: { id: maya.me.user.id, name: 'Maya Manager' }, version: 1 });

    const globex = await createAccount(ana.client, { name: 'Globex' });
    const initech = await createAccount(ana.client, { name: 'Initech' });
    const renewal = await objective(ana, globex.id, { title: 'Renew the EMEA contract', target: usd(300_000), targetDate: '2026-09-30' });
    const expansion = await objective(ana, initech.id, { title: 'Open the plant in Lyon', target: usd(250_000), targetDate: '2026-11-30', status: 'active' });
    const euro = await objective(ana, globex.id, { title: 'Their German subsidiary', target: eur(100_000), targetDate: '2026-10-15' });
    const unpriced = await objective(ana, initech.id, { title: 'Meet their new CIO', targetDate: '2026-08-01' });
    const dropped = await objective(ana, globex.id, { title: 'Shop floor tablets', target: usd(90_000), targetDate: '2026-07-31' });
    await ana.client.patch(`/api/v1/objectives/${dropped.id}`, { status: 'dropped', version: dropped.version });
    await objective(ana, globex.id, { title: 'Next year’s renewal', target: usd(500_000), targetDate: '2027-02-01' });

    // The rep reads her own, in the current fiscal year by default.
    const mine = await ana.client.get('/api/v1/account-planning');
    expect(mine.statusCode).toBe(200);
    expect(mine.data).toMatchObject({
      fiscalYear: { fiscalYear: 2026, name: 'FY2026', start: '2026-01-01', end: '2026-12-31', isCurrent: true },
      fiscalYearStartMonth: 1,
      targetCurrency: 'USD',
      countedStatuses: ['planned', 'active', 'achieved', 'missed'],
      rep: { id: ana.me.user.id, name: 'Ana Alvarez' },
      target: { amount: usd(1_000_000), version: 1 },
      // Per currency, never added together.
      objectives: [eur(100_000), usd(550_000)],
      gap: { currency: 'USD', targetMinor: 100_000_000, objectivesMinor: 55_000_000, gapMinor: 45_000_000 },
      otherCurrencies: [eur(100_000)],
      // The dropped one and next year's are not counted; the one without an amount is listed.
      objectiveCount: 4,
      canSetTarget: false,
    });
    expect(mine.data.objectiveList.data.map((o: { id: string }) => o.id)).toEqual([unpriced.id, renewal.id, euro.id, expansion.id]);
    expect(mine.data.objectiveList.data[1]).toEqual({ id: renewal.id, title: 'Renew the EMEA contract', account: { id: globex.id, name: 'Globex' }, amount: usd(300_000), status: 'planned', targetDate: '2026-09-30' });
    expect(mine.data.objectiveList.data[0].amount).toBeNull();

    // Her manager sees the same, and may set the target.
    const managed = await maya.client.get(`/api/v1/account-planning?userId=${ana.me.user.id}&fiscalYear=2026`);
    expect(managed.statusCode).toBe(200);
    expect(managed.data.gap).toEqual(mine.data.gap);
    expect(managed.data.canSetTarget).toBe(true);

    // Next year: no target yet, so no gap; its objective stands apart.
    const next = await ana.client.get('/api/v1/account-planning?fiscalYear=2027');
    expect(next.data).toMatchObject({ fiscalYear: { fiscalYear: 2027, isCurrent: false }, target: null, gap: null, objectives: [usd(500_000)], otherCurrencies: [usd(500_000)], objectiveCount: 1 });
  });

  it('counts achieved and missed objectives, never dropped ones, and says ahead when the objectives exceed the target', async () => {
    const { admin, ana } = await workspace();
    await setTarget(admin, ana.me.user.id, { fiscalYear: 2026, amount: usd(500_000), version: 0 });
    const account = await createAccount(ana.client);
    await objective(ana, account.id, { title: 'Won in spring', target: usd(350_000), targetDate: '2026-03-01', status: 'achieved' });
    await objective(ana, account.id, { title: 'Lost in May', target: usd(200_000), targetDate: '2026-05-01', status: 'missed' });
    await objective(ana, account.id, { title: 'Gave up', target: usd(800_000), targetDate: '2026-04-01', status: 'dropped' });
    const res = await ana.client.get('/api/v1/account-planning?fiscalYear=2026');
    // 500 000 − (350 000 + 200 000) = −50 000: ahead of target by 50 000.
    expect(res.data.gap).toEqual({ currency: 'USD', targetMinor: 50_000_000, objectivesMinor: 55_000_000, gapMinor: -5_000_000 });
    expect(res.data.objectiveCount).toBe(2);
  });

  it('keeps the pages readable when objectives at the largest amount add up past what a JSON number holds exactly', async () => {
    const { maya, ana, team } = await workspace();
    const MAX = 999_999_999_999_999;
    await setTarget(maya, ana.me.user.id, { fiscalYear: 2026, amount: { amountMinor: MAX, currency: 'USD' }, version: 0 });
    const account = await createAccount(ana.client);
    // Ten of them: 9 999 999 999 999 990 minor units, past 2^53 − 1 (9 007 199 254 740 991).
    for (let i = 0; i < 10; i += 1) await objective(ana, account.id, { title: `Huge ${i}`, target: { amountMinor: MAX, currency: 'USD' }, targetDate: '2026-09-30' });
    const mine = await ana.client.get('/api/v1/account-planning?fiscalYear=2026');
    expect(mine.statusCode).toBe(200);
    // The sum reads as the ceiling, and the gap follows from it: far ahead of the target.
    expect(mine.data.objectives).toEqual([{ amountMinor: Number.MAX_SAFE_INTEGER, currency: 'USD' }]);
    expect(mine.data.gap).toEqual({ currency: 'USD', targetMinor: MAX, objectivesMinor: Number.MAX_SAFE_INTEGER, gapMinor: MAX - Number.MAX_SAFE_INTEGER });
    const teamPage = await maya.client.get(`/api/v1/teams/${team.id}/account-planning?fiscalYear=2026`);
    expect(teamPage.statusCode).toBe(200);
    expect(teamPage.data.totals).toEqual([expect.objectContaining({ currency: 'USD', targetMinor: MAX, objectivesMinor: Number.MAX_SAFE_INTEGER })]);
  });

  it('lets the manager set targets only for reps of her team, an admin for anyone, and never a rep — not even their own', async () => {
    const { admin, maya, omar, ana, ben, olga } = await workspace();
    const body = { fiscalYear: 2026, amount: usd(800_000), version: 0 };

    const own = await setTarget(ana, ana.me.user.id, body);
    expect(own.statusCode).toBe(403);
    expect(own.data.error.message).toBe('Reps cannot set their own yearly target: your manager or an admin sets it with you.');
    const colleague = await setTarget(ana, ben.me.user.id, body);
    expect(colleague.statusCode).toBe(403);
    expect(colleague.data.error.message).toMatch(/^Reps cannot set yearly targets/);
    const otherTeam = await setTarget(maya, olga.me.user.id, body);
    expect(otherTeam.statusCode).toBe(403);
    expect(otherTeam.data.error.message).toBe('Only the manager of Olga Other’s team or an admin can set their yearly target.');
    const herself = await setTarget(maya, maya.me.user.id, body);
    expect(herself.statusCode).toBe(403);
    expect(herself.data.error.message).toMatch(/cannot set your own yearly target/);
    // None of the refusals wrote anything.
    expect(await targetRows(ana.me.user.id)).toEqual([]);
    expect(await targetRows(olga.me.user.id)).toEqual([]);
    expect(await targetRows(maya.me.user.id)).toEqual([]);

    expect((await setTarget(maya, ben.me.user.id, body)).statusCode).toBe(200);
    expect((await setTarget(omar, olga.me.user.id, body)).statusCode).toBe(200);
    expect((await setTarget(admin, maya.me.user.id, body)).statusCode).toBe(200);

    // Reading: your own; a manager her team's; an admin anyone's.
    expect((await ana.client.get(`/api/v1/account-planning?userId=${ben.me.user.id}`)).statusCode).toBe(403);
    expect((await maya.client.get(`/api/v1/account-planning?userId=${olga.me.user.id}`)).statusCode).toBe(403);
    expect((await maya.client.get(`/api/v1/account-planning?userId=${ben.me.user.id}`)).data.target.amount).toEqual(usd(800_000));
    expect((await admin.client.get(`/api/v1/account-planning?userId=${olga.me.user.id}`)).statusCode).toBe(200);
  });

  it('takes the fiscal year in a body as a number only: a string or an array is refused naming it, writing nothing', async () => {
    const { maya, ana } = await workspace();
    for (const fiscalYear of [[2026], '2026', true, '']) {
      const res = await setTarget(maya, ana.me.user.id, { fiscalYear, amount: usd(800_000), version: 0 });
      expect(res.statusCode, JSON.stringify(fiscalYear)).toBe(400);
      expect(res.data.error.details.map((d: { path: string }) => d.path)).toEqual(['fiscalYear']);
    }
    expect(await targetRows(ana.me.user.id)).toEqual([]);
    // The query string is text: there the year reads as a number.
    expect((await ana.client.get('/api/v1/account-planning?fiscalYear=2026')).statusCode).toBe(200);
  });

  it('writes with the version read: a stale one answers 409 with the target as it is, and each change is audited', async () => {
    const { admin, maya, ana } = await workspace();
    const first = await setTarget(maya, ana.me.user.id, { fiscalYear: 2026, amount: usd(900_000), version: 0 });
    expect(first.data.version).toBe(1);
    const byAdmin = await setTarget(admin, ana.me.user.id, { fiscalYear: 2026, amount: usd(950_000), version: 1 });
    expect(byAdmin.statusCode).toBe(200);
    expect(byAdmin.data).toMatchObject({ amount: usd(950_000), version: 2, setBy: { id: admin.me.user.id } });

    // Maya still holds version 1.
    const stale = await setTarget(maya, ana.me.user.id, { fiscalYear: 2026, amount: usd(1_000_000), version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.data.error.code).toBe('version_conflict');
    expect(stale.data.error.current).toMatchObject({ amount: usd(950_000), version: 2 });
    // "There was none" while there is one: 409 too, with it.
    const none = await setTarget(maya, ana.me.user.id, { fiscalYear: 2026, amount: usd(1_000_000), version: 0 });
    expect(none.statusCode).toBe(409);
    expect(none.data.error.current.version).toBe(2);
    const missing = await setTarget(maya, ana.me.user.id, { fiscalYear: 2026, amount: usd(1_000_000) });
    expect(missing.statusCode).toBe(400);
    expect(missing.data.error.details[0].path).toBe('version');
    // A body and an If-Match that name different versions: which one was read is unclear, so neither is taken.
    const mixed = await maya.client.post(`/api/v1/users/${ana.me.user.id}/targets`, { fiscalYear: 2026, amount: usd(1_000_000), version: 2 }, { 'if-match': '"1"' });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.data.error.details[0].path).toBe('version');

    // The same amount again changes nothing (no new version, no event).
    expect((await setTarget(admin, ana.me.user.id, { fiscalYear: 2026, amount: usd(950_000), version: 2 })).data.version).toBe(2);

    const events = await targetEvents(first.data.id);
    expect(events.map((e) => [e.actor_name, e.action])).toEqual([
      ['Maya Manager', 'create'],
      ['Ada Admin', 'update'],
    ]);
    expect(JSON.parse(events[0].changes)).toMatchObject({ amountMinor: { before: null, after: 90_000_000 }, currency: { before: null, after: 'USD' }, fiscalYear: { before: null, after: 2026 } });
    expect(JSON.parse(events[1].changes)).toEqual({ amountMinor: { before: 90_000_000, after: 95_000_000 } });
    expect(await targetRows(ana.me.user.id)).toHaveLength(1);
  });

  it('lets one of two simultaneous writers win, first setting or change alike; the other gets 409', async () => {
    const { admin, maya, ana } = await workspace();
    const firsts = await Promise.all([
      setTarget(maya, ana.me.user.id, { fiscalYear: 2026, amount: usd(700_000), version: 0 }),
      setTarget(admin, ana.me.user.id, { fiscalYear: 2026, amount: usd(750_000), version: 0 }),
    ]);
    expect(firsts.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await targetRows(ana.me.user.id)).toHaveLength(1);
    const changes = await Promise.all([
      setTarget(maya, ana.me.user.id, { fiscalYear: 2026, amount: usd(800_000), version: 1 }),
      setTarget(admin, ana.me.user.id, { fiscalYear: 2026, amount: usd(850_000), version: 1 }),
    ]);
    expect(changes.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = changes.find((r) => r.statusCode === 200)!.data;
    const [row] = await targetRows(ana.me.user.id);
    expect([Number(row.amount_minor), row.version]).toEqual([winner.amount.amountMinor, 2]);
    expect(await targetEvents(row.id)).toHaveLength(2);
  });

  it('takes targets in the workspace’s target currency only, and keeps old targets in theirs when it changes', async () => {
    const { admin, maya, ana } = await workspace();
    const wrong = await setTarget(maya, ana.me.user.id, { fiscalYear: 2026, amount: eur(800_000), version: 0 });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.data.error.details).toEqual([{ path: 'amount.currency', message: expect.stringMatching(/set in USD/) }]);
    const bad = await setTarget(maya, ana.me.user.id, { fiscalYear: 1999, amount: { amountMinor: -5, currency: 'usd' }, version: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.data.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['amount.amountMinor', 'amount.currency', 'fiscalYear']);

    await setTarget(maya, ana.me.user.id, { fiscalYear: 2026, amount: usd(800_000), version: 0 });
    const settings = (await admin.client.get('/api/v1/workspace/fiscal-year')).data;
    expect((await admin.client.patch('/api/v1/workspace/fiscal-year', { targetCurrency: 'EUR', version: settings.version })).statusCode).toBe(200);
    expect((await setTarget(maya, ana.me.user.id, { fiscalYear: 2027, amount: eur(700_000), version: 0 })).statusCode).toBe(200);
    const account = await createAccount(ana.client);
    await objective(ana, account.id, { title: 'Dollar deal', target: usd(100_000), targetDate: '2026-10-01' });
    await objective(ana, account.id, { title: 'Euro deal', target: eur(40_000), targetDate: '2026-10-02' });
    // FY2026's target stays in dollars: its gap counts the dollar objective; the euro one stands apart.
    const fy2026 = (await ana.client.get('/api/v1/account-planning?fiscalYear=2026')).data;
    expect(fy2026).toMatchObject({ targetCurrency: 'EUR', target: { amount: usd(800_000) }, gap: { currency: 'USD', gapMinor: 70_000_000 }, otherCurrencies: [eur(40_000)] });
  });

  it('lets only an admin read and change the fiscal year; a new start month moves the year’s bounds; stale versions answer 409', async () => {
    const { admin, maya, ana } = await workspace();
    expect((await ana.client.get('/api/v1/workspace/fiscal-year')).statusCode).toBe(403);
    expect((await maya.client.get('/api/v1/workspace/fiscal-year')).statusCode).toBe(403);
    const read = await admin.client.get('/api/v1/workspace/fiscal-year');
    expect(read.data).toMatchObject({ fiscalYearStartMonth: 1, targetCurrency: 'USD', currentFiscalYear: { fiscalYear: 2026, start: '2026-01-01', end: '2026-12-31', isCurrent: true } });
    expect((await maya.client.patch('/api/v1/workspace/fiscal-year', { fiscalYearStartMonth: 4, version: read.data.version })).statusCode).toBe(403);
    expect((await admin.client.patch('/api/v1/workspace/fiscal-year', { fiscalYearStartMonth: 13, version: read.data.version })).statusCode).toBe(400);

    const april = await admin.client.patch('/api/v1/workspace/fiscal-year', { fiscalYearStartMonth: 4, version: read.data.version });
    expect(april.statusCode).toBe(200);
    expect(april.data).toMatchObject({ fiscalYearStartMonth: 4, version: read.data.version + 1, currentFiscalYear: { fiscalYear: 2026, start: '2026-04-01', end: '2027-03-31' } });
    const stale = await admin.client.patch('/api/v1/workspace/fiscal-year', { fiscalYearStartMonth: 10, version: read.data.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.data.error.current).toMatchObject({ fiscalYearStartMonth: 4, version: read.data.version + 1 });
    const events = await db.selectFrom('audit_events').select(['changes', 'actor_name']).where('entity_type', '=', 'workspace').where('entity_id', '=', admin.me.workspace.id).execute();
    expect(events.map((e) => JSON.parse(e.changes))).toContainEqual({ fiscalYearStartMonth: { before: 1, after: 4 } });

    // With an April start, an objective due on 1 Feb 2027 is in FY2026, one due on 1 Apr 2027 is not.
    await setTarget(maya, ana.me.user.id, { fiscalYear: 2026, amount: usd(100_000), version: 0 });
    const account = await createAccount(ana.client);
    await objective(ana, account.id, { title: 'In FY2026', target: usd(60_000), targetDate: '2027-02-01' });
    await objective(ana, account.id, { title: 'In FY2027', target: usd(70_000), targetDate: '2027-04-01' });
    const res = (await ana.client.get('/api/v1/account-planning')).data;
    expect(res.fiscalYear).toMatchObject({ fiscalYear: 2026, start: '2026-04-01', end: '2027-03-31' });
    expect(res.gap).toEqual({ currency: 'USD', targetMinor: 10_000_000, objectivesMinor: 6_000_000, gapMinor: 4_000_000 });
  });

  it('shows a manager each rep of her team in name order, a page at a time, and the team’s totals per currency', async () => {
    const { admin, maya, team, ana, ben, olga } = await workspace();
    const cleo = await addMember(app, admin.client, { role: 'rep', teamId: team.id, name: 'Cleo Chen', timeZone: TZ });
    await setTarget(maya, ana.me.user.id, { fiscalYear: 2026, amount: usd(1_000_000), version: 0 });
    await setTarget(maya, ben.me.user.id, { fiscalYear: 2026, amount: usd(600_000), version: 0 });
    await setTarget(admin, olga.me.user.id, { fiscalYear: 2026, amount: usd(5_000_000), version: 0 });
    const account = await createAccount(admin.client);
    const give = async (owner: Signed, target: { amountMinor: number; currency: string }, date = '2026-10-01') =>
      objective(admin, account.id, { title: `For ${owner.me.user.name}`, target, targetDate: date }).then(async (o) =>
        admin.client.patch(`/api/v1/objectives/${o.id}`, { ownerId: owner.me.user.id, version: o.version }),
      );
    await give(ana, usd(300_000));
    await give(ana, usd(250_000));
    await give(ben, usd(700_000));
    await give(cleo, usd(80_000));
    await give(cleo, eur(120_000));
    await give(olga, usd(999_000)); // another team: not in this one's totals

    const first = await maya.client.get(`/api/v1/teams/${team.id}/account-planning?limit=2`);
    expect(first.statusCode).toBe(200);
    // Name order whatever the case of the first letter (Ana, ben, Cleo); Maya, who leads it, is not one of its reps.
    expect(first.data.reps.data.map((r: { rep: { name: string } }) => r.rep.name)).toEqual(['Ana Alvarez', 'ben Brown']);
    expect(first.data.reps.data[0]).toMatchObject({ gap: { gapMinor: 45_000_000 }, canSetTarget: true });
    expect(first.data.reps.data[1]).toMatchObject({ gap: { gapMinor: -10_000_000 } });
    expect(first.data.reps.nextCursor).toEqual(expect.any(String));
    const second = await maya.client.get(`/api/v1/teams/${team.id}/account-planning?limit=2&cursor=${first.data.reps.nextCursor}`);
    expect(second.data.reps.data.map((r: { rep: { name: string } }) => r.rep.name)).toEqual(['Cleo Chen']);
    expect(second.data.reps.data[0]).toMatchObject({ target: null, gap: null, otherCurrencies: [eur(120_000), usd(80_000)] });
    expect(second.data.reps.nextCursor).toBeNull();

    // The whole team on every page: 1 600 000 − 1 330 000 = 270 000 USD to find; euros stand apart.
    for (const page of [first, second]) {
      expect(page.data.totals).toEqual([
        { currency: 'EUR', targetMinor: null, objectivesMinor: 12_000_000, gapMinor: null },
        { currency: 'USD', targetMinor: 160_000_000, objectivesMinor: 133_000_000, gapMinor: 27_000_000 },
      ]);
      expect(page.data).toMatchObject({ repCount: 3, repsWithoutTarget: 1, team: { id: team.id, name: 'North', manager: { id: maya.me.user.id } } });
    }
  });

  it('shows a team only to its manager and admins', async () => {
    const { admin, omar, team, ana } = await workspace();
    expect((await ana.client.get(`/api/v1/teams/${team.id}/account-planning`)).statusCode).toBe(403);
    const other = await omar.client.get(`/api/v1/teams/${team.id}/account-planning`);
    expect(other.statusCode).toBe(403);
    expect(other.data.error.message).toBe('Only the team’s manager or an admin sees the team’s account planning.');
    expect((await admin.client.get(`/api/v1/teams/${team.id}/account-planning?fiscalYear=2025`)).data.fiscalYear.fiscalYear).toBe(2025);
  });

  it('answers 404 to another workspace, and refuses a deactivated rep’s target', async () => {
    const { admin, maya, team, ana, ben } = await workspace();
    const stranger = await signUpWorkspace(app);
    const body = { fiscalYear: 2026, amount: usd(1), version: 0 };
    for (const res of [
      await setTarget(stranger, ana.me.user.id, body),
      await stranger.client.get(`/api/v1/account-planning?userId=${ana.me.user.id}`),
      await stranger.client.get(`/api/v1/teams/${team.id}/account-planning`),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.data.error.code).toBe('not_found');
    }
    expect(await targetRows(ana.me.user.id)).toEqual([]);

    await admin.client.post(`/api/v1/users/${ben.me.user.id}/deactivate`, { transferToId: ana.me.user.id, version: (await admin.client.get(`/api/v1/users/${ben.me.user.id}`)).data.version });
    const gone = await setTarget(maya, ben.me.user.id, body);
    expect(gone.statusCode).toBe(422);
    expect(gone.data.error.message).toMatch(/ben Brown is deactivated/);
  });
});
