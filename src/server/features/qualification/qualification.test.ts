import { describe, expect, it } from 'vitest';
import { useFixedClock } from '../../test/clock.js';
import { addMember, createAccount, signUpWorkspace, type Signed } from '../../test/factories.js';
import { testApp } from '../../test/harness.js';
import { wipeWorkspace } from '../demo/wipe.js';

useFixedClock(); // 2026-06-10 10:30 UTC: today is 10 June in Paris and in Honolulu alike
const { app, db } = await testApp();

type Stage = { id: string; name: string; version: number };

async function stagesOf(signed: Signed): Promise<Stage[]> {
  return (await signed.client.get('/api/v1/stages')).data.data;
}

async function newDeal(signed: Signed, body: Record<string, unknown> = {}) {
  const accountId = (body.accountId as string | undefined) ?? (await createAccount(signed.client)).id;
  const res = await signed.client.post('/api/v1/opportunities', { accountId, name: 'Rollout', amount: { amountMinor: 50_000_00, currency: 'EUR' }, closeDate: '2026-12-31', ...body });
  if (res.statusCode !== 201) throw new Error(`create deal: ${res.statusCode} ${res.body}`);
  return res.data as { id: string; version: number; stage: Stage; account: { id: string } };
}

async function setGate(admin: Signed, stageId: string | null) {
  const { version } = (await admin.client.get('/api/v1/workspace/stage-gate')).data;
  const res = await admin.client.patch('/api/v1/workspace/stage-gate', { stageId, version });
  if (res.statusCode !== 200) throw new Error(`gate: ${res.statusCode} ${res.body}`);
  return res.data;
}

async function contactOf(signed: Signed, accountId: string, name = 'Carla Contact') {
  return (await signed.client.post('/api/v1/contacts', { accountId, name })).data as { id: string; name: string };
}

const qualify = (signed: Signed, id: string, body: Record<string, unknown>) => signed.client.patch(`/api/v1/opportunities/${id}/qualification`, body);
const fieldsOf = (res: { data: { error: { details: { path: string }[] } } }) => res.data.error.details.map((d) => d.path);

async function evidence(signed: Signed, deal: { id: string; account: { id: string } }) {
  const contact = await contactOf(signed, deal.account.id);
  const { version } = (await signed.client.get(`/api/v1/opportunities/${deal.id}`)).data;
  const res = await qualify(signed, deal.id, { changeCommitment: 'evidenced', changeEvidence: 'Their COO put the project in the board plan', changeSaidByContactId: contact.id, changeSaidOn: '2026-06-08', version });
  if (res.statusCode !== 200) throw new Error(`evidence: ${res.statusCode} ${res.body}`);
  return res.data;
}

describe('sweet-spot criteria (workspace settings)', () => {
  it('an admin adds, renames, reorders, archives and restores criteria; each change is versioned and audited', async () => {
    const admin = await signUpWorkspace(app);
    const add = async (label: string) => (await admin.client.post('/api/v1/sweet-spot-criteria', { label })).data;
    const budget = await add('Has a budget for this year');
    const sap = await add('Runs SAP');
    const team = await add('Has a data team');
    expect([budget.position, sap.position, team.position]).toEqual([0, 1, 2]);

    expect((await admin.client.post('/api/v1/sweet-spot-criteria', { label: ' runs sap ' })).statusCode).toBe(409);
    const renamed = await admin.client.patch(`/api/v1/sweet-spot-criteria/${budget.id}`, { label: 'Budget approved this year', version: 1 });
    expect(renamed.data).toMatchObject({ label: 'Budget approved this year', version: 2 });
    const stale = await admin.client.patch(`/api/v1/sweet-spot-criteria/${budget.id}`, { label: 'Other', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.data.error).toMatchObject({ code: 'version_conflict', current: { label: 'Budget approved this year', version: 2 } });

    const basis = [budget.id, sap.id, team.id];
    expect((await admin.client.patch(`/api/v1/sweet-spot-criteria/${team.id}`, { position: 0, basis, version: 1 })).statusCode).toBe(200);
    const order = (await admin.client.get('/api/v1/sweet-spot-criteria')).data.data.map((c: { label: string; position: number }) => `${c.position} ${c.label}`);
    expect(order).toEqual(['0 Has a data team', '1 Budget approved this year', '2 Runs SAP']);

    const archived = await admin.client.patch(`/api/v1/sweet-spot-criteria/${sap.id}`, { archived: true, version: 2 });
    expect(archived.data.archivedAt).not.toBeNull();
    expect((await admin.client.post('/api/v1/sweet-spot-criteria', { label: 'Runs SAP' })).data.error.details[0].message).toMatch(/archived criterion/);
    const restored = await admin.client.patch(`/api/v1/sweet-spot-criteria/${sap.id}`, { archived: false, version: archived.data.version });
    expect(restored.data.archivedAt).toBeNull();

    const events = await db.selectFrom('audit_events').select(['entity_id', 'action']).where('entity_type', '=', 'sweet_spot_criterion').where('workspace_id', '=', admin.me.workspace.id).execute();
    expect(events.filter((e) => e.entity_id === sap.id).map((e) => e.action).sort()).toEqual(['archive', 'create', 'restore', 'update']);
    expect(events.filter((e) => e.entity_id === budget.id).map((e) => e.action).sort()).toEqual(['create', 'update', 'update']);
  });

  it('only an admin changes them; everyone reads them; another workspace sees none of them', async () => {
    const admin = await signUpWorkspace(app);
    const rep = await addMember(app, admin.client, { role: 'rep' });
    const criterion = (await admin.client.post('/api/v1/sweet-spot-criteria', { label: 'Has a budget' })).data;
    expect((await rep.client.post('/api/v1/sweet-spot-criteria', { label: 'Mine' })).statusCode).toBe(403);
    expect((await rep.client.patch(`/api/v1/sweet-spot-criteria/${criterion.id}`, { label: 'Mine', version: 1 })).statusCode).toBe(403);
    expect((await rep.client.get('/api/v1/sweet-spot-criteria')).data.data.map((c: { label: string }) => c.label)).toEqual(['Has a budget']);
    const other = await signUpWorkspace(app);
    expect((await other.client.get('/api/v1/sweet-spot-criteria')).data.data).toEqual([]);
    expect((await other.client.patch(`/api/v1/sweet-spot-criteria/${criterion.id}`, { label: 'Theirs', version: 1 })).statusCode).toBe(404);
  });

  it('moves nothing when the criteria are no longer in the order the mover read: 409 with the criterion as it is', async () => {
    const admin = await signUpWorkspace(app);
    const other = await addMember(app, admin.client, { role: 'admin' });
    const add = async (label: string) => (await admin.client.post('/api/v1/sweet-spot-criteria', { label })).data as { id: string; version: number };
    const [a, b, c, d] = [await add('A'), await add('B'), await add('C'), await add('D')];
    const labels = async () => (await admin.client.get('/api/v1/sweet-spot-criteria')).data.data.map((x: { label: string }) => x.label);
    const basis = [a.id, b.id, c.id, d.id];
    // The other admin moves C first meanwhile.
    expect((await other.client.patch(`/api/v1/sweet-spot-criteria/${c.id}`, { position: 0, basis, version: 1 })).statusCode).toBe(200);
    // Our move of D "right after A" (index 1 in the order we read) would now land before A: refused.
    const mine = await admin.client.patch(`/api/v1/sweet-spot-criteria/${d.id}`, { position: 1, basis, version: 1 });
    expect(mine.statusCode).toBe(409);
    expect(mine.data.error).toMatchObject({ code: 'version_conflict', current: { id: d.id, label: 'D', position: 3, version: 1 } });
    expect(await labels()).toEqual(['C', 'A', 'B', 'D']);
    // Without the order read: 400 naming basis.
    const blind = await admin.client.patch(`/api/v1/sweet-spot-criteria/${d.id}`, { position: 1, version: 1 });
    expect(blind.statusCode).toBe(400);
    expect(fieldsOf(blind)).toEqual(['basis']);
    expect(await labels()).toEqual(['C', 'A', 'B', 'D']);
    // From the order as it is now, the move goes through: D right after A.
    const fresh = await admin.client.patch(`/api/v1/sweet-spot-criteria/${d.id}`, { position: 2, basis: [c.id, a.id, b.id, d.id], version: 1 });
    expect(fresh.statusCode).toBe(200);
    expect(await labels()).toEqual(['C', 'A', 'D', 'B']);
    // Archiving and renaming need no order.
    const bNow = (await admin.client.get('/api/v1/sweet-spot-criteria')).data.data.find((x: { id: string }) => x.id === b.id);
    expect((await admin.client.patch(`/api/v1/sweet-spot-criteria/${b.id}`, { archived: true, label: 'B2', version: bNow.version })).statusCode).toBe(200);
  });
});

describe('the stage gate (workspace setting)', () => {
  it('is off by default; an admin turns it on at an active stage and off again, versioned and audited', async () => {
    const admin = await signUpWorkspace(app);
    const stages = await stagesOf(admin);
    const initial = (await admin.client.get('/api/v1/workspace/stage-gate')).data;
    expect(initial.stage).toBeNull();

    const on = await admin.client.patch('/api/v1/workspace/stage-gate', { stageId: stages[3].id, version: initial.version });
    expect(on.statusCode).toBe(200);
    expect(on.data).toEqual({ stage: { id: stages[3].id, name: 'Proposal', position: 3, archivedAt: null }, version: initial.version + 1 });
    // The gate is a workspace setting: the workspace's version moved with it.
    expect((await admin.client.get('/api/v1/workspace')).data.version).toBe(initial.version + 1);

    const stale = await admin.client.patch('/api/v1/workspace/stage-gate', { stageId: null, version: initial.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.data.error).toMatchObject({ code: 'version_conflict', current: { stage: { name: 'Proposal' } } });
    const off = await admin.client.patch('/api/v1/workspace/stage-gate', { stageId: null }, { 'if-match': `"${on.data.version}"` });
    expect(off.data).toEqual({ stage: null, version: initial.version + 2 });

    const events = await db.selectFrom('audit_events').select(['changes']).where('entity_type', '=', 'workspace').where('entity_id', '=', admin.me.workspace.id).execute();
    expect(events.map((e) => JSON.parse(e.changes)).filter((c) => 'stageGateStageId' in c)).toEqual([
      { stageGateStageId: { before: null, after: stages[3].id } },
      { stageGateStageId: { before: stages[3].id, after: null } },
    ]);
  });

  it('refuses an archived stage, another workspace’s stage and the first stage (every new deal starts there); a rep may not set it', async () => {
    const admin = await signUpWorkspace(app);
    const rep = await addMember(app, admin.client, { role: 'rep' });
    const stages = await stagesOf(admin);
    const archived = (await admin.client.patch(`/api/v1/stages/${stages[4].id}`, { archived: true, version: 1 })).data;
    const version = (await admin.client.get('/api/v1/workspace/stage-gate')).data.version;
    const refused = async (stageId: string) => {
      const res = await admin.client.patch('/api/v1/workspace/stage-gate', { stageId, version });
      expect(res.statusCode, stageId).toBe(400);
      return res.data.error.details[0];
    };
    expect((await refused(archived.id)).path).toBe('stageId');
    expect((await refused((await stagesOf(await signUpWorkspace(app)))[3].id)).path).toBe('stageId');
    expect((await refused(stages[0].id)).message).toMatch(/first stage/);
    expect((await rep.client.patch('/api/v1/workspace/stage-gate', { stageId: stages[3].id, version })).statusCode).toBe(403);
    expect((await rep.client.get('/api/v1/workspace/stage-gate')).data.stage).toBeNull();
  });
});

describe('an opportunity’s qualification', () => {
  it('reads as unqualified at first, with every active criterion unknown', async () => {
    const admin = await signUpWorkspace(app);
    await admin.client.post('/api/v1/sweet-spot-criteria', { label: 'Has a budget' });
    const deal = await newDeal(admin);
    const res = await admin.client.get(`/api/v1/opportunities/${deal.id}/qualification`);
    expect(res.statusCode).toBe(200);
    expect(res.data).toEqual({
      id: deal.id,
      version: 1,
      currency: 'EUR',
      criteria: [{ criterionId: expect.any(String), label: 'Has a budget', archived: false, answer: 'unknown' }],
      changeCommitment: 'none',
      changeEvidence: null,
      changeSaidByContact: null,
      changeSaidByName: null,
      changeSaidOn: null,
      costOfInaction: null,
      costPerMonth: null,
      compellingEvent: null,
      compellingEventDate: null,
      stageGate: null,
      permissions: { canEdit: true },
    });
  });

  it('records answers, evidence, cost of inaction and a compelling event; bumps the deal’s version and audits before and after', async () => {
    const admin = await signUpWorkspace(app);
    const budget = (await admin.client.post('/api/v1/sweet-spot-criteria', { label: 'Has a budget' })).data;
    const sap = (await admin.client.post('/api/v1/sweet-spot-criteria', { label: 'Runs SAP' })).data;
    const deal = await newDeal(admin);
    const carla = await contactOf(admin, deal.account.id);
    const res = await qualify(admin, deal.id, {
      criteria: [
        { criterionId: budget.id, answer: 'met' },
        { criterionId: sap.id, answer: 'not_met' },
      ],
      changeCommitment: 'evidenced',
      changeEvidence: 'Signed the budget request for the rollout',
      changeSaidByContactId: carla.id,
      changeSaidOn: '2026-06-10',
      costOfInaction: 'Two plants keep reporting by hand: a week of work every month',
      costPerMonth: { amountMinor: 12_000_00, currency: 'EUR' },
      compellingEvent: 'Audit of the new plant',
      compellingEventDate: '2026-09-15',
      version: 1,
    });
    expect(res.statusCode).toBe(200);
    expect(res.data).toMatchObject({
      version: 2,
      criteria: [
        { criterionId: budget.id, answer: 'met' },
        { criterionId: sap.id, answer: 'not_met' },
      ],
      changeCommitment: 'evidenced',
      changeSaidByContact: { id: carla.id, name: 'Carla Contact' },
      changeSaidByName: null,
      changeSaidOn: '2026-06-10',
      costPerMonth: { amountMinor: 12_000_00, currency: 'EUR' },
      compellingEventDate: '2026-09-15',
    });
    expect((await admin.client.get(`/api/v1/opportunities/${deal.id}`)).data.version).toBe(2);
    expect((await admin.client.get(`/api/v1/opportunities/${deal.id}/qualification`)).data).toEqual(res.data);

    // Who said it, as a name this time: the contact is let go; an answer back to unknown removes its row.
    const next = await qualify(admin, deal.id, { changeSaidByName: 'Dana, their CFO', criteria: [{ criterionId: sap.id, answer: 'unknown' }], version: 2 });
    expect(next.data).toMatchObject({ version: 3, changeSaidByContact: null, changeSaidByName: 'Dana, their CFO', criteria: [{ answer: 'met' }, { answer: 'unknown' }] });
    expect(await db.selectFrom('opportunity_criteria').select('answer').where('opportunity_id', '=', deal.id).execute()).toEqual([{ answer: 'met' }]);

    const history = (await admin.client.get(`/api/v1/opportunities/${deal.id}/history`)).data.data;
    expect(history.map((e: { action: string }) => e.action)).toEqual(['update', 'update', 'create']);
    expect(history[1].changes).toMatchObject({
      changeCommitment: { before: 'none', after: 'evidenced' },
      changeSaidBy: { before: null, after: 'Carla Contact' },
      costPerMonthMinor: { before: null, after: 12_000_00 },
      compellingEventDate: { before: null, after: '2026-09-15' },
      'criterion:Has a budget': { before: 'unknown', after: 'met' },
      'criterion:Runs SAP': { before: 'unknown', after: 'not_met' },
    });
    expect(history[0].changes).toEqual({
      changeSaidByContactId: { before: carla.id, after: null },
      changeSaidByName: { before: null, after: 'Dana, their CFO' },
      changeSaidBy: { before: 'Carla Contact', after: 'Dana, their CFO' },
      'criterion:Runs SAP': { before: 'not_met', after: 'unknown' },
    });

    // Nothing changed: no new version, no event.
    expect((await qualify(admin, deal.id, { changeCommitment: 'evidenced', version: 3 })).data.version).toBe(3);
  });

  it('answers a stale version with the current qualification and changes nothing', async () => {
    const admin = await signUpWorkspace(app);
    const deal = await newDeal(admin);
    await qualify(admin, deal.id, { changeCommitment: 'stated', version: 1 });
    const stale = await qualify(admin, deal.id, { changeCommitment: 'none', costOfInaction: 'Mine', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.data.error).toMatchObject({ code: 'version_conflict', current: { changeCommitment: 'stated', costOfInaction: null, version: 2 } });
    expect((await qualify(admin, deal.id, { changeCommitment: 'none' })).statusCode).toBe(400);
    expect((await admin.client.get(`/api/v1/opportunities/${deal.id}/qualification`)).data).toMatchObject({ changeCommitment: 'stated', version: 2 });
  });

  it('refuses an evidenced commitment without the evidence, who said it and when — naming each field', async () => {
    const admin = await signUpWorkspace(app);
    const deal = await newDeal(admin);
    const bare = await qualify(admin, deal.id, { changeCommitment: 'evidenced', version: 1 });
    expect(bare.statusCode).toBe(400);
    expect(fieldsOf(bare)).toEqual(['changeEvidence', 'changeSaidByContactId', 'changeSaidOn']);
    const partly = await qualify(admin, deal.id, { changeCommitment: 'evidenced', changeEvidence: 'Budget signed', changeSaidByName: 'Dana', version: 1 });
    expect(fieldsOf(partly)).toEqual(['changeSaidOn']);
    // Clearing a part of the evidence of an evidenced commitment is refused the same way.
    await evidence(admin, deal);
    const cleared = await qualify(admin, deal.id, { changeEvidence: '', version: 2 });
    expect(cleared.statusCode).toBe(400);
    expect(fieldsOf(cleared)).toEqual(['changeEvidence']);
    expect((await admin.client.get(`/api/v1/opportunities/${deal.id}`)).data.version).toBe(2);
  });

  it('refuses a day in the future, a contact of another account, both a contact and a name, another currency, an event date without an event, and a criterion of another workspace', async () => {
    const admin = await signUpWorkspace(app);
    const deal = await newDeal(admin);
    const elsewhere = await contactOf(admin, (await createAccount(admin.client)).id, 'Someone Else');
    const foreign = (await (await signUpWorkspace(app)).client.post('/api/v1/sweet-spot-criteria', { label: 'Theirs' })).data;
    const refused = async (body: Record<string, unknown>) => {
      const res = await qualify(admin, deal.id, { ...body, version: 1 });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      return res.data.error.details as { path: string; message: string }[];
    };
    expect(await refused({ changeSaidOn: '2026-06-11' })).toEqual([{ path: 'changeSaidOn', message: 'Thu 11 Jun 2026 has not come yet in Europe/Paris: pick the day it was said.' }]);
    expect((await refused({ changeSaidByContactId: elsewhere.id }))[0].path).toBe('changeSaidByContactId');
    expect((await refused({ changeSaidByContactId: elsewhere.id, changeSaidByName: 'Dana' }))[0].path).toBe('changeSaidByName');
    expect(await refused({ costPerMonth: { amountMinor: 100, currency: 'USD' } })).toEqual([{ path: 'costPerMonth.currency', message: 'Give the cost in the deal’s currency, EUR.' }]);
    expect((await refused({ compellingEventDate: '2026-09-01' }))[0].path).toBe('compellingEvent');
    expect((await refused({ criteria: [{ criterionId: foreign.id, answer: 'met' }] }))[0].path).toBe('criteria.0.criterionId');
    expect((await admin.client.get(`/api/v1/opportunities/${deal.id}`)).data.version).toBe(1);
  });

  it('refuses a compelling event date newly set in the past, judged in the person’s own zone (422 date_in_past)', async () => {
    // 10:30 UTC on 10 June is already 00:30 on 11 June in Kiritimati (UTC+14): the 10th has passed there.
    const admin = await signUpWorkspace(app, { timeZone: 'Pacific/Kiritimati' });
    const deal = await newDeal(admin);
    const past = await qualify(admin, deal.id, { compellingEvent: 'Fiscal year closes', compellingEventDate: '2026-06-10', version: 1 });
    expect(past.statusCode).toBe(422);
    expect(past.data.error).toMatchObject({ code: 'date_in_past', details: [{ path: 'compellingEventDate', message: expect.stringContaining('Pacific/Kiritimati') }] });
    const today = await qualify(admin, deal.id, { compellingEvent: 'Fiscal year closes', compellingEventDate: '2026-06-11', version: 1 });
    expect(today.statusCode).toBe(200);
    // Once set, it stays: the event may pass while other fields change.
    const later = await qualify(admin, deal.id, { costOfInaction: 'Penalties from the regulator', version: 2 });
    expect(later.statusCode).toBe(200);
  });

  it('lets the deal’s owner change it; another rep only reads it; another workspace gets 404', async () => {
    const admin = await signUpWorkspace(app);
    const owner = await addMember(app, admin.client, { role: 'rep' });
    const stranger = await addMember(app, admin.client, { role: 'rep' });
    const deal = await newDeal(owner);
    expect((await qualify(stranger, deal.id, { changeCommitment: 'stated', version: 1 })).statusCode).toBe(403);
    const read = await stranger.client.get(`/api/v1/opportunities/${deal.id}/qualification`);
    expect(read.data.permissions).toEqual({ canEdit: false });
    expect((await qualify(owner, deal.id, { changeCommitment: 'stated', version: 1 })).statusCode).toBe(200);
    const other = await signUpWorkspace(app);
    expect((await other.client.get(`/api/v1/opportunities/${deal.id}/qualification`)).statusCode).toBe(404);
    expect((await qualify(other, deal.id, { changeCommitment: 'none', version: 2 })).statusCode).toBe(404);
  });
});

describe('the stage gate on every path that puts a deal in a stage', () => {
  it('lets any move through while the gate is off', async () => {
    const admin = await signUpWorkspace(app);
    const stages = await stagesOf(admin);
    const deal = await newDeal(admin, { stageId: stages[5].id });
    expect(deal.stage.name).toBe('Commit');
  });

  it('refuses a move into the gate stage without an evidenced commitment, naming what is missing, and changes nothing', async () => {
    const admin = await signUpWorkspace(app);
    const stages = await stagesOf(admin);
    await setGate(admin, stages[3].id);
    const deal = await newDeal(admin, { stageId: stages[2].id });
    const before = await db.selectFrom('audit_events').select('id').where('entity_id', '=', deal.id).execute();

    const refused = await admin.client.patch(`/api/v1/opportunities/${deal.id}`, { stageId: stages[3].id, name: 'Renamed too', version: 1 });
    expect(refused.statusCode).toBe(409);
    expect(refused.data.error).toMatchObject({
      code: 'qualification_required',
      message: expect.stringMatching(/^Moving this deal to “Proposal” needs an evidenced commitment to change\. None is recorded yet/),
      details: [{ path: 'changeCommitment', message: expect.stringContaining('who said it and when') }],
    });
    const after = (await admin.client.get(`/api/v1/opportunities/${deal.id}`)).data;
    expect(after).toMatchObject({ name: 'Rollout', stage: { name: 'Solution fit' }, version: 1 });
    expect(await db.selectFrom('audit_events').select('id').where('entity_id', '=', deal.id).execute()).toEqual(before);

    // Stated is not enough, and the message says so.
    await qualify(admin, deal.id, { changeCommitment: 'stated', version: 1 });
    const stated = await admin.client.patch(`/api/v1/opportunities/${deal.id}`, { stageId: stages[3].id, version: 2 });
    expect(stated.statusCode).toBe(409);
    expect(stated.data.error.message).toMatch(/only stated/);

    // Evidenced: the move goes through.
    await evidence(admin, deal);
    const moved = await admin.client.patch(`/api/v1/opportunities/${deal.id}`, { stageId: stages[3].id, version: 3 });
    expect(moved.statusCode).toBe(200);
    expect(moved.data.stage.name).toBe('Proposal');
  });

  it('refuses a move past the gate, and a forward move between stages past it, but never a move backwards or other edits', async () => {
    const admin = await signUpWorkspace(app);
    const stages = await stagesOf(admin);
    // The deal reached Negotiate before the gate was turned on.
    const deal = await newDeal(admin, { stageId: stages[4].id });
    const early = await newDeal(admin);
    await setGate(admin, stages[3].id);

    const past = await admin.client.patch(`/api/v1/opportunities/${early.id}`, { stageId: stages[5].id, version: 1 });
    expect(past.statusCode).toBe(409);
    expect(past.data.error.message).toMatch(/“Commit” \(past the stage gate at “Proposal”\)/);
    expect((await admin.client.patch(`/api/v1/opportunities/${deal.id}`, { stageId: stages[5].id, version: 1 })).statusCode).toBe(409);

    const renamed = await admin.client.patch(`/api/v1/opportunities/${deal.id}`, { name: 'Still negotiating', closeDate: '2027-01-31', version: 1 });
    expect(renamed.statusCode).toBe(200);
    const back = await admin.client.patch(`/api/v1/opportunities/${deal.id}`, { stageId: stages[3].id, version: 2 });
    expect(back.statusCode).toBe(200);
    const further = await admin.client.patch(`/api/v1/opportunities/${deal.id}`, { stageId: stages[1].id, version: 3 });
    expect(further.data.stage.name).toBe('Discover');
  });

  it('refuses creating a deal in the gate stage or later, and allows it earlier', async () => {
    const admin = await signUpWorkspace(app);
    const stages = await stagesOf(admin);
    await setGate(admin, stages[3].id);
    const account = await createAccount(admin.client);
    const body = { accountId: account.id, name: 'Straight to proposal', amount: { amountMinor: 100, currency: 'EUR' }, closeDate: '2026-12-31' };
    for (const stage of [stages[3], stages[5]]) {
      const res = await admin.client.post('/api/v1/opportunities', { ...body, stageId: stage.id });
      expect(res.statusCode, stage.name).toBe(409);
      expect(res.data.error).toMatchObject({ code: 'qualification_required', details: [{ path: 'changeCommitment' }] });
      expect(res.data.error.message).toMatch(/^Creating a deal in “/);
    }
    expect((await admin.client.get(`/api/v1/opportunities?accountId=${account.id}`)).data.data).toEqual([]);
    expect((await admin.client.post('/api/v1/opportunities', { ...body, stageId: stages[2].id })).statusCode).toBe(201);
    expect((await admin.client.post('/api/v1/opportunities', body)).statusCode).toBe(201);
  });

  it('answers a stale edit with version_conflict before judging the gate', async () => {
    const admin = await signUpWorkspace(app);
    const stages = await stagesOf(admin);
    await setGate(admin, stages[3].id);
    const deal = await newDeal(admin);
    await admin.client.patch(`/api/v1/opportunities/${deal.id}`, { name: 'Renamed', version: 1 });
    const stale = await admin.client.patch(`/api/v1/opportunities/${deal.id}`, { stageId: stages[3].id, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.data.error.code).toBe('version_conflict');
  });

  it('never lets a move slip past a commitment withdrawn at the same moment: of two writes from one version, one wins and the other gets 409', async () => {
    const admin = await signUpWorkspace(app);
    const stages = await stagesOf(admin);
    await setGate(admin, stages[3].id);
    for (let round = 0; round < 5; round++) {
      const deal = await newDeal(admin, { stageId: stages[2].id });
      const { version } = await evidence(admin, deal);
      const [move, withdraw] = await Promise.all([
        admin.client.patch(`/api/v1/opportunities/${deal.id}`, { stageId: stages[3].id, version }),
        qualify(admin, deal.id, { changeCommitment: 'stated', version }),
      ]);
      expect([move.statusCode, withdraw.statusCode].sort(), `round ${round}`).toEqual([200, 409]);
      const loser = move.statusCode === 409 ? move : withdraw;
      expect(loser.data.error.code).toBe('version_conflict');
      const final = (await admin.client.get(`/api/v1/opportunities/${deal.id}/qualification`)).data;
      expect(final.version).toBe(version + 1);
    }
  });

  it('follows the gate stage when stages are reordered, and keeps judging when the gate stage is archived', async () => {
    const admin = await signUpWorkspace(app);
    const stages = await stagesOf(admin);
    await setGate(admin, stages[3].id);
    const deal = await newDeal(admin, { stageId: stages[2].id });
    // Proposal moves to the end: Negotiate (now before it) is no longer gated.
    await admin.client.patch(`/api/v1/stages/${stages[3].id}`, { position: 5, basis: stages.map((s) => s.id), version: 1 });
    expect((await admin.client.patch(`/api/v1/opportunities/${deal.id}`, { stageId: stages[4].id, version: 1 })).statusCode).toBe(200);
    const gate = (await admin.client.get('/api/v1/workspace/stage-gate')).data;
    const proposal = (await stagesOf(admin)).find((s) => s.id === stages[3].id)!;
    expect((await admin.client.patch(`/api/v1/stages/${proposal.id}`, { archived: true, version: proposal.version })).statusCode).toBe(200);
    expect((await admin.client.get('/api/v1/workspace/stage-gate')).data.stage).toMatchObject({ id: gate.stage.id, archivedAt: expect.any(String) });
    expect((await admin.client.get(`/api/v1/opportunities/${deal.id}/qualification`)).data.stageGate).toEqual({ stage: { id: stages[3].id, name: 'Proposal' }, reached: false });
  });
});

describe('removing a workspace (the demo reset)', () => {
  it('removes its criteria, answers and qualified deals, even with the stage gate on', async () => {
    const admin = await signUpWorkspace(app);
    const stages = await stagesOf(admin);
    const criterion = (await admin.client.post('/api/v1/sweet-spot-criteria', { label: 'Has a budget' })).data;
    const deal = await newDeal(admin);
    await qualify(admin, deal.id, { criteria: [{ criterionId: criterion.id, answer: 'met' }], version: 1 });
    await evidence(admin, deal);
    await setGate(admin, stages[3].id);
    const workspaceId = admin.me.workspace.id;
    // Only the demo workspace's history may be deleted (migration 0032): this one plays the demo.
    await db.updateTable('workspaces').set({ is_demo: 1 }).where('id', '=', workspaceId).execute();
    await db.transaction().execute((trx) => wipeWorkspace(trx, workspaceId));
    expect(await db.selectFrom('workspaces').select('id').where('id', '=', workspaceId).execute()).toEqual([]);
    expect(await db.selectFrom('opportunity_criteria').select('criterion_id').where('workspace_id', '=', workspaceId).execute()).toEqual([]);
    expect(await db.selectFrom('sweet_spot_criteria').select('id').where('workspace_id', '=', workspaceId).execute()).toEqual([]);
  });
});
