import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/harness.js';
import { rejudgeFlags } from '../focus/stored.js';
import { signUpWorkspace, type Client } from '../../test/factories.js';

const { app, db } = await testApp();

async function upload(admin: Client, entity: string, fileName: string, text: string) {
  const res = await admin.post('/api/v1/imports', { entity, fileName, text });
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

async function deals(admin: Client) {
  const list: { id: string }[] = [];
  for (const status of ['open', 'won', 'lost', 'walked_away']) {
    const res = await admin.get(`/api/v1/opportunities?status=${status}`);
    expect(res.statusCode, res.body).toBe(200);
    list.push(...res.data.data);
  }
  return Promise.all(list.map(async (d) => (await admin.get(`/api/v1/opportunities/${d.id}`)).data));
}

const SF_ACCOUNTS = '\uFEFF"Id","Name"\r\n"0015g00000NwAbCAAV","Acme, Inc."\r\n';
const sfDeals = (rows: string[]) => `\uFEFF"Id","AccountId","Name","StageName","Amount","CloseDate","IsClosed","IsWon"\r\n${rows.join('\r\n')}\r\n`;

describe('importing deals the source says are closed', () => {
  it('imports Salesforce IsClosed/IsWon rows as won or lost on their close date, with the reason “Imported”, and a re-import closes what closed since', async () => {
    const { client: admin } = await signUpWorkspace(app);
    await run(admin, (await upload(admin, 'accounts', 'Account.csv', SF_ACCOUNTS)).id);
    const file = sfDeals([
      '"0065g00000AbC001AAV","0015g00000NwAbCAAV","Still open","Discover","1000","2027-06-30","false","false"',
      '"0065g00000AbC002AAV","0015g00000NwAbCAAV","Won one","Closed Won","2000","2026-03-31","true","true"',
      '"0065g00000AbC003AAV","0015g00000NwAbCAAV","Lost one","Closed Lost","3000","2026-02-15","true","false"',
      '"0065g00000AbC004AAV","0015g00000NwAbCAAV","Bad flag","Discover","3000","2026-02-15","maybe","false"',
    ]);
    const draft = await upload(admin, 'opportunities', 'Opportunity.csv', file);
    expect(draft.mapping).toMatchObject({ closed: 'IsClosed', won: 'IsWon', closeReason: null });
    // The closed stages are not stages to map: those rows close the deal.
    expect(draft.stageValues.map((s: { value: string }) => s.value)).toEqual(['Discover']);
    const dry = (await admin.post(`/api/v1/imports/${draft.id}/dry-run`, {})).data;
    expect(dry).toMatchObject({ wouldCreate: 3, wouldSkip: 1, issues: [{ row: 5, column: 'IsClosed', field: 'closed', message: '“maybe” is neither true nor false.' }] });
    expect((await run(admin, draft.id)).counts).toEqual({ created: 3, updated: 0, unchanged: 0, skipped: 1 });

    const byName = Object.fromEntries((await deals(admin)).map((d) => [d.name, d]));
    expect(byName['Still open']).toMatchObject({ status: 'open', closeReason: null, closedAt: null, stage: { name: 'Discover' } });
    expect(byName['Won one']).toMatchObject({ status: 'won', closeReason: 'Imported', closedAt: '2026-03-31T00:00:00.000Z', closeDate: '2026-03-31' });
    expect(byName['Lost one']).toMatchObject({ status: 'lost', closeReason: 'Imported', closedAt: '2026-02-15T00:00:00.000Z' });
    const history = (await admin.get(`/api/v1/opportunities/${byName['Won one'].id}/history`)).data.data;
    expect(history[0]).toMatchObject({ action: 'create', changes: { status: { before: null, after: 'won' }, closeReason: { before: null, after: 'Imported' } } });

    // Later: the open deal was won in Salesforce; the lost one is still lost (its close stays as it was).
    const again = sfDeals([
      '"0065g00000AbC001AAV","0015g00000NwAbCAAV","Still open","Closed Won","1000","2026-07-01","true","true"',
      '"0065g00000AbC002AAV","0015g00000NwAbCAAV","Won one","Closed Won","2000","2026-03-31","true","true"',
      '"0065g00000AbC003AAV","0015g00000NwAbCAAV","Lost one","Closed Lost","3000","2026-02-15","true","false"',
    ]);
    expect((await run(admin, (await upload(admin, 'opportunities', 'Opportunity.csv', again)).id)).counts).toEqual({ created: 0, updated: 1, unchanged: 2, skipped: 0 });
    const now = Object.fromEntries((await deals(admin)).map((d) => [d.name, d]));
    expect(now['Still open']).toMatchObject({ status: 'won', closeReason: 'Imported', closedAt: '2026-07-01T00:00:00.000Z', stage: { name: 'Discover' }, version: 2 });
    expect(now['Lost one']).toMatchObject({ status: 'lost', version: 1 });
    const update = (await admin.get(`/api/v1/opportunities/${now['Still open'].id}/history`)).data.data[0];
    expect(update).toMatchObject({ action: 'update', changes: { status: { before: 'open', after: 'won' } } });
  });

  it('reads HubSpot’s closedwon/closedlost stages and its “Closed lost reason”, and never reopens a deal closed here', async () => {
    const { client: admin } = await signUpWorkspace(app);
    await run(admin, (await upload(admin, 'accounts', 'companies.csv', 'Record ID,Company name\n9876543210,Umbrella Corp\n')).id);
    const header = 'Record ID,Deal Name,Deal Stage,Amount,Close Date,Associated Company IDs,Closed lost reason,Pipeline\n';
    const draft = await upload(admin, 'opportunities', 'deals.csv', `${header}111,Umbrella won,closedwon,100,2026-01-31,9876543210,,Sales Pipeline\n112,Umbrella lost,closedlost,200,2026-02-28,9876543210,Went with a competitor,Sales Pipeline\n113,Umbrella lost quietly,Closed lost,300,2026-03-31,9876543210,,Sales Pipeline\n114,Umbrella open,Qualify,400,2027-03-31,9876543210,,Sales Pipeline\n`);
    expect(draft).toMatchObject({ source: 'hubspot', mapping: { stage: 'Deal Stage', closeReason: 'Closed lost reason', closed: null, won: null } });
    expect((await admin.post(`/api/v1/imports/${draft.id}/dry-run`, {})).data).toMatchObject({ wouldCreate: 4, issueCount: 0 });
    expect((await run(admin, draft.id)).counts).toMatchObject({ created: 4, skipped: 0 });
    const byName = Object.fromEntries((await deals(admin)).map((d) => [d.name, d]));
    expect(byName['Umbrella won']).toMatchObject({ status: 'won', closeReason: 'Imported', closedAt: '2026-01-31T00:00:00.000Z' });
    expect(byName['Umbrella lost']).toMatchObject({ status: 'lost', closeReason: 'Went with a competitor' });
    expect(byName['Umbrella lost quietly']).toMatchObject({ status: 'lost', closeReason: 'Imported' });
    expect(byName['Umbrella open']).toMatchObject({ status: 'open', stage: { name: 'Qualify' } });

    // Someone closes the open deal here; a file that still says it is open leaves it closed.
    const open = byName['Umbrella open'];
    const closed = await admin.patch(`/api/v1/opportunities/${open.id}`, { status: 'walked_away', closeReason: 'No budget', version: open.version });
    expect(closed.statusCode, closed.body).toBe(200);
    const again = await upload(admin, 'opportunities', 'deals.csv', `${header}114,Umbrella open,Qualify,400,2027-03-31,9876543210,,Sales Pipeline\n`);
    expect((await run(admin, again.id)).counts).toEqual({ created: 0, updated: 0, unchanged: 1, skipped: 0 });
    expect((await admin.get(`/api/v1/opportunities/${open.id}`)).data).toMatchObject({ status: 'walked_away', closeReason: 'No budget' });
  });

  it('gives the deals it creates their focus flags by the workspace’s thresholds, as every other write does', async () => {
    const { client: admin } = await signUpWorkspace(app);
    const thresholds = (await admin.get('/api/v1/workspace/focus-thresholds')).data;
    const changed = await admin.patch('/api/v1/workspace/focus-thresholds', { noAdvanceStreak: 4, noCommitmentDays: 12, noCommitmentInteractions: 5, version: thresholds.version });
    expect(changed.statusCode, changed.body).toBe(200);
    await run(admin, (await upload(admin, 'accounts', 'Account.csv', SF_ACCOUNTS)).id);
    const file = sfDeals([
      '"0065g00000AbC101AAV","0015g00000NwAbCAAV","Open deal","Discover","1000","2027-06-30","false","false"',
      '"0065g00000AbC102AAV","0015g00000NwAbCAAV","Won deal","Closed Won","2000","2026-03-31","true","true"',
    ]);
    expect((await run(admin, (await upload(admin, 'opportunities', 'Opportunity.csv', file)).id)).counts).toMatchObject({ created: 2 });
    const ids = (await deals(admin)).map((d) => d.id as string);
    const stored = await db.selectFrom('opportunities').select(['id', 'name', 'created_at', 'flagged_from']).where('id', 'in', ids).orderBy('name').execute();
    // Open without a commitment to change: flagged 12 days after it was created; closed: never.
    expect(stored.map((d) => [d.name, d.flagged_from])).toEqual([
      ['Open deal', new Date(Date.parse(stored[0].created_at) + 12 * 86_400_000).toISOString()],
      ['Won deal', null],
    ]);
    // The same as judging them again with the rule the database computes.
    for (const id of ids) await rejudgeFlags(db, id);
    const judged = await db.selectFrom('opportunities').select(['name', 'flagged_from']).where('id', 'in', ids).orderBy('name').execute();
    expect(judged).toEqual(stored.map((d) => ({ name: d.name, flagged_from: d.flagged_from })));
  });
});
