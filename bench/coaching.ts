import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { seededRng, uuidV7At, type Rng } from '../src/domain/demo-data.js';
import type { Actor } from '../src/server/core/actor.js';
import { hashPassword } from '../src/server/core/auth/passwords.js';
import { connect, type Db } from '../src/server/core/db/connect.js';
import { migrateToLatest } from '../src/server/core/db/migrate.js';
import { Scope } from '../src/server/core/scope.js';
import { resolvePeriod } from '../src/server/features/coaching/period.js';
import { teamCoaching } from '../src/server/features/coaching/service.js';
import { generateWorkspace, type BenchSize } from './generate.js';
import { bulkLoad, sqliteWriter, type TableSpec, type Value, type Writer } from './writers.js';

/**
 * `npm run bench:coaching` — issue 13's question: does a manager's team page (every rep's figures
 * for the current quarter, week by week) stay close to the cost of one hand-written SQL query that
 * computes the same aggregates, at 1× and 10× the data?
 *
 * For each scale it builds a fresh SQLite workspace (bench/generate.ts: 200 users in teams of about
 * nine, 20 000 accounts, 100 000 opportunities over two years), then about ten interactions per deal
 * over its life (1 000 000 at 1×: planned ahead or logged afterwards, results that follow no rule but
 * chance, a few cancelled) and a mutual plan with eight commitments on one deal in ten. It then times,
 * in this process, the team page's service (`teamCoaching`, everything the page's request computes)
 * against ONE hand-written query returning the same weekly aggregates (interactions, deals,
 * commitments of both sides), and prints the medians and their ratio (target ≤ 1.5).
 *
 * The hand-written query judges commitments by "done on or before its due day" in SQL; the app uses
 * the reliability rule (time zones, renegotiations) on the slice SQL narrows: that is the price of
 * one rule everywhere, and this measures it. BENCH_SCALE multiplies every size (e.g. 0.1 for a quick
 * run); BENCH_COACHING_RUNS the timed runs (default 30); BENCH_COACHING_GROW=0 skips the 10× data.
 */

const DAY = 86_400_000;
const BATCH = 5_000;
const PASSWORD = 'benchmark passphrase 2026';

const T = {
  interactions: {
    name: 'interactions',
    columns: [
      ['id', 'text'], ['workspace_id', 'text'], ['account_id', 'text'], ['opportunity_id', 'text'], ['owner_id', 'text'], ['kind', 'text'], ['starts_at', 'text'],
      ['time_zone', 'text'], ['duration_minutes', 'int4'], ['sort_at', 'text'], ['outcome_kind', 'text'], ['outcome_statement', 'text'], ['needs_several_calls', 'int4'],
      ['result', 'text'], ['result_recorded_at', 'text'], ['cancelled_at', 'text'], ['version', 'int4'], ['created_at', 'text'], ['updated_at', 'text'],
    ],
  },
  plans: {
    name: 'plans',
    columns: [
      ['id', 'text'], ['workspace_id', 'text'], ['opportunity_id', 'text'], ['title', 'text'], ['target_date', 'text'], ['status', 'text'], ['customer_time_zone', 'text'],
      ['version', 'int4'], ['last_activity_at', 'text'], ['created_at', 'text'], ['updated_at', 'text'], ['search_text', 'text'],
    ],
  },
  commitments: {
    name: 'commitments',
    columns: [
      ['id', 'text'], ['workspace_id', 'text'], ['subject_kind', 'text'], ['subject_id', 'text'], ['plan_id', 'text'], ['position', 'int4'], ['side', 'text'],
      ['owner_user_id', 'text'], ['owner_name', 'text'], ['title', 'text'], ['due_date', 'text'], ['original_due_date', 'text'], ['must_do', 'int4'], ['internal_only', 'int4'],
      ['status', 'text'], ['done_at', 'text'], ['version', 'int4'], ['created_at', 'text'], ['updated_at', 'text'],
    ],
  },
} as const satisfies Record<string, TableSpec>;

const iso = (ms: number) => new Date(ms).toISOString();
const id = (rng: Rng, at: number) => uuidV7At(at, Buffer.from(Array.from({ length: 16 }, () => rng.int(0, 255))));

type Deal = { id: string; account_id: string; owner_id: string; created_at: string; closed_at: string | null };

/** Interactions, plans and commitments for these deals, written in batches by `w`. */
async function addProcessData(w: Writer, workspaceId: string, deals: readonly Deal[], rng: Rng, now: number): Promise<{ interactions: number; commitments: number }> {
  let interactions: Value[][] = [];
  let plans: Value[][] = [];
  let commitments: Value[][] = [];
  let counts = { interactions: 0, commitments: 0 };
  const flush = async (force = false) => {
    if (force || interactions.length >= BATCH) {
      await w.insert(T.interactions, interactions);
      interactions = [];
    }
    if (force || commitments.length >= BATCH) {
      await w.insert(T.plans, plans);
      await w.insert(T.commitments, commitments);
      plans = [];
      commitments = [];
    }
  };
  for (const d of deals) {
    const start = Date.parse(d.created_at);
    const end = d.closed_at ? Date.parse(d.closed_at) : now + 30 * DAY;
    const calls = rng.int(4, 16);
    for (let k = 0; k < calls; k++) {
      const at = start + (end - start) * rng.next();
      const past = at <= now;
      const cancelled = rng.chance(0.03);
      const result = !past || cancelled ? null : rng.weighted([['advanced', 35], ['continuation', 40], ['no_advance', 20], [null, 5]] as const);
      const loggedAfter = past && rng.chance(0.12);
      const created = loggedAfter ? at + rng.int(10, 600) * 60_000 : at - rng.int(1, 72) * 3_600_000;
      interactions.push([
        id(rng, created), workspaceId, d.account_id, d.id, d.owner_id, 'call', iso(at), 'Europe/London', 30, iso(at), 'information', 'They share their rollout plan', 0,
        result, result ? iso(at + 3_600_000) : null, cancelled ? iso(at - DAY) : null, result ? 2 : 1, iso(created), iso(result ? at + 3_600_000 : created),
      ]);
      counts.interactions += 1;
    }
    if (rng.chance(0.1)) {
      const planId = id(rng, start);
      plans.push([planId, workspaceId, d.id, 'Evaluation plan', iso(end).slice(0, 10), 'active', 'Europe/London', 1, iso(start), iso(start), iso(start), 'evaluation plan']);
      for (let k = 0; k < 8; k++) {
        const due = start + (end - start) * rng.next();
        const dueDate = iso(due).slice(0, 10);
        const over = due < now;
        const status = over ? rng.weighted([['done', 80], ['open', 17], ['dropped', 3]] as const) : rng.chance(0.2) ? 'done' : 'open';
        const doneAt = status === 'done' ? iso(due + rng.int(-3, 2) * DAY) : null;
        const side = k < 4 ? 'seller' : 'customer';
        commitments.push([
          id(rng, start), workspaceId, 'plan', planId, planId, k, side, side === 'seller' ? d.owner_id : null, side === 'customer' ? 'Carla Customer' : null, `Step ${k + 1}`,
          dueDate, dueDate, k === 0 ? 1 : 0, 0, status, doneAt, 1, iso(start), iso(doneAt ? Date.parse(doneAt) : start),
        ]);
        counts.commitments += 1;
      }
    }
    await flush();
  }
  await flush(true);
  return counts;
}

/** The same weekly aggregates as the team page, in one hand-written statement (SQLite). */
function handWritten(db: Db, p: { workspaceId: string; teamId: string; managerId: string; bounds: string[]; firstDay: string; lastDay: string; now: string }) {
  const weekOf = (column: string) => sql.raw(`case ${p.bounds.slice(1).map((b, i) => `when ${column} < '${b}' then ${i}`).join(' ')} end`);
  const from = p.bounds[0];
  const to = p.bounds[p.bounds.length - 1];
  return sql`
    with reps as (select id from users where workspace_id = ${p.workspaceId} and team_id = ${p.teamId} and status = 'active' and id <> ${p.managerId}),
    i as (
      select owner_id as who, ${weekOf('sort_at')} as week, 'i' as what,
             sum(sort_at <= ${p.now}) as a, sum(sort_at <= ${p.now} and julianday(created_at) <= julianday(sort_at) + 5.0 / 1440) as b,
             sum(result is not null) as c, sum(result = 'advanced') as d
        from interactions
       where workspace_id = ${p.workspaceId} and owner_id in (select id from reps) and sort_at >= ${from} and sort_at < ${to} and cancelled_at is null
       group by 1, 2),
    o as (
      select owner_id as who, ${weekOf('closed_at')} as week, 'o' as what,
             sum(status = 'won') as a, sum(status = 'lost') as b, sum(status = 'walked_away') as c, 0 as d
        from opportunities
       where workspace_id = ${p.workspaceId} and owner_id in (select id from reps) and closed_at >= ${from} and closed_at < ${to}
         and status in ('won', 'lost', 'walked_away') and archived_at is null
       group by 1, 2),
    s as (
      select owner_user_id as who, date(due_date, 'weekday 0', '-6 days') as week, 's' as what,
             sum(status = 'done' and substr(done_at, 1, 10) <= due_date) as a, count(*) as b, 0 as c, 0 as d
        from commitments
       where workspace_id = ${p.workspaceId} and owner_user_id in (select id from reps) and side = 'seller'
         and due_date between ${p.firstDay} and ${p.lastDay} and status <> 'dropped' and (status = 'done' or due_date < substr(${p.now}, 1, 10))
       group by 1, 2),
    c as (
      select deal.owner_id as who, date(c.due_date, 'weekday 0', '-6 days') as week, 'c' as what,
             sum(c.status = 'done' and substr(c.done_at, 1, 10) <= c.due_date) as a, count(*) as b, 0 as c, 0 as d
        from commitments c join plans p on p.id = c.plan_id join opportunities deal on deal.id = p.opportunity_id
       where c.workspace_id = ${p.workspaceId} and deal.owner_id in (select id from reps) and c.side = 'customer' and c.subject_kind = 'plan'
         and c.due_date between ${p.firstDay} and ${p.lastDay} and c.status <> 'dropped' and (c.status = 'done' or c.due_date < substr(${p.now}, 1, 10))
       group by 1, 2)
    select * from i union all select * from o union all select * from s union all select * from c`.execute(db);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function timed(runs: number, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

type Row = { scale: string; interactions: number; commitments: number; teamRows: number; appMs: number; sqlMs: number; ratio: number };

async function atScale(label: string, size: BenchSize, runs: number): Promise<Row> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'advance-bench-coaching-'));
  const file = path.join(dir, 'advance.sqlite');
  const db = connect({ kind: 'sqlite', file });
  try {
    await migrateToLatest(db);
    const w = sqliteWriter(file);
    const loadStart = performance.now();
    const ws = await bulkLoad(w, ['users', 'teams', 'stages', 'accounts', 'opportunities'], async () => generateWorkspace(w, size, await hashPassword(PASSWORD), PASSWORD));
    const deals = await db.selectFrom('opportunities').select(['id', 'account_id', 'owner_id', 'created_at', 'closed_at']).where('workspace_id', '=', ws.workspaceId).execute();
    const now = Date.now();
    const counts = await bulkLoad(w, ['interactions', 'plans', 'commitments'], () => addProcessData(w, ws.workspaceId, deals, seededRng(31), now));
    await w.close();
    console.log(`${label}: ${deals.length.toLocaleString('en')} deals, ${counts.interactions.toLocaleString('en')} interactions, ${counts.commitments.toLocaleString('en')} commitments loaded in ${((performance.now() - loadStart) / 1000).toFixed(0)} s`);

    const manager = await db
      .selectFrom('users')
      .innerJoin('teams', 'teams.manager_id', 'users.id')
      .select(['users.id', 'users.name', 'users.email', 'teams.id as team_id'])
      .where('users.email', '=', ws.signIn.email)
      .executeTakeFirstOrThrow();
    const actor: Actor = {
      id: manager.id,
      name: manager.name,
      email: manager.email,
      role: 'manager',
      workspaceId: ws.workspaceId,
      teamId: manager.team_id,
      ledTeamIds: [manager.team_id],
      timeZone: 'Europe/London',
      workspaceTimeZone: 'Europe/London',
      focusThresholds: { noAdvanceStreak: 3, noCommitmentDays: 30, noCommitmentInteractions: 3 },
      sessionId: 'bench',
    };
    const scope = new Scope(db, ws.workspaceId);
    const r = await resolvePeriod(scope, {});
    const page = await teamCoaching({ scope, actor, teamId: manager.team_id, query: {} });
    const p = { workspaceId: ws.workspaceId, teamId: manager.team_id, managerId: manager.id, bounds: r.bounds, firstDay: r.period.firstDay, lastDay: r.period.lastDay, now: new Date().toISOString() };
    const rows = (await handWritten(db, p)).rows.length;
    const appMs = await timed(runs, () => teamCoaching({ scope, actor, teamId: manager.team_id, query: {} }));
    const sqlMs = await timed(runs, () => handWritten(db, p));
    const teamInteractions = page.reps.reduce((n, rep) => n + rep.figures.plannedAhead.n, 0);
    if (process.env.BENCH_COACHING_PARTS) {
      const q = await import('../src/server/features/coaching/queries.js');
      const ids = page.reps.map((x) => x.rep.id);
      for (const [name, fn] of [
        ['interactions', () => q.interactionWeeks(scope, ids, r)],
        ['deals', () => q.dealWeeks(scope, ids, r)],
        ['seller commitments', () => q.judgedCommitments(scope, 'seller', ids, r)],
        ['customer commitments', () => q.judgedCommitments(scope, 'customer', ids, r)],
      ] as const) console.log(`  ${name}: ${(await timed(runs, fn)).toFixed(2)} ms`);
    }
    console.log(`  team ${page.team.name}: ${page.reps.length} reps, ${teamInteractions} interactions held in ${page.period.name}, ${rows} aggregate rows`);
    return { scale: label, interactions: counts.interactions, commitments: counts.commitments, teamRows: rows, appMs, sqlMs, ratio: appMs / sqlMs };
  } finally {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  // `npm run bench` runs this after bench/run.ts; BENCH_ONLY narrows both (this part is "coaching").
  const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, 'i') : null;
  if (only && !only.test('coaching team page')) return;
  if (process.env.DATABASE_URL) console.log('The coaching part measures SQLite only (its own throwaway file); DATABASE_URL is not used here.');
  const scale = Number(process.env.BENCH_SCALE ?? 1);
  const runs = Number(process.env.BENCH_COACHING_RUNS ?? 30);
  // interactions: 0 — addProcessData writes this benchmark's own (about ten per deal, with results).
  const base: BenchSize = { users: Math.max(20, Math.round(200 * scale)), accounts: Math.round(20_000 * scale), opportunities: Math.round(100_000 * scale), interactions: 0 };
  const results: Row[] = [await atScale('1×', base, runs)];
  if (process.env.BENCH_COACHING_GROW !== '0') {
    results.push(await atScale('10×', { ...base, accounts: base.accounts * 10, opportunities: base.opportunities * 10 }, runs));
  }
  console.log('\nTeam coaching page (one team, current quarter) vs one hand-written SQL query, SQLite, median of', runs, 'runs');
  console.table(results.map((x) => ({ data: x.scale, interactions: x.interactions, 'team page ms': x.appMs.toFixed(2), 'hand-written SQL ms': x.sqlMs.toFixed(2), 'page ÷ SQL (target ≤ 1.5)': x.ratio.toFixed(2) })));
  if (results.length === 2) console.log(`10× ÷ 1×: team page ${(results[1].appMs / results[0].appMs).toFixed(2)}, hand-written SQL ${(results[1].sqlMs / results[0].sqlMs).toFixed(2)}`);
  fs.mkdirSync(path.join('bench', 'results'), { recursive: true });
  fs.writeFileSync(path.join('bench', 'results', 'coaching.json'), JSON.stringify({ at: new Date().toISOString(), runs, results }, null, 2));
}

await main();
