import { describe, expect, it } from 'vitest';
import { sql, testApp } from '../../test/harness.js';
import { Client } from '../../test/factories.js';
import { todayIn } from '../../../domain/dates.js';
import { DEMO_PASSWORD, DEMO_TIME_ZONE, demoEmail, type DemoPersonKey } from './catalogue.js';

// One database of its own: the demo workspace is one per database.
const { app, db } = await testApp();

const visitor = new Client(app);
const first = await visitor.post('/api/v1/demo/session');
if (first.statusCode !== 201) throw new Error(`demo session failed: ${first.statusCode}`);
const workspaceId: string = first.data.workspace.id;

async function signInAs(key: DemoPersonKey): Promise<Client> {
  const client = new Client(app);
  const res = await client.post('/api/v1/session', { email: demoEmail(key), password: DEMO_PASSWORD });
  if (res.statusCode !== 201) throw new Error(`sign-in as ${key} failed: ${res.statusCode}`);
  return client;
}

const accountId = async (name: string) => (await db.selectFrom('accounts').select('id').where('workspace_id', '=', workspaceId).where('name', '=', name).executeTakeFirstOrThrow()).id;

describe('the demo’s objectives, targets, calls and chased deals', () => {
  it('sets objectives on key accounts, with contributors, their insights and tasks', async () => {
    const kestrel = await visitor.get(`/api/v1/accounts/${await accountId('Kestrel Logistics')}/objectives`);
    expect(kestrel.statusCode).toBe(200);
    const [summary] = kestrel.data.data;
    expect(summary).toMatchObject({ title: 'All 14 depots planning on Northwind', status: 'active', owner: { name: 'Emily Carter' }, target: { amountMinor: 42_000_000, currency: 'GBP' } });
    expect(summary.contributors.map((c: { name: string }) => c.name).sort()).toEqual(['Daniel Okafor', 'Jonas Weber']);
    expect(summary.opportunities).toHaveLength(2);

    const objective = (await visitor.get(`/api/v1/objectives/${summary.id}`)).data;
    expect(objective.insights.length).toBeGreaterThanOrEqual(3);
    expect(new Set(objective.tasks.map((t: { state: string }) => t.state))).toEqual(new Set(['open', 'done']));
    const history = (await visitor.get(`/api/v1/objectives/${summary.id}/history?limit=100`)).data.data;
    expect(history.some((e: { action: string }) => e.action === 'invite')).toBe(true);

    // Objectives in more than one currency on one account list sum per currency, never across.
    const orchard = (await visitor.get(`/api/v1/accounts/${await accountId('Orchard Pharma')}/objectives`)).data;
    expect(orchard.targets).toEqual([{ amountMinor: 30_000_000, currency: 'EUR' }]);

    // The manager was invited, and their task on a rep's objective is on their Today.
    const notifications = (await visitor.get('/api/v1/notifications?limit=100')).data.data;
    expect(notifications.filter((n: { kind: string }) => n.kind === 'objective_invited').length).toBeGreaterThanOrEqual(3);
    const today = (await visitor.get('/api/v1/today?view=mine')).data;
    const tasks = [...today.confirmOrRedate, ...today.next7Days].filter((i: { objective: unknown }) => i.objective);
    expect(tasks.map((i: { commitment: { title: string } }) => i.commitment.title)).toContain('Executive sponsor call with Kestrel’s COO');
  });

  it('gives each rep a yearly target for this fiscal year, with a gap their objectives do not cover', async () => {
    const team = (await db.selectFrom('teams').select('id').where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow()).id;
    const planning = await visitor.get(`/api/v1/teams/${team}/account-planning`);
    expect(planning.statusCode).toBe(200);
    const [year, month] = todayIn(DEMO_TIME_ZONE, new Date()).split('-').map(Number);
    expect(planning.data).toMatchObject({ fiscalYearStartMonth: 4, targetCurrency: 'EUR', repCount: 4, repsWithoutTarget: 0 });
    expect(planning.data.fiscalYear).toMatchObject({ fiscalYear: month >= 4 ? year : year - 1, isCurrent: true });
    const reps: { rep: { name: string }; target: { amount: { currency: string } } | null; gap: { gapMinor: number; targetMinor: number } | null }[] = planning.data.reps.data;
    expect(reps.map((r) => r.rep.name)).toEqual(['Emily Carter', 'Jonas Weber', 'Marcus Reid', 'Sophie Laurent']);
    for (const r of reps) {
      expect(r.gap?.gapMinor, r.rep.name).toBeGreaterThan(0);
      expect(r.gap?.gapMinor, r.rep.name).toBeLessThanOrEqual(r.gap?.targetMinor ?? 0);
    }
    // Targets in three currencies: the team's totals stay one line per currency.
    expect(planning.data.totals.map((t: { currency: string }) => t.currency).sort()).toEqual(['EUR', 'GBP', 'USD']);

    // Emily sees her own: a target in pounds, objectives that count towards it, and a gap still to find.
    const emily = await signInAs('rep3');
    const mine = (await emily.get('/api/v1/account-planning')).data;
    expect(mine.gap).toMatchObject({ currency: 'GBP', targetMinor: 110_000_000 });
    expect(mine.objectiveCount).toBeGreaterThanOrEqual(1);
    expect(mine.gap.gapMinor).toBeGreaterThan(0);
  });

  it('has a year of calls with planned outcomes and results for each rep, and counters that match them', async () => {
    // Each rep's advance rate has a real n, all three kinds of result, and an interval.
    for (const key of ['rep1', 'rep2', 'rep3', 'rep4'] as const) {
      const rep = await signInAs(key);
      const me = (await rep.get('/api/v1/session')).data.user.id;
      const rate = (await rep.get(`/api/v1/interactions/advance-rate?ownerId=${me}`)).data;
      expect(rate.n, key).toBeGreaterThanOrEqual(20);
      expect(Math.min(rate.advances, rate.continuations, rate.noAdvances), key).toBeGreaterThan(0);
      expect(rate.judgement, key).toMatchObject({ kind: 'rate', n: rate.n, low: expect.any(Number), high: expect.any(Number) });
      const upcoming = (await rep.get(`/api/v1/interactions?ownerId=${me}&state=upcoming`)).data.data;
      expect(upcoming.length, key).toBeGreaterThanOrEqual(1);
      expect(upcoming.every((i: { plannedOutcome: { statement: string } }) => i.plannedOutcome.statement.length > 20)).toBe(true);
    }

    // Two calls wait for their outcome: the manager's own (on his Today) and Emily's.
    const me = (await visitor.get('/api/v1/session')).data.user.id;
    const waiting = (await visitor.get(`/api/v1/interactions?ownerId=${me}&state=awaiting_result`)).data.data;
    expect(waiting.map((i: { account: { name: string } }) => i.account.name)).toEqual(['Harbour Health Trust']);
    const emily = await signInAs('rep3');
    const emilyId = (await emily.get('/api/v1/session')).data.user.id;
    expect((await emily.get(`/api/v1/interactions?ownerId=${emilyId}&state=awaiting_result`)).data.data.map((i: { account: { name: string } }) => i.account.name)).toEqual(['Kestrel Logistics']);

    // A call that advanced with actions agreed by both sides, kept on the call; Emily's is on her Today.
    const done = (await emily.get(`/api/v1/interactions?ownerId=${emilyId}&state=done&limit=200`)).data.data;
    const withActions = done.find((i: { result: { agreed: string | null } }) => /pilot proposal for the three depots/.test(i.result.agreed ?? ''));
    const call = (await emily.get(`/api/v1/interactions/${withActions.id}`)).data;
    expect(call.agreedActions.map((a: { side: string }) => a.side).sort()).toEqual(['customer', 'seller']);
    const today = (await emily.get('/api/v1/today?view=mine')).data;
    const items = [...today.confirmOrRedate, ...today.next7Days, ...today.dueToday];
    expect(items.find((i: { commitment: { title: string } }) => i.commitment.title === 'Send the forecasting pilot proposal for three depots')?.interaction).toMatchObject({ id: withActions.id });

    // Each opportunity's counters are what its results say: the count, and the latest run without an advance.
    const calls = await db
      .selectFrom('interactions')
      .select(['opportunity_id', 'result'])
      .where('workspace_id', '=', workspaceId)
      .where('opportunity_id', 'is not', null)
      .orderBy('sort_at')
      .orderBy('id')
      .execute();
    const expected = new Map<string, { results: number; streak: number }>();
    for (const c of calls) {
      const e = expected.get(c.opportunity_id as string) ?? { results: 0, streak: 0 };
      if (c.result !== null) expected.set(c.opportunity_id as string, { results: e.results + 1, streak: c.result === 'advanced' ? 0 : e.streak + 1 });
    }
    const opps = await db.selectFrom('opportunities').select(['id', 'results_count', 'no_advance_streak']).where('workspace_id', '=', workspaceId).execute();
    for (const o of opps) expect({ id: o.id, results: o.results_count, streak: o.no_advance_streak }).toEqual({ id: o.id, ...(expected.get(o.id) ?? { results: 0, streak: 0 }) });

    // Each call has its attendees from the customer's side.
    const withoutContacts = await sql<{ n: number }>`select count(*) as n from interactions i where i.workspace_id = ${workspaceId}
      and not exists (select 1 from interaction_attendees a where a.interaction_id = i.id and a.contact_id is not null)`.execute(db);
    expect(Number(withoutContacts.rows[0].n)).toBe(0);
  });

  it('qualifies deals with evidence, shows the chased deals on Focus with their reasons, and keeps the deal walked away from', async () => {
    const ws = await db.selectFrom('workspaces').select('stage_gate_stage_id').where('id', '=', workspaceId).executeTakeFirstOrThrow();
    const gate = await db.selectFrom('stages').select(['name', 'position']).where('id', '=', ws.stage_gate_stage_id as string).executeTakeFirstOrThrow();
    expect(gate.name).toBe('Negotiate');
    const pastGate = await db
      .selectFrom('opportunities')
      .innerJoin('stages', 'stages.id', 'opportunities.stage_id')
      .select(['opportunities.change_commitment', 'opportunities.change_evidence', 'opportunities.change_said_by_contact_id', 'opportunities.change_said_on'])
      .where('opportunities.workspace_id', '=', workspaceId)
      .where('opportunities.status', '=', 'open')
      .where('stages.position', '>=', gate.position)
      .execute();
    expect(pastGate.length).toBeGreaterThan(5);
    for (const o of pastGate) expect(o).toMatchObject({ change_commitment: 'evidenced', change_evidence: expect.any(String), change_said_by_contact_id: expect.any(String), change_said_on: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) });

    const criteria = await db.selectFrom('sweet_spot_criteria').select('id').where('workspace_id', '=', workspaceId).execute();
    expect(criteria).toHaveLength(5);
    const answered = await sql<{ n: number }>`select count(distinct o.id) as n from opportunities o join opportunity_criteria c on c.opportunity_id = o.id
      where o.workspace_id = ${workspaceId} and o.status = 'open'`.execute(db);
    const open = await db.selectFrom('opportunities').select('id').where('workspace_id', '=', workspaceId).where('status', '=', 'open').execute();
    expect(Number(answered.rows[0].n)).toBe(open.length);

    // Focus points at the chased deals, each with its reasons in plain words and the next moves.
    type Item = { opportunity: { name: string; account: { name: string }; owner: { name: string } }; flags: { id: string; reason: string }[]; nextMoves: { id: string }[] };
    const focus: Item[] = (await visitor.get('/api/v1/focus?scope=team&limit=200')).data.data;
    const flagsOf = (account: string, deal: string) => focus.find((i) => i.opportunity.account.name === account && i.opportunity.name === deal)?.flags.map((f) => f.id);
    expect(flagsOf('Solvent Chemie', 'Analytics add-on')).toEqual(['no_advance_streak', 'no_commitment_to_change']);
    expect(flagsOf('Colombo Costruzioni', 'Demand forecasting pilot')).toEqual(['no_advance_streak', 'no_commitment_to_change']);
    expect(flagsOf('Harbour Health Trust', 'Premium support upgrade')).toEqual(['no_advance_streak', 'no_commitment_to_change']);
    expect(flagsOf('Vantage Hospitality', 'Renewal and seat expansion')).toEqual(['no_commitment_to_change']);
    expect(flagsOf('Lumen Telecom', 'Analytics add-on')).toEqual(['no_commitment_to_change']);
    expect(flagsOf('Iris Telecomunicazioni', 'Planning suite rollout')).toEqual(['customer_unreliable']);
    expect(focus.every((i) => i.flags.every((f) => f.reason.length > 20) && i.nextMoves.length > 0)).toBe(true);
    expect(focus.find((i) => i.opportunity.name === 'Analytics add-on' && i.opportunity.account.name === 'Solvent Chemie')?.nextMoves.map((m) => m.id)).toContain('walk_away');
    // Qualified deals are not chased, and the deal walked away from has left the list.
    expect(flagsOf('Lumen Telecom', 'Workforce scheduling')).toBeUndefined();
    expect(flagsOf('Blanc Cosmétiques', 'Analytics add-on')).toBeUndefined();
    // Every rep has a chased deal of their own; the list filtered by flag shows the same deals.
    expect(new Set(focus.map((i) => i.opportunity.owner.name))).toEqual(new Set(['Sophie Laurent', 'Jonas Weber', 'Emily Carter', 'Marcus Reid', 'Daniel Okafor']));
    const flagged = (await visitor.get('/api/v1/opportunities?flag=any&limit=200')).data.data;
    expect(flagged.length).toBe((await visitor.get('/api/v1/focus?scope=everyone&limit=200')).data.data.length);

    // The deal Sophie walked away from says why, and its history shows the calls that led there.
    const opps = (await visitor.get('/api/v1/opportunities?limit=200&archived=all&status=walked_away')).data.data;
    const blanc = opps.find((o: { name: string; account: { name: string } }) => o.account.name === 'Blanc Cosmétiques' && o.name === 'Analytics add-on');
    expect(blanc.closeReason).toMatch(/^Walked away: five calls and demos/);
    const row = await db.selectFrom('opportunities').select(['no_advance_streak', 'results_count']).where('id', '=', blanc.id).executeTakeFirstOrThrow();
    expect(row.results_count).toBe(6);
    expect(row.no_advance_streak).toBe(5);

    // A qualified deal reads as the qualification card shows it: evidence, who said it and when, the
    // cost of inaction per month, a compelling event, the sweet-spot answers, the gate reached.
    const lumen = (await visitor.get('/api/v1/opportunities?limit=200&q=lumen')).data.data.find((o: { name: string }) => o.name === 'Workforce scheduling');
    const q = (await visitor.get(`/api/v1/opportunities/${lumen.id}/qualification`)).data;
    expect(q).toMatchObject({
      changeCommitment: 'evidenced',
      changeEvidence: expect.stringMatching(/^The CFO put installer scheduling in the 2027 budget/),
      changeSaidByContact: { name: expect.any(String) },
      changeSaidOn: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
      costPerMonth: { amountMinor: 4_500_000, currency: 'EUR' },
      compellingEvent: expect.stringMatching(/40% more connections/),
      stageGate: { stage: { name: 'Negotiate' }, reached: true },
    });
    expect(q.criteria).toHaveLength(5);
    expect(q.criteria.every((c: { answer: string }) => c.answer === 'met')).toBe(true);
    // Writing it down is in the deal's history, by its owner, naming who said it.
    const history = (await visitor.get(`/api/v1/opportunities/${lumen.id}/history?limit=200`)).data.data;
    const qualified = history.find((e: { changes: Record<string, unknown> }) => 'changeCommitment' in e.changes);
    expect(qualified).toMatchObject({ actor: { name: 'Emily Carter' }, changes: { changeCommitment: { before: 'none', after: 'evidenced' }, changeSaidBy: { after: q.changeSaidByContact.name } } });
  });
});
