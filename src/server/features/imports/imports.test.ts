import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/harness.js';
import { addMember, Client, PASSWORD, signUpWorkspace } from '../../test/factories.js';
import { parseCsv } from './csv.js';

const { app, db } = await testApp();

const FIXTURES = path.join(import.meta.dirname, 'fixtures');

/** A fixture as the exporting CRM wrote it, its people's mail domain made unique to this test. */
function fixture(name: string, domain = 'northwind.example'): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8').replaceAll('northwind.example', domain);
}

/** The people of the exports (Ana Ruiz, Ben Okafor) as members of the workspace, with their addresses. */
async function team(admin: Client) {
  const domain = `nw-${randomBytes(4).toString('hex')}.example`;
  const people: Record<string, string> = {};
  for (const [name, local] of [['Ana Ruiz', 'ana.ruiz'], ['Ben Okafor', 'ben.okafor']]) {
    const inv = await admin.post('/api/v1/invites', { email: `${local}@${domain}`, role: 'rep', teamId: null });
    const token = new URL(inv.data.url).pathname.split('/').pop();
    const c = new Client(app);
    const res = await c.post('/api/v1/invites/accept', { token, name, password: PASSWORD });
    people[name] = res.data.user?.id ?? res.data.id;
  }
  return { domain, people };
}

async function upload(admin: Client, entity: string, fileName: string, text: string, extra: Record<string, unknown> = {}) {
  const res = await admin.post('/api/v1/imports', { entity, fileName, text, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.data;
}

async function waitDone(admin: Client, id: string) {
  for (let i = 0; i < 200; i += 1) {
    const res = await admin.get(`/api/v1/imports/${id}`);
    if (res.data.status === 'done' || res.data.status === 'failed') return res.data;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

async function run(admin: Client, id: string) {
  const { version } = (await admin.get(`/api/v1/imports/${id}`)).data;
  const started = await admin.post(`/api/v1/imports/${id}/start`, { version });
  expect(started.statusCode, started.body).toBe(202);
  return waitDone(admin, id);
}

/** Imports the Salesforce Data Export files in the order Salesforce's ids need: users, accounts, contacts, deals. */
async function importSalesforce(admin: Client, domain: string) {
  const out: Record<string, { id: string; counts: Record<string, number> }> = {};
  for (const [entity, file] of [['users', 'salesforce-User.csv'], ['accounts', 'salesforce-Account.csv'], ['contacts', 'salesforce-Contact.csv'], ['opportunities', 'salesforce-Opportunity.csv']]) {
    const draft = await upload(admin, entity, file.replace('salesforce-', ''), fixture(file, domain));
    out[entity] = await run(admin, draft.id);
  }
  return out;
}

describe('reading CSV files', () => {
  it('reads quoted fields with commas, line breaks and "" escapes, CRLF and a BOM', () => {
    const parsed = parseCsv(fixture('salesforce-Account.csv'));
    expect(parsed.headers[0]).toBe('Id');
    expect(parsed.rows).toHaveLength(3);
    expect(parsed.rows[0][2]).toBe('Acme, Inc.');
    expect(parsed.rows[0][6]).toBe('Makes everything.\r\nSecond line with "quotes", and a comma.');
    expect(parsed.errors).toEqual([]);
  });

  it('reads semicolon files (Excel in comma-decimal locales) and LF line ends, skipping blank lines', () => {
    const parsed = parseCsv('Name;Amount\n"Acme; Ltd";"1.234,56"\n\nGlobex;7\n');
    expect(parsed.headers).toEqual(['Name', 'Amount']);
    expect(parsed.rows).toEqual([['Acme; Ltd', '1.234,56'], ['Globex', '7']]);
  });

  it('reports a quote never closed', () => {
    expect(parseCsv('Name,Amount\n"Acme,5\nGlobex,7\n').errors[0]).toMatchObject({ message: expect.stringContaining('never closed') });
  });
});

describe('importing Salesforce Data Export files', () => {
  it('previews with the suggested mapping, dry-runs with an error per row and column, then imports what is valid', async () => {
    const { client: admin } = await signUpWorkspace(app);
    const { domain, people } = await team(admin);
    for (const [entity, file] of [['users', 'salesforce-User.csv'], ['accounts', 'salesforce-Account.csv']]) {
      await run(admin, (await upload(admin, entity, file, fixture(file, domain))).id);
    }
    const draft = await upload(admin, 'opportunities', 'Opportunity.csv', fixture('salesforce-Opportunity.csv', domain));
    expect(draft).toMatchObject({ source: 'salesforce', status: 'draft', rowCount: 4, mapping: { externalId: 'Id', account: 'AccountId', stage: 'StageName', owner: 'OwnerId', currency: 'CurrencyIsoCode' } });
    expect(draft.preview[0]).toEqual({ row: 2, values: expect.objectContaining({ name: 'Acme – Line 2 rollout', amount: '125000.00', closeDate: '2026-12-31' }) });
    expect(draft.stageValues).toEqual(expect.arrayContaining([expect.objectContaining({ value: 'Discover', rows: 1, stageId: expect.any(String) })]));

    const dry = await admin.post(`/api/v1/imports/${draft.id}/dry-run`, {});
    expect(dry.data).toMatchObject({ rows: 4, wouldCreate: 3, wouldUpdate: 0, wouldSkip: 1, issueCount: 1 });
    expect(dry.data.issues).toEqual([{ row: 5, column: 'CloseDate', field: 'closeDate', message: expect.stringContaining('not a real date') }]);
    // The dry run wrote nothing.
    expect((await admin.get('/api/v1/opportunities')).data.data).toHaveLength(0);

    const done = await run(admin, draft.id);
    expect(done).toMatchObject({ status: 'done', processedRows: 4, counts: { created: 3, updated: 0, unchanged: 0, skipped: 1 } });
    const deals = (await admin.get('/api/v1/opportunities?sort=name')).data.data;
    expect(deals.map((d: { name: string }) => d.name)).toEqual(['Acme – Line 2 rollout', 'Globex pilot, phase "one"', 'Initech renewal']);
    const acme = deals[0];
    expect(acme).toMatchObject({ amount: { amountMinor: 12500000, currency: 'EUR' }, closeDate: '2026-12-31', stage: { name: 'Discover' }, owner: { id: people['Ana Ruiz'] }, account: { name: 'Acme, Inc.' } });
    expect(deals[2].amount).toEqual({ amountMinor: 0, currency: 'USD' });
    // Audited as created, by the admin who imported.
    expect((await admin.get(`/api/v1/opportunities/${acme.id}/history`)).data.data).toMatchObject([{ action: 'create', actor: { name: 'Ada Admin' } }]);

    const skipped = await admin.get(`/api/v1/imports/${draft.id}/results?outcome=skipped`);
    expect(skipped.data.data).toEqual([{ row: 5, outcome: 'skipped', recordId: null, externalId: '0065g00000AbCdHAAV', reason: expect.stringContaining('CloseDate:') }]);
    const all = await admin.get(`/api/v1/imports/${draft.id}/results?limit=2`);
    expect(all.data.data.map((r: { row: number }) => r.row)).toEqual([2, 3]);
    expect((await admin.get(`/api/v1/imports/${draft.id}/results?cursor=${all.data.nextCursor}`)).data.data.map((r: { row: number }) => r.row)).toEqual([4, 5]);
  });

  it('keeps relations: contacts and deals on the accounts their Salesforce ids name; owners through User.csv', async () => {
    const { client: admin } = await signUpWorkspace(app);
    const { domain, people } = await team(admin);
    const result = await importSalesforce(admin, domain);
    // Pat Gone is not a member here: that user row is skipped, the others link.
    expect(result.users.counts).toMatchObject({ created: 2, skipped: 1 });
    expect(result.accounts.counts).toMatchObject({ created: 3, skipped: 0 });
    expect(result.contacts.counts).toMatchObject({ created: 2, skipped: 1 });
    const accounts = (await admin.get('/api/v1/accounts?sort=name')).data.data;
    expect(accounts.map((a: { name: string; domain: string | null; owner: { id: string } }) => [a.name, a.domain, a.owner.id])).toEqual([
      ['Acme, Inc.', 'acme.example', people['Ana Ruiz']],
      ['Globex', 'globex.example', people['Ben Okafor']],
      ['Initech', null, people['Ana Ruiz']],
    ]);
    expect(accounts[0].notes).toBe('Makes everything.\r\nSecond line with "quotes", and a comma.');
    const contacts = (await admin.get('/api/v1/contacts?sort=name')).data.data;
    const byName = contacts.map((c: { name: string; email: string; account: { name: string } }) => [c.name, c.email, c.account.name]).sort();
    expect(byName).toEqual([
      ['Mina Lee', 'mina.lee@acme.example', 'Acme, Inc.'],
      ['Åsa Håkansson', 'asa@globex.example', 'Globex'],
    ]);
    const noel = await admin.get(`/api/v1/imports/${result.contacts.id}/results?outcome=skipped`);
    expect(noel.data.data[0].reason).toContain('No account matches “0015g00000NwZZZAAV”');
  });

  it('updates instead of duplicating on a second import, and from a report export in a day-first, comma-decimal locale', async () => {
    const { client: admin } = await signUpWorkspace(app);
    const { domain } = await team(admin);
    await importSalesforce(admin, domain);
    const again = await upload(admin, 'opportunities', 'Opportunity.csv', fixture('salesforce-Opportunity.csv', domain));
    expect(await run(admin, again.id)).toMatchObject({ counts: { created: 0, updated: 0, unchanged: 3, skipped: 1 } });
    expect((await admin.get('/api/v1/opportunities')).data.data).toHaveLength(3);

    const report = await upload(admin, 'opportunities', 'report.csv', fixture('salesforce-report-opportunities.csv', domain));
    expect(report).toMatchObject({ source: 'salesforce', options: { dateOrder: 'dmy', decimalMark: ',' }, mapping: { externalId: 'Opportunity ID', account: 'Account Name', owner: 'Opportunity Owner' } });
    const done = await run(admin, report.id);
    expect(done.counts).toEqual({ created: 1, updated: 1, unchanged: 1, skipped: 0 });
    const deals = (await admin.get('/api/v1/opportunities?sort=name')).data.data;
    expect(deals).toHaveLength(4);
    const acme = deals.find((d: { name: string }) => d.name === 'Acme – Line 2 rollout');
    expect(acme).toMatchObject({ amount: { amountMinor: 13000000, currency: 'EUR' }, stage: { name: 'Solution fit' }, version: 2 });
    expect((await admin.get(`/api/v1/opportunities/${acme.id}/history`)).data.data[0]).toMatchObject({ action: 'update', changes: { amountMinor: { before: 12500000, after: 13000000 } } });
    expect(deals.find((d: { name: string }) => d.name === 'Initech add-on')).toMatchObject({ amount: { amountMinor: 750000 }, closeDate: '2027-03-01', account: { name: 'Initech' } });
  });
});

describe('importing HubSpot exports', () => {
  it('maps a stage and unmatched owners by hand, then imports deals on their associated companies', async () => {
    const { client: admin, me } = await signUpWorkspace(app);
    const { domain, people } = await team(admin);
    const companies = await upload(admin, 'accounts', 'hubspot-companies.csv', fixture('hubspot-companies.csv', domain));
    expect(companies.source).toBe('hubspot');
    expect((await run(admin, companies.id)).counts).toMatchObject({ created: 2 });
    const contacts = await upload(admin, 'contacts', 'hubspot-contacts.csv', fixture('hubspot-contacts.csv', domain));
    expect((await run(admin, contacts.id)).counts).toMatchObject({ created: 2 });

    const deals = await upload(admin, 'opportunities', 'hubspot-deals.csv', fixture('hubspot-deals.csv', domain), { currency: 'USD' });
    const dry = (await admin.post(`/api/v1/imports/${deals.id}/dry-run`, {})).data;
    expect(dry.issues).toEqual([
      { row: 3, column: 'Deal owner', field: 'owner', message: expect.stringContaining('Nobody here matches “Nobody Known”') },
      { row: 3, column: 'Deal Stage', field: 'stage', message: expect.stringContaining('appointmentscheduled') },
    ]);
    const stages = (await admin.get('/api/v1/stages')).data.data;
    const stale = await admin.patch(`/api/v1/imports/${deals.id}`, { options: { unmatchedOwner: 'me' }, version: deals.version + 5 });
    expect(stale.statusCode).toBe(409);
    const mapped = await admin.patch(`/api/v1/imports/${deals.id}`, { options: { stageMap: { appointmentscheduled: stages[0].id }, unmatchedOwner: 'me' }, version: deals.version });
    expect(mapped.statusCode, mapped.body).toBe(200);
    expect(mapped.data.stageValues).toContainEqual({ value: 'appointmentscheduled', rows: 1, stageId: stages[0].id });
    expect((await admin.post(`/api/v1/imports/${deals.id}/dry-run`, {})).data).toMatchObject({ wouldCreate: 3, issueCount: 0 });
    expect((await run(admin, deals.id)).counts).toEqual({ created: 3, updated: 0, unchanged: 0, skipped: 0 });
    const list = (await admin.get('/api/v1/opportunities?sort=name')).data.data;
    expect(list.map((d: { name: string; account: { name: string }; owner: { id: string }; amount: { amountMinor: number } }) => [d.name, d.account.name, d.owner.id, d.amount.amountMinor])).toEqual([
      ['Stark – armour', 'Stark Industries, Ltd', people['Ana Ruiz'], 250000000],
      ['Umbrella – lab rollout', 'Umbrella Corp', people['Ben Okafor'], 123456],
      ['Umbrella – services', 'Umbrella Corp', me.user.id, 20000],
    ]);
    // Started imports keep their mapping.
    const ran = (await admin.get(`/api/v1/imports/${deals.id}`)).data;
    expect((await admin.patch(`/api/v1/imports/${deals.id}`, { options: { unmatchedOwner: 'skip' }, version: ran.version })).data.error.code).toBe('rule_violation');
  });
});

describe('who may import, and bad input', () => {
  it('is for admins only, and an import of another workspace is not there', async () => {
    const { client: admin } = await signUpWorkspace(app);
    const rep = await addMember(app, admin, { role: 'rep' });
    const manager = await addMember(app, admin, { role: 'manager' });
    for (const who of [rep.client, manager.client]) {
      expect((await who.post('/api/v1/imports', { entity: 'accounts', fileName: 'a.csv', text: 'Name\nAcme\n' })).statusCode).toBe(403);
      expect((await who.get('/api/v1/imports')).statusCode).toBe(403);
    }
    const draft = await upload(admin, 'accounts', 'a.csv', 'Name\nAcme\n');
    const { client: other } = await signUpWorkspace(app);
    expect((await other.get(`/api/v1/imports/${draft.id}`)).statusCode).toBe(404);
    expect((await other.post(`/api/v1/imports/${draft.id}/start`, {})).statusCode).toBe(404);
    expect((await admin.get('/api/v1/imports')).data.data.map((i: { id: string }) => i.id)).toEqual([draft.id]);
  });

  it('refuses NUL characters, unreadable files and unknown columns with 400, storing nothing', async () => {
    const { client: admin } = await signUpWorkspace(app);
    const before = await db.selectFrom('imports').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const nul = await admin.post('/api/v1/imports', { entity: 'accounts', fileName: 'a.csv', text: 'Name\nAc\u0000me\n' });
    expect(nul.statusCode).toBe(400);
    expect(nul.data.error.details).toContainEqual(expect.objectContaining({ path: 'text' }));
    const open = await admin.post('/api/v1/imports', { entity: 'accounts', fileName: 'a.csv', text: 'Name,Notes\n"Acme,5\n' });
    expect(open.statusCode).toBe(400);
    expect(open.data.error.details[0].message).toContain('never closed');
    expect((await admin.post('/api/v1/imports', { entity: 'accounts', fileName: 'a.csv', text: 'Name\n' })).data.error.details[0].message).toContain('no rows');
    expect((await admin.post('/api/v1/imports', { entity: 'widgets', fileName: 'a.csv', text: 'Name\nAcme\n' })).statusCode).toBe(400);
    const after = await db.selectFrom('imports').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));

    const draft = await upload(admin, 'accounts', 'a.csv', 'Name,Web\nAcme,acme.example\n');
    const bad = await admin.patch(`/api/v1/imports/${draft.id}`, { mapping: { website: 'Nope', colour: 'Web' }, version: draft.version });
    expect(bad.statusCode).toBe(400);
    expect(bad.data.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['mapping.colour', 'mapping.website']);
    expect((await admin.patch(`/api/v1/imports/${draft.id}`, { mapping: { website: 'Nul\u0000' }, version: draft.version })).statusCode).toBe(400);
    // A change names the version it was made from: without one it is a field error and changes nothing.
    const unversioned = await admin.patch(`/api/v1/imports/${draft.id}`, { mapping: { website: 'Web' } });
    expect(unversioned.statusCode).toBe(400);
    expect(unversioned.data.error.details.map((d: { path: string }) => d.path)).toEqual(['version']);
    expect((await admin.get(`/api/v1/imports/${draft.id}`)).data).toMatchObject({ version: 1, mapping: { website: null } });
    expect((await admin.get(`/api/v1/imports/${draft.id}/results?cursor=abc`)).statusCode).toBe(400);
  });

  it('refuses to start without a column for a required field', async () => {
    const { client: admin } = await signUpWorkspace(app);
    const draft = await upload(admin, 'opportunities', 'deals.csv', 'Deal,Value\nA,5\n');
    const dry = await admin.post(`/api/v1/imports/${draft.id}/dry-run`, {});
    expect(dry.data.issues.map((i: { field: string }) => i.field)).toEqual(['name', 'account', 'closeDate']);
    const start = await admin.post(`/api/v1/imports/${draft.id}/start`, { version: draft.version });
    expect(start.statusCode).toBe(400);
    expect((await admin.get(`/api/v1/imports/${draft.id}`)).data.status).toBe('draft');
  });

  it('starts only the mapping its author saw: a start from an older version is a conflict and runs nothing', async () => {
    const { client: admin } = await signUpWorkspace(app);
    const draft = await upload(admin, 'accounts', 'a.csv', 'Name,Web\nAcme,acme.example\n');
    // Another admin maps the website column meanwhile.
    const remapped = await admin.patch(`/api/v1/imports/${draft.id}`, { mapping: { website: 'Web' }, version: draft.version });
    expect(remapped.statusCode, remapped.body).toBe(200);
    const unversioned = await admin.post(`/api/v1/imports/${draft.id}/start`, {});
    expect(unversioned.statusCode).toBe(400);
    expect(unversioned.data.error.details.map((d: { path: string }) => d.path)).toEqual(['version']);
    const stale = await admin.post(`/api/v1/imports/${draft.id}/start`, { version: draft.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.data.error.current).toMatchObject({ status: 'draft', mapping: { website: 'Web' }, version: remapped.data.version });
    expect((await admin.get('/api/v1/accounts')).data.data).toEqual([]);
    // A stale mapping change is refused the same way.
    expect((await admin.patch(`/api/v1/imports/${draft.id}`, { mapping: { website: null }, version: draft.version })).statusCode).toBe(409);
    const started = await admin.post(`/api/v1/imports/${draft.id}/start`, {}, { 'if-match': `"${remapped.data.version}"` });
    expect(started.statusCode, started.body).toBe(202);
    expect(started.data.status).toBe('queued');
  });
});
