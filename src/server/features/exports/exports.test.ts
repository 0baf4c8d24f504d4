import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { isPostgres, sql, testApp } from '../../test/harness.js';
import { EXPORT_TABLES, NOT_EXPORTED } from './workspace-tables.js';
import { pagesOf, workspaceZip } from './workspace.js';
import type { Actor } from '../../core/actor.js';
import { addMember, createAccount, signUpWorkspace, type Client } from '../../test/factories.js';
import { createDeal, createPlan } from '../plans/fixtures.js';
import { pastCall } from '../interactions/fixtures.js';
import { rejudgeFlags } from '../focus/stored.js';
import { checkInTeam, seriesWithCheckIn } from '../check-ins/fixtures.js';
import { closeDeal } from '../coaching/fixtures.js';

// Webhook endpoints on a loopback address, so the export test can make one.
const { app, db } = await testApp({ WEBHOOKS_ALLOW_PRIVATE: 'true' });

type Csv = { header: string[]; rows: Record<string, string>[]; raw: string };

/** A CSV download as a spreadsheet would read it: checks the headers, strips the BOM, parses with papaparse. */
async function download(client: Client, url: string): Promise<Csv> {
  const res = await client.get(url);
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
  expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="[a-z-]+-\d{4}-\d{2}-\d{2}\.csv"/);
  expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  const raw = res.body.replace(/^\uFEFF/, '');
  const parsed = Papa.parse<Record<string, string>>(raw, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return { header: parsed.meta.fields ?? [], rows: parsed.data, raw };
}

async function allOf<T>(client: Client, url: string): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  do {
    const res: { statusCode: number; body: string; data: { data: T[]; nextCursor: string | null } } = await client.get(`${url}${url.includes('?') ? '&' : '?'}limit=200${cursor ? `&cursor=${cursor}` : ''}`);
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    out.push(...res.data.data);
    cursor = res.data.nextCursor;
  } while (cursor);
  return out;
}

describe('list exports (CSV)', () => {
  it('exports the account list with its current filter and sort: the same rows, in the same order, ids first', async () => {
    const admin = await signUpWorkspace(app);
    const rep = await addMember(app, admin.client, { role: 'rep', name: 'Rita Rep' });
    await createAccount(admin.client, { name: 'Globex Ltd' });
    await createAccount(rep.client, { name: 'Globex Rep Corner', industry: 'Retail' });
    await createAccount(rep.client, { name: 'Initech' });
    const archived = await createAccount(rep.client, { name: 'Globex Archived' });
    await rep.client.post(`/api/v1/accounts/${archived.id}/archive`, { version: archived.version });

    const filter = `q=globex&ownerId=${rep.me.user.id}&sort=-name`;
    const csv = await download(admin.client, `/api/v1/accounts/export?${filter}`);
    const list = await allOf<{ id: string; name: string }>(admin.client, `/api/v1/accounts?${filter}`);
    expect(list.map((a) => a.name)).toEqual(['Globex Rep Corner']);
    expect(csv.rows.map((r) => [r.id, r.name, r.owner, r.industry])).toEqual([[list[0].id, 'Globex Rep Corner', 'Rita Rep', 'Retail']]);
    expect(csv.header.slice(0, 2)).toEqual(['id', 'name']);

    const withArchived = await download(admin.client, `/api/v1/accounts/export?q=globex&archived=all&sort=name`);
    expect(withArchived.rows.map((r) => r.name)).toEqual(['Globex Archived', 'Globex Ltd', 'Globex Rep Corner']);
    expect(withArchived.rows[0].archivedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('reads a long list page by page: every row once, in the list’s order', async () => {
    const { client } = await signUpWorkspace(app);
    for (let i = 0; i < 205; i++) await createAccount(client, { name: `Acct ${String(i).padStart(3, '0')}` });
    const csv = await download(client, '/api/v1/accounts/export?sort=-name');
    expect(csv.rows).toHaveLength(205);
    expect(csv.rows[0].name).toBe('Acct 204');
    expect(csv.rows[204].name).toBe('Acct 000');
    expect(new Set(csv.rows.map((r) => r.id)).size).toBe(205);
  });

  it('defuses formulas (OWASP CSV injection) and keeps commas, quotes, line breaks and accents intact', async () => {
    const { client } = await signUpWorkspace(app);
    const evil = await createAccount(client, { name: '=HYPERLINK("http://evil.example","Click")', notes: '@SUM(1+1)\nsecond line' });
    await createAccount(client, { name: '+cmd', notes: '-2+3' });
    await createAccount(client, { name: 'Société "Générale", Paris', notes: 'Plain' });
    const csv = await download(client, '/api/v1/accounts/export?sort=name');
    const byId = new Map(csv.rows.map((r) => [r.id, r]));
    expect(byId.get(evil.id)?.name).toBe(`'=HYPERLINK("http://evil.example","Click")`);
    expect(byId.get(evil.id)?.notes).toBe(`'@SUM(1+1)\nsecond line`);
    expect(csv.rows.map((r) => r.name).sort()).toEqual([`'+cmd`, `'=HYPERLINK("http://evil.example","Click")`, 'Société "Générale", Paris'].sort());
    expect(csv.rows.find((r) => r.name === `'+cmd`)?.notes).toBe(`'-2+3`);
    // No cell of the raw file starts with a formula character.
    expect(csv.raw).not.toMatch(/(^|,)"?[=+@-]/m);
  });

  it('exports opportunities filtered by a focus flag with each deal’s flags, amounts as decimals beside their currency', async () => {
    const { client } = await signUpWorkspace(app);
    const chased = await createDeal(client, { name: 'Chased deal', amount: { amountMinor: 1_250_050, currency: 'EUR' } });
    await createDeal(client, { name: 'Fresh deal' });
    await db.updateTable('opportunities').set({ no_advance_streak: 4, results_count: 4, change_commitment: 'stated' }).where('id', '=', chased.id).execute();
    await rejudgeFlags(db, chased.id);

    const csv = await download(client, '/api/v1/opportunities/export?flag=no_advance_streak');
    const list = await allOf<{ id: string; flags: { id: string }[] }>(client, '/api/v1/opportunities?flag=no_advance_streak');
    expect(csv.rows.map((r) => r.id)).toEqual(list.map((o) => o.id));
    expect(csv.rows).toHaveLength(1);
    expect(csv.rows[0]).toMatchObject({ name: 'Chased deal', amount: '12500.50', currency: 'EUR', status: 'open', flags: 'no_advance_streak' });
    expect(csv.rows[0].flagReasons).toMatch(/4/);

    const all = await download(client, '/api/v1/opportunities/export');
    expect(all.rows.map((r) => r.name).sort()).toEqual(['Chased deal', 'Fresh deal']);
    expect(all.header).not.toContain('flags');

    const focus = await download(client, '/api/v1/focus/export?scope=mine');
    expect(focus.rows.map((r) => [r.name, r.flags, r.noAdvanceStreak])).toEqual([['Chased deal', 'no_advance_streak', '4']]);
  });

  it('started in review mode, a file leaves out what the screen hides: amounts, won and lost, close reasons', async () => {
    const { client } = await signUpWorkspace(app);
    const won = await createDeal(client, { name: 'Won deal', amount: { amountMinor: 4_200_000, currency: 'EUR' } });
    const lost = await createDeal(client, { name: 'Lost deal', amount: { amountMinor: 900_000, currency: 'EUR' } });
    await createDeal(client, { name: 'Open deal' });
    expect((await client.patch(`/api/v1/opportunities/${won.id}`, { status: 'won', version: won.version })).statusCode).toBe(200);
    expect((await client.patch(`/api/v1/opportunities/${lost.id}`, { status: 'lost', closeReason: 'Chose a competitor', version: lost.version })).statusCode).toBe(200);

    const plain = await download(client, '/api/v1/opportunities/export?sort=name');
    expect(plain.rows.map((r) => [r.name, r.status, r.amount])).toEqual([['Lost deal', 'lost', '9000.00'], ['Open deal', 'open', '10000.00'], ['Won deal', 'won', '42000.00']]);
    const review = await download(client, '/api/v1/opportunities/export?sort=name&review=on');
    for (const hidden of ['amount', 'currency', 'closeReason']) expect(review.header).not.toContain(hidden);
    expect(review.rows.map((r) => [r.name, r.status])).toEqual([['Lost deal', 'closed'], ['Open deal', 'open'], ['Won deal', 'closed']]);
    expect(JSON.stringify(review.rows)).not.toMatch(/42000|9000|competitor|"won"|"lost"/);

    const objective = await client.post(`/api/v1/accounts/${won.account.id}/objectives`, { title: 'Expand', kind: 'expansion', targetDate: '2027-06-30', target: { amountMinor: 5_000_000, currency: 'SEK' } });
    expect(objective.statusCode).toBe(201);
    const objectives = await download(client, `/api/v1/accounts/${won.account.id}/objectives/export?review=on`);
    expect(objectives.rows.map((r) => r.title)).toEqual(['Expand']);
    expect(objectives.header).not.toContain('targetAmount');
    expect((await client.get('/api/v1/opportunities/export?review=yes')).statusCode).toBe(400);
    // An unknown parameter is named, as on every list, rather than ignored.
    const unknown = await client.get(`/api/v1/accounts/${won.account.id}/objectives/export?zzz=1`);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.data.error.details.map((d: { path: string }) => d.path)).toEqual(['zzz']);
  });

  it('started in review mode, a goals file leaves out an outcome goal’s progress as the page does, and keeps the others’', async () => {
    const { client } = await signUpWorkspace(app);
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const period = { periodStart: day(-30), periodEnd: day(30), firstStep: 'List the deals that can close' };
    await createDeal(client, { name: 'Won deal', amount: { amountMinor: 900_000, currency: 'USD' }, closeDate: day(0), status: 'won' });
    const goal = (body: Record<string, unknown>) => client.post('/api/v1/goals', { ...period, ...body });
    expect((await goal({ kind: 'outcome', title: 'Revenue', measure: 'revenue_won', targetAmount: { amountMinor: 100_000, currency: 'USD' } })).statusCode).toBe(201);
    expect((await goal({ kind: 'outcome', title: 'Deals', measure: 'deals_won', targetValue: 2 })).statusCode).toBe(201);
    expect((await goal({ kind: 'learning', title: 'Notes', measure: 'learning_notes', targetValue: 4 })).statusCode).toBe(201);

    const byTitle = (csv: Csv) => Object.fromEntries(csv.rows.map((r) => [r.title, r.progress]));
    const plain = await download(client, '/api/v1/goals/export?status=all');
    expect(byTitle(plain)).toEqual({ Revenue: 'reached (900 %)', Deals: '50 % of the way', Notes: '0 % of the way' });
    const review = await download(client, '/api/v1/goals/export?status=all&review=on');
    expect(review.header).not.toContain('targetAmount');
    expect(byTitle(review)).toEqual({ Revenue: '', Deals: '', Notes: '0 % of the way' });
  });

  it('exports plans, interactions and an account’s objectives as their lists show them to that person', async () => {
    const admin = await signUpWorkspace(app);
    const rep = await addMember(app, admin.client, { role: 'rep' });
    const other = await addMember(app, admin.client, { role: 'rep' });
    const deal = await createDeal(rep.client, { name: 'Rep deal' });
    const plan = await createPlan(rep.client, deal.id, { title: 'Rep plan' });
    await createPlan(other.client, undefined, { title: 'Other plan' });
    // A rep's default view is their own plans; so is their file.
    const plans = await download(rep.client, '/api/v1/plans/export');
    expect(plans.rows.map((r) => [r.id, r.title, r.opportunity])).toEqual([[plan.id, 'Rep plan', 'Rep deal']]);
    const everyone = await download(admin.client, '/api/v1/plans/export?view=everyone&sort=targetDate');
    expect(everyone.rows.map((r) => r.title).sort()).toEqual(['Other plan', 'Rep plan']);

    const call = await pastCall(rep.client, deal.account.id, { opportunityId: deal.id });
    const interactions = await download(rep.client, `/api/v1/interactions/export?opportunityId=${deal.id}`);
    expect(interactions.rows.map((r) => [r.id, r.opportunityId, r.state])).toEqual([[call.id, deal.id, 'awaiting_result']]);

    const objective = (await rep.client.post(`/api/v1/accounts/${deal.account.id}/objectives`, { title: 'Open the Nordics', kind: 'new_region', targetDate: '2027-06-30', target: { amountMinor: 5_000_000, currency: 'SEK' } })).data;
    const objectives = await download(rep.client, `/api/v1/accounts/${deal.account.id}/objectives/export`);
    expect(objectives.rows.map((r) => [r.id, r.title, r.targetAmount, r.targetCurrency])).toEqual([[objective.id, 'Open the Nordics', '50000.00', 'SEK']]);
  });

  it('refuses what the list refuses, as JSON: a bad filter names the field, paging is not a filter, a stranger is not signed in', async () => {
    const { client } = await signUpWorkspace(app);
    const bad = await client.get('/api/v1/opportunities/export?status=maybe&limit=5');
    expect(bad.statusCode).toBe(400);
    expect(bad.data.error.code).toBe('validation_failed');
    expect(bad.data.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['limit', 'status']);
    const anonymous = await app.inject({ method: 'GET', url: '/api/v1/accounts/export' });
    expect(anonymous.statusCode).toBe(401);
    // Another rep's goals: refused as the list refuses them.
    const rep = await addMember(app, client, { role: 'rep' });
    const other = await addMember(app, client, { role: 'rep' });
    const list = await rep.client.get(`/api/v1/goals?ownerId=${other.me.user.id}`);
    const file = await rep.client.get(`/api/v1/goals/export?ownerId=${other.me.user.id}`);
    expect(list.statusCode).toBe(403);
    expect([file.statusCode, file.data.error.code]).toEqual([403, 'forbidden']);
  });
});

describe('workspace export (zip)', () => {
  it('an admin downloads every record and its history as workspace.json and one CSV per entity, without secrets or other people’s private whys', async () => {
    const admin = await signUpWorkspace(app, { name: 'Ada Admin' });
    const manager = await addMember(app, admin.client, { role: 'manager', name: 'Maya Manager' });
    const team = (await admin.client.post('/api/v1/teams', { name: 'Enterprise', managerId: manager.me.user.id })).data;
    const rep = await addMember(app, admin.client, { role: 'rep', teamId: team.id, name: 'Rita Rep' });
    const account = await createAccount(rep.client, { name: '=Acme' });
    await rep.client.patch(`/api/v1/accounts/${account.id}`, { industry: 'Retail', version: account.version });
    const deal = await createDeal(rep.client, { accountId: account.id, name: 'Acme deal', amount: { amountMinor: 990_000, currency: 'EUR' } });
    await createPlan(rep.client, deal.id, { title: 'Acme plan' });
    await admin.client.post('/api/v1/invites', { email: 'newcomer@example.com', role: 'rep' });
    const hook = (await admin.client.post('/api/v1/webhook-endpoints', { url: 'http://127.0.0.1:9/crm', events: ['opportunity.won'] })).data;
    expect(hook.secret).toEqual(expect.any(String));
    // Private: the rep's why (even shared with their manager, never the admin's), and the manager's private check-in note.
    const repLadder = (await rep.client.post('/api/v1/why-ladders', { start: 'Rita secret quota wish' })).data;
    expect((await rep.client.post(`/api/v1/why-ladders/${repLadder.id}/rungs`, { answer: 'Rita secret family security', version: repLadder.version })).statusCode).toBe(200);
    const repGoal = await rep.client.post('/api/v1/goals', { kind: 'learning', title: 'Listen more', periodStart: '2026-01-01', periodEnd: '2027-12-31', firstStep: 'Ask one question', whyId: repLadder.id });
    expect(repGoal.statusCode).toBe(201);
    const ownLadder = (await admin.client.post('/api/v1/why-ladders', { start: 'Ada own why' })).data;
    const series = (await manager.client.post('/api/v1/check-in-series', { repId: rep.me.user.id, cadence: 'weekly', weekday: 4, time: '09:00' })).data;
    const checkIn = (await manager.client.post(`/api/v1/check-in-series/${series.id}/check-ins`, { scheduledAt: series.next.scheduledAt })).data;
    expect((await manager.client.post(`/api/v1/check-ins/${checkIn.id}/notes`, { body: 'Maya private note' })).statusCode).toBe(201);
    expect((await manager.client.post(`/api/v1/check-ins/${checkIn.id}/notes`, { body: 'Maya shared note', visibility: 'shared' })).statusCode).toBe(201);

    const res = await admin.client.post('/api/v1/workspace/exports', {});
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="advance-workspace-[a-f0-9]+-\d{4}-\d{2}-\d{2}\.zip"/);
    const files = unzipSync(new Uint8Array(res.rawPayload));
    const names = Object.keys(files);
    expect(names).toContain('README.txt');
    expect(names).toContain('workspace.json');
    expect(names).toContain('csv/accounts.csv');
    expect(names).toContain('csv/audit_events.csv');

    const json = JSON.parse(strFromU8(files['workspace.json']));
    expect(json).toMatchObject({ format: 'advance.workspace-export', formatVersion: 1, exportedBy: { id: admin.me.user.id, name: 'Ada Admin' }, workspace: { id: admin.me.workspace.id } });
    const e = json.entities;
    expect(e.accounts.map((a: { name: string }) => a.name)).toEqual(['=Acme']);
    expect(e.opportunities[0]).toMatchObject({ id: deal.id, name: 'Acme deal', amountMinor: 990_000, currency: 'EUR', accountId: account.id });
    expect(e.plans.map((p: { title: string }) => p.title)).toEqual(['Acme plan']);
    expect(e.users.map((u: { name: string }) => u.name).sort()).toEqual(['Ada Admin', 'Maya Manager', 'Rita Rep']);
    // History: the account's creation and change, before and after; and this export itself.
    const accountEvents = e.audit_events.filter((ev: { entityId: string }) => ev.entityId === account.id);
    expect(accountEvents.map((ev: { action: string }) => ev.action)).toEqual(['create', 'update']);
    expect(accountEvents[1].changes).toEqual({ industry: { before: null, after: 'Retail' } });
    expect(e.audit_events.some((ev: { entityType: string; action: string }) => ev.entityType === 'workspace' && ev.action === 'export')).toBe(true);

    // Secrets are never exported.
    for (const u of e.users) expect(Object.keys(u)).not.toContain('passwordHash');
    expect(e.invites).toHaveLength(3);
    for (const i of e.invites) expect(Object.keys(i)).not.toContain('tokenHash');
    expect(Object.keys(e)).not.toContain('sessions');
    expect(Object.keys(e)).not.toContain('mail_outbox');
    expect(e.webhook_endpoints.map((w: { url: string; events: string[] }) => [w.url, w.events])).toEqual([['http://127.0.0.1:9/crm', ['opportunity.won']]]);
    for (const w of e.webhook_endpoints) expect(Object.keys(w).filter((k) => /secretEncrypted/i.test(k))).toEqual([]);

    // Other people's private whys and private notes are nowhere in the zip; the admin's own are.
    expect(e.why_ladders.map((l: { id: string }) => l.id)).toEqual([ownLadder.id]);
    expect(e.why_rungs.map((r: { answer: string }) => r.answer)).toEqual(['Ada own why']);
    expect(e.audit_events.filter((ev: { entityType: string }) => ev.entityType === 'why_ladder').map((ev: { entityId: string }) => ev.entityId)).toEqual([ownLadder.id]);
    expect(e.check_in_notes.map((n: { body: string }) => n.body)).toEqual(['Maya shared note']);
    // The rep's goal is there (admins coach on goals), without its link to the rep's why.
    expect(e.goals.map((g: { id: string; whyId: string | null }) => [g.id, g.whyId])).toEqual([[repGoal.data.id, null]]);
    const everything = names.map((n) => strFromU8(files[n])).join('\n');
    for (const secret of ['Rita secret', repLadder.id, 'Maya private note', '$argon2', hook.secret]) expect(everything, secret).not.toContain(secret);
    expect(everything).toContain('Ada own why');

    // One CSV per entity, the same records, formulas defused.
    const accountsCsv = Papa.parse<Record<string, string>>(strFromU8(files['csv/accounts.csv']).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    expect(accountsCsv.data.map((r) => [r.id, r.name, r.industry])).toEqual([[account.id, "'=Acme", 'Retail']]);
    expect(strFromU8(files['README.txt'])).toMatch(/password hashes/);
  });

  it('holds a rep’s unsubmitted check-in answers, and the history of that draft, only in the rep’s own export', async () => {
    const { admin, manager, rep } = await checkInTeam(app);
    const { checkIn } = await seriesWithCheckIn(manager, rep.me.user.id);
    const url = `/api/v1/check-ins/${checkIn.id}/answers`;
    // Two drafts, never handed in as they are: each save is an audit event carrying the draft's words.
    expect((await rep.client.patch(url, { answers: [{ questionId: 'advance', text: 'DRAFT-MARKER secret draft' }], version: 1 })).statusCode).toBe(200);
    expect((await rep.client.patch(url, { answers: [{ questionId: 'advance', text: 'DRAFT-MARKER second thoughts' }], version: 2 })).statusCode).toBe(200);

    /** The zip's files, and which of them hold a text anywhere (workspace.json and every CSV alike). */
    const zipText = (bytes: Uint8Array) => {
      const files = unzipSync(bytes);
      return { files, holding: (text: string) => Object.keys(files).filter((n) => strFromU8(files[n]).includes(text)).sort() };
    };
    const viaRoute = async () => {
      const res = await admin.client.post('/api/v1/workspace/exports', {});
      expect(res.statusCode).toBe(200);
      return zipText(new Uint8Array(res.rawPayload));
    };
    // The export made as another person (only admins may ask for one through the API; the rule is the exporting person's).
    const as = async (who: typeof rep) => {
      const chunks: Buffer[] = [];
      for await (const chunk of workspaceZip(db, { id: who.me.user.id, name: who.me.user.name, workspaceId: who.me.workspace.id } as Actor, new Date().toISOString())) chunks.push(chunk as Buffer);
      return zipText(new Uint8Array(Buffer.concat(chunks)));
    };
    const entities = (z: { files: Record<string, Uint8Array> }) => JSON.parse(strFromU8(z.files['workspace.json'])).entities;

    for (const other of [await viaRoute(), await as(manager)]) {
      expect(other.holding('DRAFT-MARKER')).toEqual([]);
      expect(entities(other).check_in_answers).toEqual([]);
      expect(entities(other).audit_events.filter((ev: { entityType: string }) => ev.entityType === 'check_in_answers')).toEqual([]);
      // The check-in itself is there: only the rep's words are held back.
      expect(entities(other).check_ins.map((c: { id: string }) => c.id)).toEqual([checkIn.id]);
    }
    const own = await as(rep);
    expect(own.holding('DRAFT-MARKER second thoughts')).toEqual(['csv/audit_events.csv', 'csv/check_in_answers.csv', 'workspace.json']);
    expect(own.holding('DRAFT-MARKER secret draft')).toEqual(['csv/audit_events.csv', 'workspace.json']);
    expect(entities(own).check_in_answers).toEqual([expect.objectContaining({ id: checkIn.id, submittedAt: null, answers: [{ questionId: 'advance', text: 'DRAFT-MARKER second thoughts' }] })]);

    // Handed in (in other words): the answers are exported as before, to everyone; the draft's history is still the rep's alone.
    expect((await rep.client.patch(url, { answers: [{ questionId: 'advance', text: 'Handed in: the pilot' }], submit: true, version: 3 })).statusCode).toBe(200);
    // An edit after hand-in changes words the manager already read: its event is everyone's history.
    expect((await rep.client.patch(url, { answers: [{ questionId: 'advance', text: 'Handed in: the pilot, signed' }], version: 4 })).statusCode).toBe(200);
    for (const other of [await viaRoute(), await as(manager)]) {
      expect(other.holding('DRAFT-MARKER')).toEqual([]);
      const answers = entities(other).check_in_answers;
      expect(answers).toEqual([expect.objectContaining({ id: checkIn.id, submittedAt: expect.any(String), answers: [{ questionId: 'advance', text: 'Handed in: the pilot, signed' }] })]);
      expect(strFromU8(other.files['csv/check_in_answers.csv'])).toContain('Handed in: the pilot, signed');
      const events = entities(other).audit_events.filter((ev: { entityType: string }) => ev.entityType === 'check_in_answers');
      expect(events.map((ev: { changes: unknown }) => ev.changes)).toEqual([
        { answers: { before: JSON.stringify([{ questionId: 'advance', text: 'Handed in: the pilot' }]), after: JSON.stringify([{ questionId: 'advance', text: 'Handed in: the pilot, signed' }]) } },
      ]);
    }
    const ownAfter = await as(rep);
    expect(entities(ownAfter).audit_events.filter((ev: { entityType: string }) => ev.entityType === 'check_in_answers')).toHaveLength(4);
    expect(ownAfter.holding('DRAFT-MARKER secret draft')).toEqual(['csv/audit_events.csv', 'workspace.json']);
  });

  it('is for admins only: a manager and a rep get 403 and nothing is recorded', async () => {
    const admin = await signUpWorkspace(app);
    const manager = await addMember(app, admin.client, { role: 'manager' });
    const rep = await addMember(app, admin.client, { role: 'rep' });
    for (const who of [manager, rep]) {
      const res = await who.client.post('/api/v1/workspace/exports', {});
      expect(res.statusCode).toBe(403);
      expect(res.data.error.code).toBe('forbidden');
    }
    const exports = await db.selectFrom('audit_events').select('id').where('workspace_id', '=', admin.me.workspace.id).where('action', '=', 'export').execute();
    expect(exports).toEqual([]);
  });

  it('allows a few exports an hour per workspace, then 429 with Retry-After; each one is audited', async () => {
    const admin = await signUpWorkspace(app);
    const other = await signUpWorkspace(app);
    for (let i = 0; i < 5; i++) expect((await admin.client.post('/api/v1/workspace/exports', {})).statusCode).toBe(200);
    const refused = await admin.client.post('/api/v1/workspace/exports', {});
    expect(refused.statusCode).toBe(429);
    expect(refused.data.error.code).toBe('too_many_requests');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Another workspace has its own allowance.
    expect((await other.client.post('/api/v1/workspace/exports', {})).statusCode).toBe(200);
    const audited = await db.selectFrom('audit_events').select('actor_id').where('workspace_id', '=', admin.me.workspace.id).where('action', '=', 'export').execute();
    expect(audited).toHaveLength(5);
    expect(audited.every((a) => a.actor_id === admin.me.user.id)).toBe(true);
  });
});

describe('the API document', () => {
  it('documents each export as the file it answers: text/csv or application/zip, with its Content-Disposition', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of ['/api/v1/accounts/export', '/api/v1/contacts/export', '/api/v1/opportunities/export', '/api/v1/focus/export', '/api/v1/plans/export', '/api/v1/interactions/export', '/api/v1/accounts/{id}/objectives/export', '/api/v1/goals/export', '/api/v1/check-ins/export']) {
      const ok = doc.paths[path].get.responses['200'];
      expect(Object.keys(ok.content), path).toEqual(['text/csv']);
      expect(ok.headers['Content-Disposition'], path).toBeDefined();
    }
    const zip = doc.paths['/api/v1/workspace/exports'].post;
    expect(Object.keys(zip.responses['200'].content)).toEqual(['application/zip']);
    expect(zip.responses['403']).toBeDefined();
    expect(zip.responses['429'].headers['Retry-After']).toBeDefined();
  });
});

describe('what a workspace export covers', () => {
  it('names every table of the database: exported (with its columns left out) or not exported, with the reason', async () => {
    const schema = isPostgres() ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0].s : undefined;
    // SQLite's full-text search indexes (migration 0060) are derived from the records' fields.
    const derived = (t: string) => /_(fts|fts_[a-z]+|search_rows)$/.test(t);
    const tables = (await db.introspection.getTables()).filter((t) => (!schema || t.schema === schema) && !derived(t.name)).map((t) => t.name);
    const named = new Set([...EXPORT_TABLES.map((t) => t.table), ...Object.keys(NOT_EXPORTED), 'workspaces']);
    // A new table must be classified in features/exports/workspace-tables.ts: exported (omitting any
    // secret column), or listed in NOT_EXPORTED with why.
    expect(tables.filter((t) => !named.has(t)).sort()).toEqual([]);
    expect([...named].filter((t) => !tables.includes(t)).sort()).toEqual([]);
  });
});

describe('reading a table for the workspace export', () => {
  it('pages through it by its key, single or composite: every row once, in key order, only this workspace’s', async () => {
    const admin = await signUpWorkspace(app);
    const other = await signUpWorkspace(app);
    for (let i = 0; i < 7; i++) await createAccount(admin.client);
    await createAccount(other.client);
    const actor = { id: admin.me.user.id, workspaceId: admin.me.workspace.id } as Actor;
    const table = (entity: string) => EXPORT_TABLES.find((t) => t.entity === entity)!;

    const pages: string[][] = [];
    for await (const rows of pagesOf(db, table('accounts'), actor, 3)) pages.push(rows.map((r) => String(r.id)));
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    const ids = pages.flat();
    expect(ids).toEqual([...ids].sort());
    const mine = await db.selectFrom('accounts').select('id').where('workspace_id', '=', admin.me.workspace.id).orderBy('id').execute();
    expect(ids).toEqual(mine.map((r) => r.id));

    const account = await createAccount(admin.client);
    const objective = (await admin.client.post(`/api/v1/accounts/${account.id}/objectives`, { title: 'Expand', kind: 'expansion', targetDate: '2027-06-30' })).data;
    const people = [];
    for (let i = 0; i < 3; i++) people.push(await addMember(app, admin.client, { role: 'rep' }));
    for (const p of people) expect((await admin.client.post(`/api/v1/objectives/${objective.id}/contributors`, { userId: p.me.user.id })).statusCode).toBe(200);
    const links: string[] = [];
    for await (const rows of pagesOf(db, table('objective_contributors'), actor, 2)) links.push(...rows.map((r) => `${r.objective_id} ${r.user_id}`));
    const expected = await db.selectFrom('objective_contributors').select(['objective_id', 'user_id']).where('workspace_id', '=', admin.me.workspace.id).orderBy('objective_id').orderBy('user_id').execute();
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(links).toEqual(expected.map((r) => `${r.objective_id} ${r.user_id}`));
  });
});

describe('the workspace export and blind retrospectives', () => {
  it('leaves out the other side’s answers the exporting admin may not read yet, in the table and in the history', async () => {
    const admin = await signUpWorkspace(app);
    // The admin leads the team: they answer the manager's side of its deals.
    const west = (await admin.client.post('/api/v1/teams', { name: 'West', managerId: admin.me.user.id })).data;
    const wes = await addMember(app, admin.client, { role: 'rep', teamId: west.id, name: 'Wes West' });
    const deal = await createDeal(wes.client, { name: 'West deal' });
    await closeDeal(wes.client, deal, 'lost', new Date().toISOString());
    const answers = { plannedOutcomes: 'no', advancesWon: 'no', customerKept: 'no', mutualPlan: 'no', changeCommitment: 'no' };
    const given = await wes.client.post(`/api/v1/opportunities/${deal.id}/retrospective`, { answers, processJudgement: 'weak', lesson: 'RETROWEST I skipped discovery', version: 0 });
    expect(given.statusCode, given.body).toBe(200);
    // The retrospective itself keeps it from the admin until their side is in…
    const view = (await admin.client.get(`/api/v1/opportunities/${deal.id}/retrospective`)).data;
    expect(view.yourPerspective).toBe('manager');
    expect(view.sides.find((x: { perspective: string }) => x.perspective === 'rep')).toMatchObject({ submitted: true, answers: null });
    // …and so does the export: no table, file or history event carries it.
    const exported = async () => {
      const zip = await admin.client.post('/api/v1/workspace/exports', {});
      expect(zip.statusCode).toBe(200);
      return unzipSync(new Uint8Array(zip.rawPayload));
    };
    const before = await exported();
    expect(Object.keys(before).filter((name) => strFromU8(before[name]).includes('RETROWEST'))).toEqual([]);
    // Once the admin's side is in, both sides are everyone's who may read them: the export has them.
    const mine = await admin.client.post(`/api/v1/opportunities/${deal.id}/retrospective`, { answers, processJudgement: 'weak', lesson: 'Admin side', version: 0 });
    expect(mine.statusCode, mine.body).toBe(200);
    const after = await exported();
    const json = JSON.parse(strFromU8(after['workspace.json']));
    expect(json.entities.retrospectives.filter((r: { opportunityId: string }) => r.opportunityId === deal.id).map((r: { lesson: string }) => r.lesson).sort()).toEqual(['Admin side', 'RETROWEST I skipped discovery']);
  });
});
