import { randomBytes } from 'node:crypto';
import { companyName, INDUSTRIES, personName, seededRng, uuidV7At, type Rng } from '../src/domain/demo-data.js';
import { searchTextOf } from '../src/domain/search-text.js';
import { DEFAULT_FOCUS_THRESHOLDS, flaggedFrom } from '../src/domain/focus.js';
import { ACCOUNT_SIZES } from '../src/shared/accounts.js';
import { DEFAULT_STAGES } from '../src/shared/stages.js';
import { dealInteractions, INTERACTIONS } from './interactions.js';
import type { TableSpec, Value, Writer } from './writers.js';

/** A workspace shaped like a large sales organisation: one admin, teams of about nine reps. */

const DAY = 86_400_000;
const BATCH = 5_000;

const T = {
  workspaces: { name: 'workspaces', columns: [['id', 'text'], ['name', 'text'], ['default_time_zone', 'text'], ['is_demo', 'int4'], ['version', 'int4'], ['created_at', 'text'], ['updated_at', 'text']] },
  users: {
    name: 'users',
    columns: [['id', 'text'], ['workspace_id', 'text'], ['email', 'text'], ['name', 'text'], ['password_hash', 'text'], ['role', 'text'], ['team_id', 'text'], ['time_zone', 'text'], ['status', 'text'], ['version', 'int4'], ['created_at', 'text'], ['updated_at', 'text']],
  },
  teams: { name: 'teams', columns: [['id', 'text'], ['workspace_id', 'text'], ['name', 'text'], ['manager_id', 'text'], ['version', 'int4'], ['created_at', 'text'], ['updated_at', 'text']] },
  stages: { name: 'stages', columns: [['id', 'text'], ['workspace_id', 'text'], ['name', 'text'], ['position', 'int4'], ['version', 'int4'], ['created_at', 'text'], ['updated_at', 'text']] },
  accounts: {
    name: 'accounts',
    columns: [['id', 'text'], ['workspace_id', 'text'], ['name', 'text'], ['domain', 'text'], ['industry', 'text'], ['size', 'text'], ['owner_id', 'text'], ['notes', 'text'], ['version', 'int4'], ['created_at', 'text'], ['updated_at', 'text'],
      ['search_text', 'text']],
  },
  opportunities: {
    name: 'opportunities',
    columns: [
      ['id', 'text'], ['workspace_id', 'text'], ['account_id', 'text'], ['name', 'text'], ['amount_minor', 'int8'], ['currency', 'text'], ['stage_id', 'text'],
      ['close_date', 'text'], ['owner_id', 'text'], ['status', 'text'], ['close_reason', 'text'], ['closed_at', 'text'], ['archived_at', 'text'], ['version', 'int4'],
      ['created_at', 'text'], ['updated_at', 'text'], ['search_text', 'text'], ['results_count', 'int4'], ['no_advance_streak', 'int4'], ['change_commitment', 'text'],
      ['flagged_from', 'text'],
    ],
  },
} as const satisfies Record<string, TableSpec>;

export type BenchSize = { users: number; accounts: number; opportunities: number; interactions: number };

/** What the benchmark needs to know about the generated workspace. */
export type BenchWorkspace = {
  workspaceId: string;
  signIn: { email: string; password: string };
  reps: string[];
  stageIds: string[];
  accounts: { id: string; owner: string }[];
  /** A spread of opportunity ids for the detail endpoint. */
  sampleOpportunityIds: string[];
  /** A spread of account names, as someone looking for one company would type it. */
  sampleAccountNames: string[];
  opportunities: number;
  interactions: number;
  /** A rep of the signed-in manager's team, to sign in as. */
  repSignIn: { email: string; id: string };
};

const iso = (ms: number) => new Date(ms).toISOString();

function ids(count: number, at: (i: number) => number): string[] {
  const random = randomBytes(16 * count);
  return Array.from({ length: count }, (_, i) => uuidV7At(at(i), random.subarray(i * 16, i * 16 + 16)));
}

async function inBatches(w: Writer, table: TableSpec, total: number, make: (i: number) => Value[]): Promise<void> {
  for (let start = 0; start < total; start += BATCH) {
    const rows: Value[][] = [];
    for (let i = start; i < Math.min(total, start + BATCH); i++) rows.push(make(i));
    await w.insert(table, rows);
  }
}

/** Call inside `bulkLoad`, which makes it one transaction. */
export async function generateWorkspace(w: Writer, size: BenchSize, passwordHash: string, password: string): Promise<BenchWorkspace> {
  const rng = seededRng(7);
  const now = Date.now();
  const start = now - 3 * 365 * DAY;
  const [workspaceId] = ids(1, () => start);
  const managers = Math.max(1, Math.round(size.users / 10));
  const userIds = ids(size.users, () => start);
  const teamIds = ids(managers, () => start);
  const stageIds = ids(DEFAULT_STAGES.length, () => start);
  const roleOf = (i: number) => (i === 0 ? 'admin' : i <= managers ? 'manager' : 'rep');
  const teamOf = (i: number) => (i === 0 ? null : i <= managers ? teamIds[i - 1] : teamIds[(i - managers - 1) % managers]);

  await w.insert(T.workspaces, [[workspaceId, 'Benchmark Ltd', 'Europe/London', 0, 1, iso(start), iso(start)]]);
  await inBatches(w, T.users, size.users, (i) => {
    const name = personName(rng, rng.pick(['GB', 'DE', 'FR', 'US'] as const)).full;
    const email = `${roleOf(i)}${i}@bench.advance.test`;
    return [userIds[i], workspaceId, email, name, passwordHash, roleOf(i), teamOf(i), rng.pick(['Europe/London', 'Europe/Paris', 'America/New_York']), 'active', 1, iso(start), iso(start)];
  });
  await w.insert(T.teams, teamIds.map((id, t) => [id, workspaceId, `Team ${t + 1}`, userIds[t + 1], 1, iso(start), iso(start)]));
  await w.insert(T.stages, DEFAULT_STAGES.map((name, position) => [stageIds[position], workspaceId, name, position, 1, iso(start), iso(start)]));
  const reps = userIds.slice(managers + 1);
  const ws: BenchWorkspace = {
    workspaceId,
    signIn: { email: `manager1@bench.advance.test`, password },
    reps: reps.length > 0 ? reps : userIds,
    stageIds,
    accounts: [],
    sampleOpportunityIds: [],
    sampleAccountNames: [],
    opportunities: 0,
    interactions: 0,
    // The first rep is in team 1, the signed-in manager's.
    repSignIn: { email: `rep${managers + 1}@bench.advance.test`, id: userIds[managers + 1] ?? userIds[0] },
  };
  await addAccountsAndOpportunities(w, ws, size.accounts, size.opportunities, size.interactions, rng, now);
  return ws;
}

const DEALS = ['Planning suite', 'Workforce scheduling', 'Analytics add-on', 'Integrations hub', 'Renewal', 'Expansion', 'Pilot', 'Premium support'];
const REASONS = ['Chose a competitor.', 'No budget this year.', 'No commitment to change.', 'Lost on price.'];

/**
 * Adds accounts and opportunities to the workspace: creation dates spread over the past three and
 * two years, most deals touched recently, a realistic mix of stages, statuses and currencies — and
 * about `interactions` interactions over the deals' lives (bench/interactions.ts), whose results
 * set each deal's counters; the commitment to change follows the deal's stage and status.
 */
export async function addAccountsAndOpportunities(w: Writer, ws: BenchWorkspace, accounts: number, opportunities: number, interactions: number, rng: Rng = seededRng(ws.accounts.length + 11), now = Date.now()): Promise<void> {
  const firstAccount = ws.accounts.length;
  const sampleEvery = Math.max(1, Math.floor(accounts / 200));
  const accountStart = now - 3 * 365 * DAY;
  const accountIds = ids(accounts, (i) => accountStart + ((now - accountStart) * i) / accounts);
  await inBatches(w, T.accounts, accounts, (i) => {
    const owner = rng.pick(ws.reps);
    const company = companyName(rng, firstAccount + i);
    ws.accounts.push({ id: accountIds[i], owner });
    const created = iso(accountStart + ((now - accountStart) * i) / accounts);
    if (i % sampleEvery === 0) ws.sampleAccountNames.push(company.name);
    // The search text the app writes on create (src/domain/search-text.ts); the index follows it.
    const searchText = searchTextOf.account(company);
    return [accountIds[i], ws.workspaceId, company.name, company.domain, rng.pick(INDUSTRIES), rng.pick(ACCOUNT_SIZES), owner, null, 1, created, created, searchText];
  });

  const oppStart = now - 2 * 365 * DAY;
  const createdAt = (i: number) => oppStart + ((now - oppStart) * i) / opportunities;
  const sampleOppEvery = Math.max(1, Math.floor(opportunities / 1000));
  const perDeal = interactions / opportunities;
  let calls: Value[][] = [];
  for (let start = 0; start < opportunities; start += BATCH) {
    const count = Math.min(BATCH, opportunities - start);
    const batchIds = ids(count, (i) => createdAt(start + i));
    const rows: Value[][] = [];
    for (let j = 0; j < count; j++) {
      const created = createdAt(start + j);
      const updated = created + (now - created) * Math.sqrt(rng.next());
      const updatedIso = iso(updated);
      const account = rng.pick(ws.accounts);
      const status = rng.weighted([['open', 60], ['won', 20], ['lost', 12], ['walked_away', 8]] as const);
      const closed = status !== 'open';
      const closeDate = closed ? updatedIso.slice(0, 10) : iso(now + rng.int(-20, 120) * DAY).slice(0, 10);
      const currency = rng.weighted([['EUR', 7], ['GBP', 2], ['USD', 1]] as const);
      const name = `${rng.pick(DEALS)} ${new Date(created).getUTCFullYear()}`;
      const stage = closed && status === 'won' ? ws.stageIds.length - 1 : rng.int(0, ws.stageIds.length - 1);
      const owner = rng.chance(0.9) ? account.owner : rng.pick(ws.reps);
      const deal = { id: batchIds[j], accountId: account.id, ownerId: owner, status, stage, stages: ws.stageIds.length, createdMs: created, endMs: closed ? updated : now };
      // About `perDeal` calls each, between none and twice as many.
      const counters = dealInteractions(rng, ws.workspaceId, deal, Math.floor(2 * perDeal * rng.next() + rng.next()), now, calls);
      const late = stage >= ws.stageIds.length - 2;
      const change = status === 'won' || (status === 'open' && late) ? 'evidenced' : rng.weighted([['none', 4], ['stated', 4], ['evidenced', 2]] as const);
      rows.push([
        batchIds[j], ws.workspaceId, account.id, name, rng.int(20, 5_000) * 100_00, currency,
        ws.stageIds[stage],
        closeDate, owner, status,
        status === 'lost' || status === 'walked_away' ? rng.pick(REASONS) : null, closed ? updatedIso : null,
        rng.chance(0.02) ? updatedIso : null, rng.int(1, 8), iso(created), updatedIso, searchTextOf.opportunity({ name }),
        counters.resultsCount, counters.noAdvanceStreak, change,
        // The instant any focus flag is up from, as the app stores it (the workspace's default thresholds; no plans here).
        flaggedFrom({ status, createdAt: iso(created), noAdvanceStreak: counters.noAdvanceStreak, resultsCount: counters.resultsCount, changeCommitment: change, customerUnreliableFrom: null }, DEFAULT_FOCUS_THRESHOLDS),
      ]);
      if ((start + j) % sampleOppEvery === 0) ws.sampleOpportunityIds.push(batchIds[j]);
    }
    await w.insert(T.opportunities, rows);
    // After their deals: SQLite checks foreign keys as rows go in.
    for (let i = 0; i < calls.length; i += BATCH) await w.insert(INTERACTIONS, calls.slice(i, i + BATCH));
    ws.interactions += calls.length;
    calls = [];
  }
  ws.opportunities += opportunities;
}
