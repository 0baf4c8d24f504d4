import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/harness.js';
import { Client, addMember, createAccount, signUpWorkspace, type Signed } from '../../test/factories.js';
import { addDays, todayIn } from '../../../domain/dates.js';
import { useFixedClock } from '../../test/clock.js';

useFixedClock(); // dates are judged against today: no midnight inside the run
const { app, db } = await testApp();

type Opp = { id: string; name: string; updatedAt: string; closeDate: string; amount: { amountMinor: number }; version: number; status: string; closedAt: string | null };

/** The workspace's stages in position order (the stages API belongs to another feature). */
async function stagesOf(signed: Signed) {
  return db.selectFrom('stages').select(['id', 'name']).where('workspace_id', '=', signed.me.workspace.id).orderBy('position').execute();
}

async function createOpp(signed: Signed, body: Record<string, unknown>): Promise<Opp> {
  const res = await signed.client.post('/api/v1/opportunities', { name: 'New deal', amount: { amountMinor: 100_00, currency: 'EUR' }, closeDate: '2026-12-31', ...body });
  if (res.statusCode !== 201) throw new Error(`create opportunity failed: ${res.statusCode} ${res.body}`);
  return res.data;
}

const names = async (client: Client, query: string) =>
  (await client.get(`/api/v1/opportunities?${query}`)).data.data.map((o: { name: string }) => o.name).sort();

async function allPages(client: Client, query: string, limit: number): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | null = null;
  do {
    const res: { statusCode: number; data: { data: { name: string }[]; nextCursor: string | null } } = await client.get(
      `/api/v1/opportunities?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(res.statusCode).toBe(200);
    out.push(...res.data.data.map((o) => o.name));
    cursor = res.data.nextCursor;
  } while (cursor);
  return out;
}

describe('opportunities', () => {
  it('creates with the first stage and the actor as owner, and presents account, stage, owner and money', async () => {
    const admin = await signUpWorkspace(app);
    const acc = await createAccount(admin.client, { name: 'Globex' });
    const [first] = await stagesOf(admin);
    const res = await admin.client.post('/api/v1/opportunities', { accountId: acc.id, name: 'Globex rollout', amount: { amountMinor: 1_250_000_00, currency: 'EUR' }, closeDate: '2026-11-30' });
    expect(res.statusCode).toBe(201);
    expect(res.data).toMatchObject({
      account: { id: acc.id, name: 'Globex' },
      name: 'Globex rollout',
      amount: { amountMinor: 1_250_000_00, currency: 'EUR' },
      stage: { id: first.id, name: 'Qualify' },
      closeDate: '2026-11-30',
      owner: { id: admin.me.user.id, name: 'Ada Admin' },
      status: 'open',
      closeReason: null,
      closedAt: null,
      archivedAt: null,
      version: 1,
      permissions: { canEdit: true },
    });
    expect((await admin.client.get(`/api/v1/opportunities/${res.data.id}`)).data).toEqual(res.data);
    const row = await db.selectFrom('opportunities').select(['amount_minor', 'currency']).where('id', '=', res.data.id).executeTakeFirstOrThrow();
    expect({ amount: Number(row.amount_minor), currency: row.currency }).toEqual({ amount: 1_250_000_00, currency: 'EUR' });
  });

  it('refuses an amount with a field it does not know, naming it, and changes nothing', async () => {
    const admin = await signUpWorkspace(app);
    const opp = await createOpp(admin, { accountId: (await createAccount(admin.client)).id });
    const res = await admin.client.patch(`/api/v1/opportunities/${opp.id}`, { amount: { amountMinor: 5000, currency: 'USD', amount: 9_999_999 }, version: opp.version });
    expect(res.statusCode).toBe(400);
    expect(res.data.error.details.map((d: { path: string }) => d.path)).toEqual(['amount.amount']);
    expect(res.data.error.details[0].message).toMatch(/not|unknown|unrecogni[sz]ed/i);
    expect((await admin.client.get(`/api/v1/opportunities/${opp.id}`)).data).toMatchObject({ amount: { amountMinor: 100_00, currency: 'EUR' }, version: opp.version });
  });

  it('edits with a version (body or If-Match), answers a stale one with the current record, and keeps history', async () => {
    const admin = await signUpWorkspace(app);
    const opp = await createOpp(admin, { accountId: (await createAccount(admin.client)).id });
    const stages = await stagesOf(admin);
    const moved = await admin.client.patch(`/api/v1/opportunities/${opp.id}`, { stageId: stages[2].id, amount: { amountMinor: 5000, currency: 'USD' }, version: 1 });
    expect(moved.statusCode).toBe(200);
    expect(moved.data).toMatchObject({ stage: { id: stages[2].id, name: 'Solution fit' }, amount: { amountMinor: 5000, currency: 'USD' }, version: 2 });
    const byHeader = await admin.client.patch(`/api/v1/opportunities/${opp.id}`, { closeDate: '2027-01-15' }, { 'if-match': '"2"' });
    expect(byHeader.data).toMatchObject({ closeDate: '2027-01-15', version: 3 });

    const stale = await admin.client.patch(`/api/v1/opportunities/${opp.id}`, { name: 'Mine', version: 2 });
    expect(stale.statusCode).toBe(409);
    expect(stale.data.error.code).toBe('version_conflict');
    expect(stale.data.error.current).toMatchObject({ name: 'New deal', closeDate: '2027-01-15', version: 3 });
    expect((await admin.client.patch(`/api/v1/opportunities/${opp.id}`, { name: 'Mine' })).statusCode).toBe(400);
    // Stale with a close date already gone: the current deal first, not a judgement of the form it saw.
    const staleAndPast = await admin.client.patch(`/api/v1/opportunities/${opp.id}`, { closeDate: '2026-06-01', version: 2 });
    expect(staleAndPast.statusCode).toBe(409);
    expect(staleAndPast.data.error).toMatchObject({ code: 'version_conflict', current: { closeDate: '2027-01-15', version: 3 } });

    const history = (await admin.client.get(`/api/v1/opportunities/${opp.id}/history`)).data.data;
    expect(history.map((e: { action: string }) => e.action)).toEqual(['update', 'update', 'create']);
    expect(history[1].changes).toEqual({
      stageId: { before: stages[0].id, after: stages[2].id },
      amountMinor: { before: 10000, after: 5000 },
      currency: { before: 'EUR', after: 'USD' },
    });
  });

  it('names every bad field, refuses unknown ones, and checks account, stage and owner', async () => {
    const admin = await signUpWorkspace(app);
    const other = await signUpWorkspace(app);
    const acc = await createAccount(admin.client);
    const paths = (res: { data: { error: { details: { path: string }[] } } }) => res.data.error.details.map((d) => d.path).sort();

    const bad = await admin.client.post('/api/v1/opportunities', {
      accountId: acc.id,
      name: '',
      amount: { amountMinor: -1, currency: 'eur' },
      closeDate: '2026-02-30',
      status: 'lost',
      probability: 50,
    });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['amount.amountMinor', 'amount.currency', 'closeDate', 'closeReason', 'name', 'probability']);

    const [theirStage] = await stagesOf(other);
    const foreign = await admin.client.post('/api/v1/opportunities', {
      accountId: (await createAccount(other.client)).id,
      stageId: theirStage.id,
      ownerId: other.me.user.id,
      name: 'Deal',
      amount: { amountMinor: 1, currency: 'EUR' },
      closeDate: '2026-12-31',
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.data.error.details).toEqual([
      { path: 'accountId', message: 'Choose an account in this workspace.' },
      { path: 'stageId', message: 'Choose an active stage of this workspace.' },
      { path: 'ownerId', message: 'Choose an active person in this workspace.' },
    ]);

    const archivedAccount = await createAccount(admin.client);
    await admin.client.post(`/api/v1/accounts/${archivedAccount.id}/archive`, { version: archivedAccount.version });
    const onArchived = await admin.client.post('/api/v1/opportunities', { accountId: archivedAccount.id, name: 'Deal', amount: { amountMinor: 1, currency: 'EUR' }, closeDate: '2026-12-31' });
    expect(onArchived.statusCode).toBe(400);
    expect(paths(onArchived)).toEqual(['accountId']);

    const [first, second] = await stagesOf(admin);
    await db.updateTable('stages').set({ archived_at: new Date().toISOString() }).where('id', '=', first.id).execute();
    expect((await admin.client.post('/api/v1/opportunities', { accountId: acc.id, stageId: first.id, name: 'Deal', amount: { amountMinor: 1, currency: 'EUR' }, closeDate: '2026-12-31' })).statusCode).toBe(400);
    // With the first stage archived, the default is the first active one.
    const opp = await createOpp(admin, { accountId: acc.id });
    expect((await admin.client.get(`/api/v1/opportunities/${opp.id}`)).data.stage.id).toBe(second.id);
    const toArchived = await admin.client.patch(`/api/v1/opportunities/${opp.id}`, { stageId: first.id, accountId: archivedAccount.id, version: 1 });
    expect(paths(toArchived)).toEqual(['accountId', 'stageId']);

    expect((await admin.client.get('/api/v1/opportunities')).data.data.map((o: { id: string }) => o.id)).toEqual([opp.id]);
  });

  it('needs a reason to lose or walk away, stamps closedAt on closing and clears the close on reopening', async () => {
    const admin = await signUpWorkspace(app);
    const opp = await createOpp(admin, { accountId: (await createAccount(admin.client)).id });
    const patch = (body: Record<string, unknown>, version: number) => admin.client.patch(`/api/v1/opportunities/${opp.id}`, { ...body, version });

    const noReason = await patch({ status: 'lost' }, 1);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.data.error.details).toEqual([{ path: 'closeReason', message: 'Say why the deal was lost or walked away from.' }]);

    const lost = await patch({ status: 'lost', closeReason: 'Chose a competitor on price' }, 1);
    expect(lost.statusCode).toBe(200);
    expect(lost.data).toMatchObject({ status: 'lost', closeReason: 'Chose a competitor on price', version: 2 });
    expect(Date.parse(lost.data.closedAt)).toBeGreaterThan(Date.now() - 60_000);

    // Clearing the reason of a lost deal would leave it without one.
    const cleared = await patch({ closeReason: null }, 2);
    expect(cleared.statusCode).toBe(400);
    expect(cleared.data.error.details.map((d: { path: string }) => d.path)).toEqual(['closeReason']);
    const renamed = await patch({ name: 'Renamed' }, 2);
    expect(renamed.data).toMatchObject({ closedAt: lost.data.closedAt, status: 'lost' });

    const walked = await patch({ status: 'walked_away' }, 3);
    expect(walked.data).toMatchObject({ status: 'walked_away', closeReason: 'Chose a competitor on price' });
    expect(walked.data.closedAt >= lost.data.closedAt).toBe(true);

    const reopened = await patch({ status: 'open' }, 4);
    expect(reopened.data).toMatchObject({ status: 'open', closeReason: null, closedAt: null });

    const won = await patch({ status: 'won' }, 5);
    expect(won.statusCode).toBe(200);
    expect(won.data.closedAt).not.toBeNull();
    const wonAtCreate = await createOpp(admin, { accountId: won.data.account.id, status: 'won' });
    expect(wonAtCreate.closedAt).not.toBeNull();
    const walkedAtCreate = await admin.client.post('/api/v1/opportunities', { accountId: won.data.account.id, name: 'x', amount: { amountMinor: 1, currency: 'EUR' }, closeDate: '2026-01-01', status: 'walked_away' });
    expect(walkedAtCreate.data.error.details.map((d: { path: string }) => d.path)).toEqual(['closeReason']);
  });

  it('counts a deal recorded afterwards as closed on its close date, in the recorder’s zone, never later than now', async () => {
    const admin = await signUpWorkspace(app, { timeZone: 'Pacific/Auckland' });
    const accountId = (await createAccount(admin.client)).id;
    const today = todayIn('Pacific/Auckland', new Date());
    // Won five weeks ago, typed in today: it closed then (on that day where the rep is), not today.
    const past = addDays(today, -35);
    const recorded = await createOpp(admin, { accountId, status: 'won', closeDate: past });
    expect(todayIn('Pacific/Auckland', new Date(recorded.closedAt!))).toBe(past);
    // Won today with a close date still ahead: closed now.
    const early = await createOpp(admin, { accountId, status: 'won', closeDate: addDays(today, 20) });
    expect(Date.parse(early.closedAt!)).toBeGreaterThan(Date.now() - 60_000);
    // An open deal whose expected date went by, closed today with its whole form sent back: today.
    const open = await createOpp(admin, { accountId, closeDate: addDays(today, 1) });
    await db.updateTable('opportunities').set({ close_date: addDays(today, -10) }).where('id', '=', open.id).execute();
    const closedNow = await admin.client.patch(`/api/v1/opportunities/${open.id}`, { status: 'lost', closeReason: 'Budget cut', closeDate: addDays(today, -10), version: 1 });
    expect(closedNow.statusCode).toBe(200);
    expect(Date.parse(closedNow.data.closedAt)).toBeGreaterThan(Date.now() - 60_000);
    // …and with the day it was lost given as a new close date: that day.
    const other = await createOpp(admin, { accountId, closeDate: addDays(today, 1) });
    const lostThen = await admin.client.patch(`/api/v1/opportunities/${other.id}`, { status: 'lost', closeReason: 'Budget cut', closeDate: addDays(today, -3), version: 1 });
    expect(lostThen.statusCode).toBe(200);
    expect(todayIn('Pacific/Auckland', new Date(lostThen.data.closedAt))).toBe(addDays(today, -3));
  });

  it('finds the same deals by a common word whether the page is found by walking the list or through the text index', async () => {
    // More than a page of matches among the first rows walked: the list tests each walked row itself
    // (its name, its account's name) instead of reading every match from the text index.
    const admin = await signUpWorkspace(app);
    const zoe = await createAccount(admin.client, { name: 'Zoë Kestrel GmbH' });
    const other = await createAccount(admin.client, { name: 'Northwind' });
    const expected: string[] = [];
    for (let i = 0; i < 30; i++) {
      await createOpp(admin, { accountId: zoe.id, name: `Deal ${i}` });
      expected.push(`Deal ${i}`);
    }
    for (let i = 0; i < 12; i++) {
      await createOpp(admin, { accountId: other.id, name: `Kestrels rollout ${i}` });
      expected.push(`Kestrels rollout ${i}`);
    }
    for (let i = 0; i < 8; i++) await createOpp(admin, { accountId: other.id, name: `Falcon ${i} (akestrel)` });

    for (const limit of [10, 100]) {
      const found = await allPages(admin.client, 'q=kestrel', limit);
      expect(found.slice().sort()).toEqual(expected.slice().sort());
      expect(new Set(found).size).toBe(found.length);
    }
    expect((await allPages(admin.client, 'q=zoe%20kestrel', 10)).sort()).toEqual(expected.filter((n) => n.startsWith('Deal')).sort());
    expect(await allPages(admin.client, 'q=rollout%20kestrels', 5)).toHaveLength(12);
    expect(await allPages(admin.client, 'q=estrel', 10)).toEqual([]);
  });

  it('searches opportunity and account names and filters by stage, account, status and archived', async () => {
    const admin = await signUpWorkspace(app);
    const globex = await createAccount(admin.client, { name: 'Globex' });
    const initech = await createAccount(admin.client, { name: 'Initech' });
    const stages = await stagesOf(admin);
    await createOpp(admin, { accountId: globex.id, name: 'Rollout EMEA' });
    await createOpp(admin, { accountId: globex.id, name: 'Pilot', stageId: stages[3].id, status: 'won' });
    await createOpp(admin, { accountId: initech.id, name: 'Renewal', stageId: stages[3].id, status: 'lost', closeReason: 'No budget' });
    const old = await createOpp(admin, { accountId: initech.id, name: 'Old rollout' });
    await admin.client.post(`/api/v1/opportunities/${old.id}/archive`, { version: old.version });

    expect(await names(admin.client, 'q=ROLLOUT')).toEqual(['Rollout EMEA']);
    expect(await names(admin.client, 'q=initech')).toEqual(['Renewal']);
    expect(await names(admin.client, 'q=globex')).toEqual(['Pilot', 'Rollout EMEA']);
    expect(await names(admin.client, `stageId=${stages[3].id}`)).toEqual(['Pilot', 'Renewal']);
    expect(await names(admin.client, `accountId=${initech.id}`)).toEqual(['Renewal']);
    expect(await names(admin.client, `accountId=${initech.id}&archived=all`)).toEqual(['Old rollout', 'Renewal']);
    expect(await names(admin.client, 'archived=archived')).toEqual(['Old rollout']);
    expect(await names(admin.client, 'status=won')).toEqual(['Pilot']);
    expect(await names(admin.client, `status=open&accountId=${globex.id}`)).toEqual(['Rollout EMEA']);
    expect((await admin.client.get('/api/v1/opportunities?status=pending')).statusCode).toBe(400);
  });

  it('pages through every sort without repeats or gaps, ties broken by id', async () => {
    const admin = await signUpWorkspace(app);
    const acc = await createAccount(admin.client);
    const specs: [string, number, string][] = [
      ['Deal 3', 500, '2031-03-01'],
      ['Deal 0', 900, '2031-01-15'],
      ['Deal 5', 500, '2031-06-30'],
      ['Deal 1', 12_000_000_000_00, '2031-03-01'],
      ['Deal 6', 0, '2032-02-01'],
      ['Deal 2', 7000, '2030-12-31'],
      ['Deal 4', 500, '2031-03-01'],
    ];
    const made: Opp[] = [];
    for (const [name, amountMinor, closeDate] of specs) made.push(await createOpp(admin, { accountId: acc.id, name, amount: { amountMinor, currency: 'EUR' }, closeDate }));
    for (const o of [made[4], made[1]]) Object.assign(o, (await admin.client.patch(`/api/v1/opportunities/${o.id}`, { name: o.name, closeDate: o.closeDate, status: 'won', version: 1 })).data);

    const order = (value: (o: Opp) => string | number) =>
      [...made].sort((a, b) => (value(a) === value(b) ? (a.id < b.id ? -1 : 1) : value(a) < value(b) ? -1 : 1)).map((o) => o.name);
    const expected: Record<string, string[]> = {
      name: order((o) => o.name),
      closeDate: order((o) => o.closeDate),
      amount: order((o) => o.amount.amountMinor),
      updatedAt: order((o) => o.updatedAt),
    };
    for (const [key, list] of Object.entries(expected)) {
      expect(await allPages(admin.client, `sort=${key}`, 2)).toEqual(list);
      expect(await allPages(admin.client, `sort=-${key}`, 3)).toEqual([...list].reverse());
    }
    // Filtered lists page on their own (workspace, filter, updatedAt, id) indexes.
    expect(await allPages(admin.client, `accountId=${acc.id}`, 2)).toEqual([...expected.updatedAt].reverse());
    expect(await allPages(admin.client, `ownerId=${admin.me.user.id}`, 3)).toEqual([...expected.updatedAt].reverse());
    expect(expected.updatedAt.slice(-2)).toEqual(['Deal 6', 'Deal 0']);
    expect(expected.amount.slice(0, 4)).toEqual(['Deal 6', 'Deal 3', 'Deal 5', 'Deal 4']);
    const nameCursor = (await admin.client.get('/api/v1/opportunities?sort=name&limit=2')).data.nextCursor;
    expect((await admin.client.get(`/api/v1/opportunities?sort=amount&cursor=${nameCursor}`)).statusCode).toBe(400);
  });

  it('archives and restores, with history', async () => {
    const admin = await signUpWorkspace(app);
    const opp = await createOpp(admin, { accountId: (await createAccount(admin.client)).id });
    // Like every change, from the version read: without one, a field error and nothing archived.
    const blind = await admin.client.post(`/api/v1/opportunities/${opp.id}/archive`, {});
    expect(blind.statusCode).toBe(400);
    expect(blind.data.error.details).toEqual([expect.objectContaining({ path: 'version' })]);
    // Two versions that disagree (the body's and If-Match) are refused, not one of them chosen.
    expect((await admin.client.post(`/api/v1/opportunities/${opp.id}/archive`, { version: 1 }, { 'if-match': '"7"' })).statusCode).toBe(400);
    // An If-Match that is no version at all is the header's error (400 naming version), not a conflict.
    for (const ifMatch of ['"99999999999999999999999"', '*', '"1.5"', '"abc"', '"0"']) {
      const bad = await admin.client.post(`/api/v1/opportunities/${opp.id}/archive`, {}, { 'if-match': ifMatch });
      expect(bad.statusCode, ifMatch).toBe(400);
      expect(bad.data.error.details.map((d: { path: string }) => d.path)).toEqual(['version']);
    }
    expect((await admin.client.get(`/api/v1/opportunities/${opp.id}`)).data).toMatchObject({ archivedAt: null, version: 1 });
    expect((await admin.client.post(`/api/v1/opportunities/${opp.id}/archive`, { version: opp.version })).data).toMatchObject({ version: 2 });
    expect((await admin.client.get('/api/v1/opportunities')).data.data).toEqual([]);
    expect((await admin.client.post(`/api/v1/opportunities/${opp.id}/restore`, { version: 1 })).statusCode).toBe(409);
    expect((await admin.client.post(`/api/v1/opportunities/${opp.id}/restore`, {}, { 'if-match': '"2"' })).data).toMatchObject({ archivedAt: null, version: 3 });
    expect((await admin.client.get('/api/v1/opportunities')).data.data).toHaveLength(1);
    const actions = (await admin.client.get(`/api/v1/opportunities/${opp.id}/history`)).data.data.map((e: { action: string }) => e.action);
    expect(actions).toEqual(['restore', 'archive', 'create']);
  });

  it('treats another workspace’s opportunity exactly like a missing one', async () => {
    const a = await signUpWorkspace(app);
    const b = await signUpWorkspace(app);
    const opp = await createOpp(a, { accountId: (await createAccount(a.client)).id });
    const calls = [
      (id: string) => b.client.get(`/api/v1/opportunities/${id}`),
      (id: string) => b.client.patch(`/api/v1/opportunities/${id}`, { name: 'Mine', version: 1 }),
      (id: string) => b.client.post(`/api/v1/opportunities/${id}/archive`),
      (id: string) => b.client.post(`/api/v1/opportunities/${id}/restore`),
      (id: string) => b.client.get(`/api/v1/opportunities/${id}/history`),
    ];
    for (const call of calls) {
      const theirs = await call(opp.id);
      const missing = await call('01a00000-0000-7000-8000-000000000000');
      expect(theirs.statusCode).toBe(404);
      expect(theirs.data.error).toEqual({ ...missing.data.error, requestId: theirs.data.error.requestId });
    }
    expect((await b.client.get('/api/v1/opportunities')).data.data).toEqual([]);
    expect((await new Client(app).get('/api/v1/opportunities')).statusCode).toBe(401);
  });

  it('lets a rep read the admin’s deals and create their own, but change only their own', async () => {
    const admin = await signUpWorkspace(app);
    const rep = await addMember(app, admin.client, { role: 'rep', name: 'Rita Rep' });
    const acc = await createAccount(admin.client, { name: 'Admin Co' });
    const adminsDeal = await createOpp(admin, { accountId: acc.id, name: 'Admin deal' });

    const read = await rep.client.get(`/api/v1/opportunities/${adminsDeal.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.data.permissions).toEqual({ canEdit: false });
    const refused = await rep.client.patch(`/api/v1/opportunities/${adminsDeal.id}`, { name: 'Mine', version: 1 });
    expect(refused.statusCode).toBe(403);
    expect(refused.data.error.code).toBe('forbidden');
    expect((await rep.client.post(`/api/v1/opportunities/${adminsDeal.id}/archive`)).statusCode).toBe(403);
    expect((await rep.client.post('/api/v1/opportunities', { accountId: acc.id, ownerId: admin.me.user.id, name: 'For the boss', amount: { amountMinor: 1, currency: 'EUR' }, closeDate: '2026-12-31' })).statusCode).toBe(403);

    // On the admin's account, but theirs.
    const repsDeal = await createOpp(rep, { accountId: acc.id, name: 'Rep deal' });
    expect((await rep.client.get(`/api/v1/opportunities/${repsDeal.id}`)).data).toMatchObject({ owner: { id: rep.me.user.id, name: 'Rita Rep' }, permissions: { canEdit: true } });
    expect((await rep.client.patch(`/api/v1/opportunities/${repsDeal.id}`, { status: 'won', version: 1 })).statusCode).toBe(200);
    expect((await admin.client.patch(`/api/v1/opportunities/${repsDeal.id}`, { closeDate: '2027-03-01', version: 2 })).statusCode).toBe(200);
    // Handing their own deal to the admin is not theirs to do.
    expect((await rep.client.patch(`/api/v1/opportunities/${repsDeal.id}`, { ownerId: admin.me.user.id, version: 3 })).statusCode).toBe(403);

    expect(await names(rep.client, `ownerId=${rep.me.user.id}`)).toEqual(['Rep deal']);
    expect(await names(rep.client, `ownerId=${admin.me.user.id}`)).toEqual(['Admin deal']);
    expect((await admin.client.get(`/api/v1/opportunities/${adminsDeal.id}`)).data).toMatchObject({ name: 'Admin deal', version: 1 });
  });
});

describe('close date in the owner’s time zone', () => {
  it('counts a close date as passed only once that day has ended where the owner is', async () => {
    // Kiritimati (UTC+14) is always at least a day ahead of Pago Pago (UTC-11).
    const { client, me } = await signUpWorkspace(app, { timeZone: 'Pacific/Pago_Pago' });
    const todayInPagoPago = todayIn('Pacific/Pago_Pago', new Date());
    const account = await createAccount(client);
    const opp = (
      await client.post('/api/v1/opportunities', { accountId: account.id, name: 'Edge of the day', amount: { amountMinor: 1, currency: 'EUR' }, closeDate: todayInPagoPago })
    ).data;
    expect(opp.closeDatePassed).toBe(false);

    // The owner moves to Kiritimati, where that day is already over.
    const user = (await client.get(`/api/v1/users/${me.user.id}`)).data;
    expect((await client.patch(`/api/v1/users/${me.user.id}`, { timeZone: 'Pacific/Kiritimati', version: user.version })).statusCode).toBe(200);
    expect((await client.get(`/api/v1/opportunities/${opp.id}`)).data.closeDatePassed).toBe(true);
    // A new close date already gone where they are is refused, an unchanged one is not.
    const moved = await client.patch(`/api/v1/opportunities/${opp.id}`, { closeDate: addDays(todayInPagoPago, -1), version: opp.version });
    expect(moved.statusCode).toBe(422);
    expect(moved.data.error).toMatchObject({ code: 'date_in_past', details: [{ path: 'closeDate' }] });
    expect((await client.patch(`/api/v1/opportunities/${opp.id}`, { name: 'Edge of the day, renamed', closeDate: todayInPagoPago, version: opp.version })).statusCode).toBe(200);
    const fresh = (await client.get(`/api/v1/opportunities/${opp.id}`)).data;

    // Recorded as won, a deal closed on its date: no longer judged, and its past date is fine.
    const won = await client.patch(`/api/v1/opportunities/${opp.id}`, { status: 'won', closeDate: addDays(todayInPagoPago, -3), version: fresh.version });
    expect(won.statusCode).toBe(200);
    expect(won.data.closeDatePassed).toBe(false);
  });
});
