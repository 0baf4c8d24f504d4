import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/harness.js';
import { createAccount, signUpWorkspace, type Client } from '../../test/factories.js';

/**
 * What an import may change in records people keep in Advance, and how it reads the values of a
 * row: nothing a user saved is lost to a file that does not say it (a column not mapped, an empty
 * cell), a time after a date must be a time, and an amount never changes currency on the way in.
 */

const { app } = await testApp();

const csv = (lines: string[][]) => `${lines.map((l) => l.map((c) => `"${c.replaceAll('"', '""')}"`).join(',')).join('\r\n')}\r\n`;

async function upload(admin: Client, entity: string, text: string, extra: Record<string, unknown> = {}) {
  const res = await admin.post('/api/v1/imports', { entity, fileName: `${entity}.csv`, text, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.data;
}

async function run(admin: Client, id: string) {
  const { version } = (await admin.get(`/api/v1/imports/${id}`)).data;
  const started = await admin.post(`/api/v1/imports/${id}/start`, { version });
  expect(started.statusCode, started.body).toBe(202);
  for (let i = 0; i < 200; i += 1) {
    const res = await admin.get(`/api/v1/imports/${id}`);
    if (res.data.status === 'done' || res.data.status === 'failed') return res.data;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

/** Dry run, then run: both, to check that the dry run predicts the run. */
async function importFile(admin: Client, entity: string, text: string, extra: Record<string, unknown> = {}) {
  const draft = await upload(admin, entity, text, extra);
  const dry = (await admin.post(`/api/v1/imports/${draft.id}/dry-run`, {})).data;
  const done = await run(admin, draft.id);
  const results = (await admin.get(`/api/v1/imports/${draft.id}/results?limit=200`)).data.data as { row: number; outcome: string; reason: string | null; recordId: string | null }[];
  return { draft, dry, done, results };
}

async function deal(admin: Client, id: string) {
  return (await admin.get(`/api/v1/opportunities/${id}`)).data;
}

describe('an import that matches records people keep here', () => {
  it('keeps an account’s domain, industry and notes when the file has no column for them, or leaves the cell empty', async () => {
    const { client: admin } = await signUpWorkspace(app);
    const acme = await createAccount(admin, { name: 'Acme Robotics', domain: 'acme.example', industry: 'Robotics', notes: 'Met their CTO at the fair; budget in Q3.' });

    const namesOnly = await importFile(admin, 'accounts', csv([['Name'], ['Acme Robotics']]));
    expect(namesOnly.dry).toMatchObject({ wouldCreate: 0, wouldUpdate: 1, wouldSkip: 0 });
    expect(namesOnly.done.counts).toEqual({ created: 0, updated: 0, unchanged: 1, skipped: 0 });
    expect((await admin.get(`/api/v1/accounts/${acme.id}`)).data).toMatchObject({ domain: 'acme.example', industry: 'Robotics', notes: 'Met their CTO at the fair; budget in Q3.', version: acme.version });

    // Website and notes mapped but empty, industry given: only the industry changes.
    const some = await importFile(admin, 'accounts', csv([['Name', 'Website', 'Industry', 'Description'], ['Acme Robotics', '', 'Automation', '']]));
    expect(some.done.counts).toEqual({ created: 0, updated: 1, unchanged: 0, skipped: 0 });
    const after = (await admin.get(`/api/v1/accounts/${acme.id}`)).data;
    expect(after).toMatchObject({ domain: 'acme.example', industry: 'Automation', notes: 'Met their CTO at the fair; budget in Q3.' });
    const history = (await admin.get(`/api/v1/accounts/${acme.id}/history`)).data.data;
    expect(history[0]).toMatchObject({ action: 'update', changes: { industry: { before: 'Robotics', after: 'Automation' } } });
    expect(Object.keys(history[0].changes)).toEqual(['industry']);

    // A new account of the same file still gets nulls for what the file leaves out.
    await importFile(admin, 'accounts', csv([['Name', 'Industry'], ['Initech', '']]));
    const initech = (await admin.get('/api/v1/accounts?sort=name')).data.data.find((a: { name: string }) => a.name === 'Initech');
    expect(initech).toMatchObject({ domain: null, industry: null, notes: null });
  });

  it('keeps a contact’s title and phone when the file has no column for them, or an empty cell', async () => {
    const { client: admin } = await signUpWorkspace(app);
    const acc = await createAccount(admin, { name: 'Initech' });
    const peter = (await admin.post('/api/v1/contacts', { accountId: acc.id, name: 'Peter Gibbons', email: 'peter@initech.example', title: 'Engineer', phone: '+1 555 0100' })).data;

    const noColumns = await importFile(admin, 'contacts', csv([['Name', 'Email', 'Account Name'], ['Peter Gibbons', 'peter@initech.example', 'Initech']]));
    expect(noColumns.done.counts).toEqual({ created: 0, updated: 0, unchanged: 1, skipped: 0 });
    const emptyTitle = await importFile(admin, 'contacts', csv([['Name', 'Email', 'Account Name', 'Title', 'Phone'], ['Peter Gibbons', 'peter@initech.example', 'Initech', '', '+1 555 0199']]));
    expect(emptyTitle.done.counts).toEqual({ created: 0, updated: 1, unchanged: 0, skipped: 0 });
    expect((await admin.get(`/api/v1/contacts/${peter.id}`)).data).toMatchObject({ title: 'Engineer', phone: '+1 555 0199', email: 'peter@initech.example' });
  });

  it('keeps a deal’s amount and currency when the file has no amount column, an empty amount or no currency', async () => {
    const { client: admin } = await signUpWorkspace(app);
    await run(admin, (await upload(admin, 'accounts', csv([['Id', 'Name'], ['A1', 'Globex']]))).id);
    const first = await importFile(admin, 'opportunities', csv([['Id', 'Name', 'AccountId', 'Amount', 'CurrencyIsoCode', 'CloseDate'], ['O1', 'Globex pilot', 'Globex', '48000.50', 'USD', '2030-01-15'], ['O2', 'Globex rollout', 'Globex', '120000', 'USD', '2030-02-15'], ['O3', 'Globex Japan', 'Globex', '1000000', 'JPY', '2030-03-15']]), { currency: 'EUR' });
    expect(first.done.counts).toMatchObject({ created: 3 });
    const [pilot, rollout, japan] = first.results.map((r) => r.recordId!);

    // No amount column, and the file's currency (EUR) is not the deals' (USD): nothing changes.
    const noAmount = await importFile(admin, 'opportunities', csv([['Id', 'Name', 'AccountId', 'CloseDate'], ['O1', 'Globex pilot', 'Globex', '2030-01-15']]), { currency: 'EUR' });
    expect(noAmount.dry).toMatchObject({ wouldUpdate: 1, issueCount: 0 });
    expect(noAmount.done.counts).toEqual({ created: 0, updated: 0, unchanged: 1, skipped: 0 });
    // An empty amount cell, no currency column: nothing changes either.
    const emptyAmount = await importFile(admin, 'opportunities', csv([['Id', 'Name', 'AccountId', 'Amount', 'CloseDate'], ['O2', 'Globex rollout', 'Globex', '', '2030-02-15']]), { currency: 'EUR' });
    expect(emptyAmount.done.counts).toEqual({ created: 0, updated: 0, unchanged: 1, skipped: 0 });
    expect((await deal(admin, pilot)).amount).toEqual({ amountMinor: 4800050, currency: 'USD' });
    expect((await deal(admin, rollout)).amount).toEqual({ amountMinor: 12000000, currency: 'USD' });

    // An amount without a currency column is in the deal's own currency: 1,500 yen are 1500 minor units, not 150000.
    const yen = await importFile(admin, 'opportunities', csv([['Id', 'Name', 'AccountId', 'Amount', 'CloseDate'], ['O3', 'Globex Japan', 'Globex', '1,500', '2030-03-15'], ['O2', 'Globex rollout', 'Globex', '$130,000.25', '2030-02-15']]), { currency: 'EUR' });
    expect(yen.dry).toMatchObject({ wouldUpdate: 2, issueCount: 0 });
    expect(yen.done.counts).toEqual({ created: 0, updated: 2, unchanged: 0, skipped: 0 });
    expect((await deal(admin, japan)).amount).toEqual({ amountMinor: 1500, currency: 'JPY' });
    expect((await deal(admin, rollout)).amount).toEqual({ amountMinor: 13000025, currency: 'USD' });

    // A currency cell changes the currency, with its amount; without an amount it would relabel the amount: refused.
    const change = await importFile(admin, 'opportunities', csv([['Id', 'Name', 'AccountId', 'Amount', 'CurrencyIsoCode', 'CloseDate'], ['O1', 'Globex pilot', 'Globex', '45000', 'EUR', '2030-01-15'], ['O2', 'Globex rollout', 'Globex', '', 'EUR', '2030-02-15'], ['O3', 'Globex Japan', 'Globex', '', '', '2030-03-15']]), { currency: 'EUR' });
    expect(change.dry).toMatchObject({ wouldUpdate: 2, wouldSkip: 1, issues: [{ row: 3, column: 'Amount', field: 'amount', message: expect.stringContaining('changes the deal’s currency from USD to EUR but gives no amount') }] });
    expect(change.done.counts).toEqual({ created: 0, updated: 1, unchanged: 1, skipped: 1 });
    expect((await deal(admin, pilot)).amount).toEqual({ amountMinor: 4500000, currency: 'EUR' });
    expect((await deal(admin, rollout)).amount).toEqual({ amountMinor: 13000025, currency: 'USD' });
    expect((await deal(admin, japan)).amount).toEqual({ amountMinor: 1500, currency: 'JPY' });
  });

  it('keeps a deal’s typed values against a later row of the same file that leaves them empty', async () => {
    const { client: admin } = await signUpWorkspace(app);
    await run(admin, (await upload(admin, 'accounts', csv([['Id', 'Name'], ['A1', 'Globex']]))).id);
    const { done, results } = await importFile(admin, 'opportunities', csv([['Id', 'Name', 'AccountId', 'Amount', 'CurrencyIsoCode', 'CloseDate'], ['O1', 'Globex pilot', 'Globex', '900', 'GBP', '2030-01-15'], ['O1', 'Globex pilot', 'Globex', '', '', '2030-01-31']]), { currency: 'EUR' });
    expect(done.counts).toEqual({ created: 1, updated: 1, unchanged: 0, skipped: 0 });
    expect(await deal(admin, results[0].recordId!)).toMatchObject({ amount: { amountMinor: 90000, currency: 'GBP' }, closeDate: '2030-01-31' });
  });

  it('keeps a hand-made deal’s amount when a file without ids matches it by account and name', async () => {
    const { client: admin } = await signUpWorkspace(app);
    const acc = await createAccount(admin, { name: 'Umbrella Corp' });
    const typed = (await admin.post('/api/v1/opportunities', { accountId: acc.id, name: 'Lab rollout', amount: { amountMinor: 777700, currency: 'CHF' }, closeDate: '2030-06-30' })).data;
    const { done } = await importFile(admin, 'opportunities', csv([['Deal Name', 'Associated Company', 'Amount', 'Close Date'], ['Lab rollout', 'Umbrella Corp', '', '2030-07-31']]), { currency: 'EUR' });
    expect(done.counts).toEqual({ created: 0, updated: 1, unchanged: 0, skipped: 0 });
    expect(await deal(admin, typed.id)).toMatchObject({ amount: { amountMinor: 777700, currency: 'CHF' }, closeDate: '2030-07-31' });
  });
});

describe('reading the values of a deals file', () => {
  it('refuses a close date whose time is not a time, and an amount in another currency than its row’s — in the dry run and the run', async () => {
    const { client: admin } = await signUpWorkspace(app);
    await run(admin, (await upload(admin, 'accounts', csv([['Id', 'Name'], ['A1', 'Probe']]))).id);
    // [close date, amount, currency cell, expected: a close date and amount, or the field of the issue]
    const cases: [string, string, string, { closeDate: string; amount: { amountMinor: number; currency: string } } | 'closeDate' | 'amount'][] = [
      ['2027-03-01 25:99', '100', '', 'closeDate'],
      ['2027-03-01T99:99:99Z', '100', '', 'closeDate'],
      ['2027-03-01Tgarbage', '100', '', 'closeDate'],
      ['2027-03-01 not a time at all', '100', '', 'closeDate'],
      ['2027-03-01 24:00', '100', '', 'closeDate'],
      ['2027-03-01T10:00:00+25:00', '100', '', 'closeDate'],
      ['03/01/2027 25:99', '100', '', 'closeDate'],
      ['03/01/2027, lunchtime', '100', '', 'closeDate'],
      ['2027-03-01T23:30:00-12:00', '100', '', { closeDate: '2027-03-01', amount: { amountMinor: 10000, currency: 'EUR' } }],
      ['03/01/2027 5:00 PM', '100', '', { closeDate: '2027-03-01', amount: { amountMinor: 10000, currency: 'EUR' } }],
      ['1/1/99', '100', '', { closeDate: '1999-01-01', amount: { amountMinor: 10000, currency: 'EUR' } }],
      ['1/1/30', '100', '', { closeDate: '2030-01-01', amount: { amountMinor: 10000, currency: 'EUR' } }],
      ['2027-06-30', '$100', '', 'amount'],
      ['2027-06-30', '£100', '', 'amount'],
      ['2027-06-30', 'USD 100', '', 'amount'],
      ['2027-06-30', '100 JPY', '', 'amount'],
      ['2027-06-30', '€100', 'USD', 'amount'],
      ['2027-06-30', 'GBP 5', 'EUR', 'amount'],
      ['2027-06-30', '€100', '', { closeDate: '2027-06-30', amount: { amountMinor: 10000, currency: 'EUR' } }],
      ['2027-06-30', '$100', 'CAD', { closeDate: '2027-06-30', amount: { amountMinor: 10000, currency: 'CAD' } }],
      ['2027-06-30', '¥100', 'JPY', { closeDate: '2027-06-30', amount: { amountMinor: 100, currency: 'JPY' } }],
      ['2027-06-30', '100 usd', 'USD', { closeDate: '2027-06-30', amount: { amountMinor: 10000, currency: 'USD' } }],
    ];
    const lines = [['Id', 'Name', 'AccountId', 'Amount', 'CurrencyIsoCode', 'CloseDate'], ...cases.map(([date, amount, currency], i) => [`D${i}`, `Deal ${i}`, 'Probe', amount, currency, date])];
    const { dry, done, results } = await importFile(admin, 'opportunities', csv(lines), { currency: 'EUR', dateOrder: 'mdy', decimalMark: '.' });
    const refused = cases.filter((c) => typeof c[3] === 'string').length;
    expect(dry).toMatchObject({ wouldCreate: cases.length - refused, wouldSkip: refused, issueCount: refused });
    expect(done.counts).toEqual({ created: cases.length - refused, updated: 0, unchanged: 0, skipped: refused });
    for (const [i, [date, amount, , want]] of cases.entries()) {
      const row = i + 2;
      const result = results.find((r) => r.row === row)!;
      if (typeof want === 'string') {
        const column = want === 'closeDate' ? 'CloseDate' : 'Amount';
        expect(dry.issues.filter((x: { row: number }) => x.row === row), `${date} ${amount}`).toEqual([{ row, column, field: want, message: expect.stringMatching(want === 'closeDate' ? /is not a time/ : /is written in .*, but this row’s currency is/) }]);
        expect(result, `${date} ${amount}`).toMatchObject({ outcome: 'skipped', reason: expect.stringContaining(`${column}: `) });
      } else {
        expect(result.outcome, `${date} ${amount}`).toBe('created');
        expect(await deal(admin, result.recordId!), `${date} ${amount}`).toMatchObject(want);
      }
    }
  });
});
