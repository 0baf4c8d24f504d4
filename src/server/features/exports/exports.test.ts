import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/harness.js';
import { addMember, createAccount, signUpWorkspace, type Client } from '../../test/factories.js';
import { createDeal, createPlan } from '../plans/fixtures.js';
import { pastCall } from '../interactions/fixtures.js';

const { app, db } = await testApp();

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
    await rep.client.post(`/api/v1/accounts/${archived.id}/archive`);

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
  });
});
