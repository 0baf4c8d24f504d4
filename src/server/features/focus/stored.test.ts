import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advanceCounters, type ResultValue } from '../../../domain/interactions.js';
import { daysOpen, flaggedFrom, focusFlags, type FocusThresholds } from '../../../domain/focus.js';
import { Scope } from '../../core/scope.js';
import { useMovableClock } from '../../test/clock.js';
import { testApp } from '../../test/harness.js';
import { createAccount, signUpWorkspace, type Client } from '../../test/factories.js';
import { addCommitment, createPlan, dayIn } from '../plans/fixtures.js';
import { hoursFromNow, pastCall, record } from '../interactions/fixtures.js';
import { customerReliabilityByOpportunity } from '../commitments/reliability.js';
import { rejudgeFlags } from './stored.js';

/**
 * A deal's stored `flagged_from` (migration 0175, kept by every write that can move a flag) against
 * the read-time rule, `focusFlags`, over random sequences of what people do through the API — calls
 * logged and their results recorded or corrected, calls moved or cancelled, the commitment to change
 * recorded or taken back, the deal closed and reopened, customer-side commitments kept or let slip,
 * the workspace's thresholds changed — with time passing between writes. After every step, and at
 * instants ahead without a write (days open grow, the customer's days end), "flagged at t" read from
 * the row (`flagged_from <= t`) equals the rule's verdict from the deal's own records: its
 * interactions' results (counted again here), its qualification and status, its commitments (judged
 * again here). The list filtered by `flag=any` and the Focus list agree with it now.
 */
const clock = useMovableClock();
// Weeks pass between writes: sessions outlast the run.
const { app, db } = await testApp({ SESSION_IDLE_MINUTES: String(60 * 24 * 90), SESSION_ABSOLUTE_HOURS: String(24 * 365) });
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const TZ = 'Europe/Paris';
const RESULTS = ['advanced', 'continuation', 'no_advance'] as const;

type Op =
  | { kind: 'call'; deal: number; result: (typeof RESULTS)[number]; hoursAgo: number }
  | { kind: 'correct'; pick: number; result: (typeof RESULTS)[number] }
  | { kind: 'move'; pick: number; hoursAgo: number }
  | { kind: 'cancel'; pick: number }
  | { kind: 'change'; deal: number; level: 'none' | 'stated' }
  | { kind: 'status'; deal: number; status: 'open' | 'won' | 'walked_away' }
  | { kind: 'customer'; deal: number; days: number; done: boolean }
  | { kind: 'thresholds'; streak: number; days: number; interactions: number }
  | { kind: 'wait'; hours: number };

const deal = fc.nat({ max: 1 });
const pick = fc.nat({ max: 20 });
const result = fc.constantFrom(...RESULTS);
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('call' as const), deal, result, hoursAgo: fc.integer({ min: 1, max: 200 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('correct' as const), pick, result }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('move' as const), pick, hoursAgo: fc.integer({ min: 1, max: 300 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('change' as const), deal, level: fc.constantFrom('none' as const, 'stated' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('status' as const), deal, status: fc.constantFrom('open' as const, 'won' as const, 'walked_away' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('customer' as const), deal, days: fc.integer({ min: -4, max: 3 }), done: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('thresholds' as const), streak: fc.integer({ min: 2, max: 5 }), days: fc.integer({ min: 7, max: 40 }), interactions: fc.integer({ min: 1, max: 5 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('wait' as const), hours: fc.integer({ min: 1, max: 15 * 24 }) }) },
);

/** The rule's verdict at `at`, from the deal's own records (not from the row's derived columns). */
async function ruleSays(scope: Scope, dealId: string, t: FocusThresholds, at: Date): Promise<boolean> {
  const row = await db.selectFrom('opportunities').select(['status', 'created_at', 'change_commitment']).where('id', '=', dealId).executeTakeFirstOrThrow();
  if (row.status !== 'open') return false;
  const results = await db
    .selectFrom('interactions')
    .select('result')
    .where('opportunity_id', '=', dealId)
    .where('result', 'is not', null)
    .where('cancelled_at', 'is', null)
    .orderBy('sort_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const counters = advanceCounters(results.map((r) => r.result as ResultValue));
  const customer = (await customerReliabilityByOpportunity(scope, [dealId], at)).get(dealId) ?? null;
  const facts = { noAdvanceStreak: counters.noAdvanceStreak, resultsCount: counters.resultsCount, daysOpen: daysOpen(row.created_at, at), changeCommitment: row.change_commitment, customer, costOfInactionKnown: false };
  return focusFlags(facts, t).length > 0;
}

async function thresholdsOf(c: Client): Promise<FocusThresholds & { version: number }> {
  return (await c.get('/api/v1/workspace/focus-thresholds')).data;
}

async function check(scope: Scope, c: Client, dealIds: string[], label: string) {
  const t = await thresholdsOf(c);
  const rows = await db.selectFrom('opportunities').select(['id', 'flagged_from', 'status', 'created_at', 'no_advance_streak', 'results_count', 'change_commitment', 'customer_unreliable_from']).where('id', 'in', dealIds).execute();
  const now = Date.now();
  for (const row of rows) {
    // The server's SQL and the domain's function are the same rule.
    const domain = flaggedFrom({ status: row.status, createdAt: row.created_at, noAdvanceStreak: row.no_advance_streak, resultsCount: row.results_count, changeCommitment: row.change_commitment, customerUnreliableFrom: row.customer_unreliable_from }, t);
    expect(row.flagged_from, `${label}: SQL and domain`).toBe(domain);
    for (const ahead of [0, 5 * HOUR, 2 * DAY, 9 * DAY, 31 * DAY, 50 * DAY]) {
      const at = new Date(now + ahead);
      const stored = row.flagged_from !== null && row.flagged_from <= at.toISOString();
      expect(stored, `${label}: deal ${dealIds.indexOf(row.id)} at +${ahead / HOUR} h (flagged from ${row.flagged_from})`).toBe(await ruleSays(scope, row.id, t, at));
    }
  }
  const listed = new Set((await c.get('/api/v1/opportunities?flag=any&limit=100')).data.data.map((o: { id: string }) => o.id));
  const focused = new Set((await c.get('/api/v1/focus?scope=mine&limit=100')).data.data.map((i: { opportunity: { id: string } }) => i.opportunity.id));
  for (const id of dealIds) {
    const flagged = await ruleSays(scope, id, t, new Date());
    expect(listed.has(id), `${label}: flag=any lists deal ${dealIds.indexOf(id)}`).toBe(flagged);
    expect(focused.has(id), `${label}: Focus lists deal ${dealIds.indexOf(id)}`).toBe(flagged);
  }
}

async function play(ops: Op[]) {
  const admin = await signUpWorkspace(app, { timeZone: TZ });
  const scope = new Scope(db, admin.me.workspace.id);
  const c = admin.client;
  const account = await createAccount(c);
  const deals: string[] = [];
  for (const name of ['First', 'Second']) {
    const res = await c.post('/api/v1/opportunities', { accountId: account.id, name, amount: { amountMinor: 100, currency: 'EUR' }, closeDate: '2030-06-30' });
    expect(res.statusCode, res.body).toBe(201);
    deals.push(res.data.id);
  }
  const plans = new Map<number, string>();
  const calls: string[] = [];
  const current = async (path: string) => (await c.get(path)).data;
  for (const [i, o] of ops.entries()) {
    switch (o.kind) {
      case 'call': {
        const call = await pastCall(c, account.id, { opportunityId: deals[o.deal], hoursAgo: o.hoursAgo });
        const res = await record(c, call, o.result === 'advanced' ? { result: o.result, agreed: 'A pilot' } : { result: o.result });
        expect(res.statusCode, res.body).toBe(200);
        calls.push(call.id);
        break;
      }
      case 'correct':
      case 'move':
      case 'cancel': {
        if (!calls.length) break;
        const id = calls[o.pick % calls.length];
        const cur = await current(`/api/v1/interactions/${id}`);
        const res =
          o.kind === 'correct'
            ? await record(c, cur, o.result === 'advanced' ? { result: o.result, agreed: 'A pilot' } : { result: o.result })
            : o.kind === 'move'
              ? await c.patch(`/api/v1/interactions/${id}`, { startsAt: hoursFromNow(-o.hoursAgo), version: cur.version })
              : await c.post(`/api/v1/interactions/${id}/cancel`, { version: cur.version });
        expect([200, 409, 422], res.body).toContain(res.statusCode);
        break;
      }
      case 'change': {
        const q = await current(`/api/v1/opportunities/${deals[o.deal]}/qualification`);
        const res = await c.patch(`/api/v1/opportunities/${deals[o.deal]}/qualification`, { changeCommitment: o.level, version: q.version });
        expect([200, 422], res.body).toContain(res.statusCode);
        break;
      }
      case 'status': {
        const d = await current(`/api/v1/opportunities/${deals[o.deal]}`);
        const res = await c.patch(`/api/v1/opportunities/${deals[o.deal]}`, { status: o.status, ...(o.status === 'walked_away' ? { closeReason: 'Not deciding' } : {}), version: d.version });
        expect([200, 409, 422], res.body).toContain(res.statusCode);
        break;
      }
      case 'customer': {
        if (!plans.has(o.deal)) plans.set(o.deal, (await createPlan(c, deals[o.deal])).id);
        // A day gone by can only be written down as already kept.
        const done = o.done || o.days < 0;
        try {
          await addCommitment(c, plans.get(o.deal) as string, { side: 'customer', ownerName: 'Carla', title: `Step ${i}`, dueDate: dayIn(TZ, o.days), ...(done ? { status: 'done' } : {}) });
        } catch {
          // refused (the deal is closed): nothing changed
        }
        break;
      }
      case 'thresholds': {
        const t = await thresholdsOf(c);
        const res = await c.patch('/api/v1/workspace/focus-thresholds', { noAdvanceStreak: o.streak, noCommitmentDays: o.days, noCommitmentInteractions: o.interactions, version: t.version });
        expect(res.statusCode, res.body).toBe(200);
        break;
      }
      case 'wait':
        clock.advance(o.hours * HOUR);
        break;
    }
    await check(scope, c, deals, `step ${i} ${JSON.stringify(o)}`);
  }
}

describe('the instant a deal is flagged from, stored on the deal', () => {
  it('a hand-worked case: a new deal is flagged from its thirtieth day; a stated commitment clears it; three calls without an advance bring it back at once', async () => {
    const admin = await signUpWorkspace(app, { timeZone: TZ });
    const c = admin.client;
    const account = await createAccount(c);
    const res = await c.post('/api/v1/opportunities', { accountId: account.id, name: 'New', amount: { amountMinor: 100, currency: 'EUR' }, closeDate: '2030-06-30' });
    const id = res.data.id;
    const stored = async () => (await db.selectFrom('opportunities').select(['created_at', 'flagged_from']).where('id', '=', id).executeTakeFirstOrThrow());
    const row = await stored();
    expect(row.flagged_from).toBe(new Date(Date.parse(row.created_at) + 30 * DAY).toISOString());
    const listed = async () => (await c.get('/api/v1/opportunities?flag=any')).data.data.map((o: { name: string }) => o.name);
    expect(await listed()).toEqual([]);
    clock.advance(30 * DAY);
    expect(await listed()).toEqual(['New']);
    const q = await c.get(`/api/v1/opportunities/${id}/qualification`);
    expect((await c.patch(`/api/v1/opportunities/${id}/qualification`, { changeCommitment: 'stated', version: q.data.version })).statusCode).toBe(200);
    expect((await stored()).flagged_from).toBeNull();
    expect(await listed()).toEqual([]);
    for (let i = 0; i < 3; i++) {
      const call = await pastCall(c, account.id, { opportunityId: id, hoursAgo: 3 - i });
      expect((await record(c, call, { result: 'no_advance' })).statusCode).toBe(200);
    }
    expect((await stored()).flagged_from).toBe(row.created_at);
    expect(await listed()).toEqual(['New']);
    // A higher threshold for the streak: judged again for the whole workspace in the change's transaction.
    const t = await thresholdsOf(c);
    expect((await c.patch('/api/v1/workspace/focus-thresholds', { noAdvanceStreak: 4, version: t.version })).statusCode).toBe(200);
    expect((await stored()).flagged_from).toBeNull();
    expect(await listed()).toEqual([]);
  });

  it('reads each threshold of the deal’s own workspace in a write’s statement: every rule with its own, never another’s', async () => {
    const admin = await signUpWorkspace(app, { timeZone: TZ });
    const c = admin.client;
    const account = await createAccount(c);
    // Three different thresholds, so a rule that read another's would judge differently.
    const t0 = await thresholdsOf(c);
    const thresholds = { noAdvanceStreak: 5, noCommitmentDays: 40, noCommitmentInteractions: 1 };
    expect((await c.patch('/api/v1/workspace/focus-thresholds', { ...thresholds, version: t0.version })).statusCode).toBe(200);
    const res = await c.post('/api/v1/opportunities', { accountId: account.id, name: 'Facts', amount: { amountMinor: 100, currency: 'EUR' }, closeDate: '2030-06-30' });
    const id = res.data.id as string;
    // The deal's facts set straight in the database, then judged again as a write does.
    const cases = [
      { no_advance_streak: 1, results_count: 1, change_commitment: 'stated' }, // neither rule: the streak is under 5
      { no_advance_streak: 1, results_count: 1, change_commitment: 'none' }, // no commitment after 1 result
      { no_advance_streak: 5, results_count: 5, change_commitment: 'stated' }, // the streak of 5
      { no_advance_streak: 4, results_count: 0, change_commitment: 'none' }, // 40 days after creation
      { no_advance_streak: 4, results_count: 0, change_commitment: 'stated' }, // nothing
    ] as const;
    const seen: (string | null)[] = [];
    for (const facts of cases) {
      await db.updateTable('opportunities').set(facts).where('id', '=', id).execute();
      await rejudgeFlags(db, id);
      const row = await db.selectFrom('opportunities').select(['flagged_from', 'status', 'created_at', 'no_advance_streak', 'results_count', 'change_commitment', 'customer_unreliable_from']).where('id', '=', id).executeTakeFirstOrThrow();
      const domain = flaggedFrom({ status: row.status, createdAt: row.created_at, noAdvanceStreak: row.no_advance_streak, resultsCount: row.results_count, changeCommitment: row.change_commitment, customerUnreliableFrom: row.customer_unreliable_from }, thresholds);
      expect(row.flagged_from, JSON.stringify(facts)).toBe(domain);
      seen.push(row.flagged_from);
    }
    const created = (await db.selectFrom('opportunities').select('created_at').where('id', '=', id).executeTakeFirstOrThrow()).created_at;
    expect(seen).toEqual([null, created, created, new Date(Date.parse(created) + 40 * DAY).toISOString(), null]);
  });

  it('equals the read-time rule after any sequence of writes, and ahead in time without one', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 4, maxLength: 14 }), (ops) => play(ops)),
      { numRuns: 10, endOnFailure: true },
    );
  }, 600_000);
});
