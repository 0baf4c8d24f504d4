import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { hashPassword } from '../src/server/core/auth/passwords.js';
import { connect } from '../src/server/core/db/connect.js';
import { migrateToLatest } from '../src/server/core/db/migrate.js';
import { addAccountsAndOpportunities, generateWorkspace, type BenchSize } from './generate.js';
import { measure, type Figures, type MeasureOptions, type Observer, type Target } from './measure.js';
import { apiClient, createBenchPlan, measureTicks, measureTicksAtRate } from './plans.js';
import { compare, growthRatios, measurementTable, printResults, withBare, writeResults, type Comparison, type Results } from './report.js';
import type { ObserveMessage, ServerReady } from './server.js';
import { benchImport, printImportBench } from './import.js';
import { bulkLoad, postgresWriter, sqliteWriter, type Writer } from './writers.js';
import { LOADED_TABLES, PASSWORD, signIn } from './session.js';

/** `npm run bench`: see bench/README.md for what it measures and how to read it. */

const here = path.dirname(fileURLToPath(import.meta.url));
const BARE = 'bare Fastify JSON route';
const BARE_ROW = 'bare Fastify + one Kysely row read';
const TICK = 'PATCH /commitments/:id (tick, a write)';
const TICK_NO_FSYNC = 'PATCH /commitments/:id (tick, synchronous=NORMAL: no fsync)';
/** The tick's target load (issue 9): writes a second offered, at p99 ≤ 40 ms. */
const TICK_RATE = 800;
const FOCUS_MINE = 'GET /focus?scope=mine (a rep)';
const FOCUS_TEAM = 'GET /focus?scope=team (a manager)';
const FLAGGED = 'GET /opportunities?flag=any (list with flags)';
const FLAGGED_CUSTOMER = 'GET /opportunities?flag=customer_unreliable (one flag)';
const INTERACTIONS_LIST = 'GET /interactions (a rep)';
const LIST = 'GET /opportunities (list)';
const IMPORT = 'CSV import of opportunity rows';

function settings() {
  const num = (name: string, fallback: number) => {
    const raw = process.env[name];
    const n = raw === undefined || raw === '' ? fallback : Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number (got "${raw}")`);
    return n;
  };
  const scale = num('BENCH_SCALE', 1);
  const size: BenchSize = {
    users: Math.max(3, Math.round(num('BENCH_USERS', 200) * scale)),
    accounts: Math.max(10, Math.round(num('BENCH_ACCOUNTS', 20_000) * scale)),
    opportunities: Math.max(10, Math.round(num('BENCH_OPPORTUNITIES', 100_000) * scale)),
    interactions: Math.max(10, Math.round(num('BENCH_INTERACTIONS', 1_000_000) * scale)),
  };
  const duration = num('BENCH_DURATION', 10);
  // BENCH_TURNS: how many back-to-back turns measure the list with flags against the plain list (0: none).
  const turns = process.env.BENCH_TURNS === '0' ? 0 : Math.round(num('BENCH_TURNS', 5));
  const measureOptions: MeasureOptions = { connections: Math.round(num('BENCH_CONNECTIONS', 50)), duration, warmup: Math.min(3, Math.max(1, Math.round(duration / 5))) };
  const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, 'i') : null;
  const profileDir = process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : undefined;
  return { size, measureOptions, databaseUrl: process.env.DATABASE_URL, only, profileDir, turns };
}

/** A file name for an endpoint's profile: `GET /plans/:id (plan page…)` → `get-plans-id-plan-page…`. */
const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** Asks the server for its CPU time (and, with BENCH_CPU_PROF, a profile) around one measured run. */
function observing(child: ChildProcess): (name: string) => Observer {
  const ask = (message: ObserveMessage) =>
    new Promise<number>((resolve) => {
      const answered = (m: unknown) => {
        if (typeof m === 'object' && m && 'observed' in m) {
          child.off('message', answered);
          resolve((m as { observed: number }).observed);
        }
      };
      child.on('message', answered);
      child.send(message);
    });
  return (name) => ({
    start: async () => void (await ask({ observe: 'start' })),
    stop: () => ask({ observe: 'stop', name: slug(name) }),
  });
}

/** SQLite's synchronous setting in the server process (the bench's tick without the fsync). */
function setSynchronous(child: ChildProcess, level: 'NORMAL' | 'FULL'): Promise<void> {
  return new Promise((resolve) => {
    const answered = (m: unknown) => {
      if (typeof m === 'object' && m && 'synchronous' in m) {
        child.off('message', answered);
        resolve();
      }
    };
    child.on('message', answered);
    child.send({ synchronous: level });
  });
}

/** The server compacts SQLite's search indexes, as the app does in the minutes after a bulk load. */
function compactSearch(child: ChildProcess, log: (line: string) => void): Promise<void> {
  return new Promise((resolve) => {
    const answered = (m: unknown) => {
      if (typeof m === 'object' && m && 'compacted' in m) {
        child.off('message', answered);
        const { compacted, ms } = m as { compacted: number; ms: number };
        if (compacted > 0) log(`  search indexes compacted in ${compacted} steps (${(ms / 1000).toFixed(1)} s)`);
        resolve();
      }
    };
    child.on('message', answered);
    child.send({ compact: true });
  });
}

type Database = { kind: 'sqlite' | 'postgres'; serverEnv: Record<string, string>; migrateWith: Parameters<typeof connect>[0]; writer: () => Promise<Writer>; cleanup: () => Promise<void> };

/** A throwaway database: a temp SQLite file, or a new PostgreSQL database beside DATABASE_URL's. */
async function createDatabase(databaseUrl: string | undefined): Promise<Database> {
  if (!databaseUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'advance-bench-'));
    const file = path.join(dir, 'advance.sqlite'); // where the app looks with DATA_DIR=dir
    return {
      kind: 'sqlite',
      serverEnv: { BENCH_DATA_DIR: dir },
      migrateWith: { kind: 'sqlite', file },
      writer: async () => sqliteWriter(file),
      cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  // A database of its own (not a schema): the app then connects exactly as in production.
  const name = `advance_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return {
    kind: 'postgres',
    serverEnv: { BENCH_DATABASE_URL: url.toString() },
    migrateWith: { kind: 'postgres', url: url.toString() },
    writer: () => postgresWriter(url.toString()),
    cleanup: async () => {
      const c = new pg.Client({ connectionString: databaseUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Forks bench/server.ts (it inherits tsx through process.execArgv) and waits for its ports. */
function startServers(env: Record<string, string>): Promise<{ child: ChildProcess; ready: ServerReady }> {
  const child = fork(path.join(here, 'server.ts'), [], { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (ready) => resolve({ child, ready: ready as ServerReady }));
    child.once('exit', (code) => reject(new Error(`the server process exited early (code ${code})`)));
  });
}

/**
 * One GET of a target. After a long pause (growing the data at scale 1 takes minutes) a keep-alive
 * connection the server has since closed can fail the first write (EPIPE): try again once.
 */
async function probeOnce(target: Target): Promise<Response> {
  const get = () => fetch(`http://127.0.0.1:${target.port}${target.path}`, { headers: target.cookie ? { cookie: target.cookie } : {} });
  try {
    return await get();
  } catch {
    return get();
  }
}

const byName = (figures: Figures[], name: string) => figures.find((f) => f.name === name);
const median = (xs: number[]) => {
  const sorted = [...xs].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * `a ÷ b` measured in turns — b then a, a then b, b then a… `rounds` times — and the median of each
 * turn's ratio (p50 and CPU). On a shared VM the speed of the machine drifts by ±15 % over minutes;
 * the main table measures a and b minutes apart, so their ratio carries that drift, while a pair
 * measured back to back shares it. The order alternates so that a drift within a turn (the machine
 * slowing while a pair runs) does not always count against the same side.
 */
async function inTurns(name: string, a: Target, b: Target, rounds: number, opts: MeasureOptions, observe: (name: string) => Observer, target: number): Promise<Comparison[]> {
  const turns: { p50: number; cpu: number | null }[] = [];
  for (let i = 0; i < rounds; i++) {
    const one = (t: Target) => measure(t, opts, observe(`${name} turn ${i + 1} ${t.name}`));
    let fa: Figures;
    let fb: Figures;
    if (i % 2 === 0) {
      fb = await one(b);
      fa = await one(a);
    } else {
      fa = await one(a);
      fb = await one(b);
    }
    const [c] = compare(name, fa, fb, target);
    turns.push({ p50: c.p50, cpu: c.cpu });
  }
  const cpus = turns.map((t) => t.cpu).filter((c): c is number => c !== null);
  log(`  ${name}: ${turns.map((t) => `${t.p50.toFixed(2)} (CPU ${t.cpu?.toFixed(2) ?? '—'})`).join(', ')}`);
  return [{ name: `${name}, median of ${rounds} turns`, p50: median(turns.map((t) => t.p50)), cpu: cpus.length === turns.length ? median(cpus) : null, target }];
}
const log = (message: string) => process.stderr.write(`${message}\n`);
const since = (t: number) => (performance.now() - t) / 1000;

async function main(): Promise<void> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const { size, measureOptions, databaseUrl, only, profileDir, turns } = settings();
  // BENCH_ONLY=<regexp>: measure only the endpoints whose name matches (the bare route always).
  const wanted = (name: string) => !only || name === BARE || name === BARE_ROW || only.test(name);
  // The CSV import (issue 14): its own SQLite database, before the big one exists (bench/import.ts).
  if (!only || only.test(IMPORT)) printImportBench(await benchImport(Math.round(100_000 * Number(process.env.BENCH_SCALE ?? 1)), log), log);
  const database = await createDatabase(databaseUrl);
  let server: ChildProcess | undefined;
  let writer: Writer | undefined;
  try {
    log(`database: ${database.kind}; migrating…`);
    const db = connect(database.migrateWith);
    await migrateToLatest(db);
    await db.destroy();

    log(`generating ${size.users} users, ${size.accounts} accounts, ${size.opportunities} opportunities, about ${size.interactions} interactions…`);
    const passwordHash = await hashPassword(PASSWORD);
    let t = performance.now();
    writer = await database.writer();
    const w = writer;
    const ws = await bulkLoad(w, LOADED_TABLES, () => generateWorkspace(w, size, passwordHash, PASSWORD), log);
    const rows = size.users + size.accounts + size.opportunities + ws.interactions;
    const generation = { seconds: since(t), rows, rowsPerSecond: rows / since(t), interactions: ws.interactions };
    log(`  ${generation.seconds.toFixed(1)} s (${ws.interactions} interactions)`);

    const servers = await startServers({ ...database.serverEnv, ...(profileDir ? { BENCH_CPU_PROF: profileDir } : {}) });
    server = servers.child;
    const { appPort, barePort } = servers.ready;
    const observed = observing(servers.child);
    await compactSearch(servers.child, log);
    const cookie = await signIn(appPort, ws.signIn.email, ws.signIn.password);
    const repCookie = await signIn(appPort, ws.repSignIn.email, PASSWORD);
    const rep = ws.reps[0];
    const api = (name: string, p: string, rotate?: string[]): Target => ({ name, port: appPort, path: p, cookie, rotate });
    const detailPaths = ws.sampleOpportunityIds.map((id) => `/api/v1/opportunities/${id}`);
    const list = api(LIST, '/api/v1/opportunities');
    const filtered = api('GET /opportunities?ownerId&sort=-amount', `/api/v1/opportunities?ownerId=${rep}&sort=-amount`);
    // Search as people use it: the name of one company (a different one each request), a short
    // prefix matching a thirty-second of all accounts, and a list filtered by a word.
    const searchPaths = ws.sampleAccountNames.map((n) => `/api/v1/search?q=${encodeURIComponent(n)}`);
    const searches = [
      api('GET /search?q=<a company name>', searchPaths[0], searchPaths),
      api('GET /search?q=north (broad prefix)', '/api/v1/search?q=north'),
      api('GET /opportunities?q=kestrel (list)', '/api/v1/opportunities?q=kestrel'),
    ];
    // Focus on chased deals (issue 11): a rep's own deals, a manager's team, and the list filtered by flag.
    const focus = [
      { name: FOCUS_MINE, port: appPort, path: '/api/v1/focus?scope=mine', cookie: repCookie },
      api(FOCUS_TEAM, '/api/v1/focus?scope=team'),
      api(FLAGGED, '/api/v1/opportunities?flag=any'),
      api(FLAGGED_CUSTOMER, '/api/v1/opportunities?flag=customer_unreliable'),
      { name: INTERACTIONS_LIST, port: appPort, path: '/api/v1/interactions', cookie: repCookie },
    ];
    const client = apiClient(appPort, cookie);
    const plan = await createBenchPlan(client, rep, 50);
    const targets: Target[] = [
      { name: BARE, port: barePort, path: '/bare' },
      { name: BARE_ROW, port: barePort, path: '/bare-row' },
      api('GET /session (who am I)', '/api/v1/session'),
      list,
      api('GET /opportunities/:id (detail)', detailPaths[0], detailPaths),
      filtered,
      ...searches,
      api('GET /plans/:id (plan page, 50 commitments)', `/api/v1/plans/${plan.planId}`),
      ...focus,
    ];

    const skipped: Results['skipped'] = [];
    const run = async (ts: Target[], phase: string) => {
      const out: Figures[] = [];
      for (const target of ts.filter((t) => wanted(t.name))) {
        // A quick probe first: an endpoint that answers 404 or 500 would benchmark its error page.
        const probe = await probeOnce(target);
        if (probe.status !== 200) {
          // A route another branch adds may not be here yet: say so rather than benchmark an error page.
          const body = (await probe.text()).slice(0, 200);
          const code = /"code":"([a-z_]+)"/.exec(body)?.[1] ?? '';
          const reason =
            probe.status === 404 && code === 'not_found' ? 'the route is missing (404): not merged into this branch yet?'
            : probe.status === 400 ? `answered 400 ${code}: the query parameter is not known here yet (not merged?)`
            : `answered ${probe.status} ${code}`;
          log(`skipping ${target.name}: ${reason}`);
          skipped.push({ name: target.name, reason });
          continue;
        }
        await probe.arrayBuffer();
        log(`measuring ${target.name}…`);
        out.push(await measure(target, measureOptions, observed(`${phase} ${target.name}`)));
      }
      return out;
    };
    const first = await run(targets, '1x');
    if (wanted(TICK)) {
      log('measuring commitment ticks (writes)…');
      const writers = Math.min(measureOptions.connections, plan.commitments.length);
      first.push(await measureTicks(client, plan, writers, measureOptions.duration, measureOptions.warmup, observed(`1x ${TICK}`)));
      if (database.kind === 'sqlite') {
        // The same writes without the commit's fsync: what the write path costs besides it.
        log('measuring commitment ticks without the fsync (synchronous=NORMAL)…');
        await setSynchronous(servers.child, 'NORMAL');
        const noFsync = await measureTicks(client, plan, writers, measureOptions.duration, measureOptions.warmup, observed(`1x ${TICK_NO_FSYNC}`));
        await setSynchronous(servers.child, 'FULL');
        first.push({ ...noFsync, name: TICK_NO_FSYNC, path: '/api/v1/commitments/:id?synchronous=NORMAL' });
      }
      // The issue's target as a load a team puts on the server: 800 writes a second, and what a
      // person then waits for a tick (p99 ≤ 40 ms). The writers above measure the most the server
      // takes, where the wait is the queue they make.
      log(`measuring commitment ticks offered at ${TICK_RATE} writes/s…`);
      first.push(await measureTicksAtRate(client, plan, TICK_RATE, measureOptions.duration, measureOptions.warmup, observed(`1x tick at ${TICK_RATE} per second`)));
    }
    const bare = first.find((f) => f.path === '/bare');
    // The list with flags against the plain list, in turns (see inTurns), where both were measured.
    const flaggedTarget = focus.find((t) => t.name === FLAGGED) as Target;
    const flagsInTurns = async (phase: '1×' | '10×', figures: Figures[]): Promise<Comparison[]> => {
      if (turns === 0 || !byName(figures, FLAGGED) || !byName(figures, LIST)) return [];
      log(`measuring the list with flags and the plain list in ${turns} turns (${phase})…`);
      return inTurns(`list with flags ÷ plain list (${phase})`, flaggedTarget, list, turns, measureOptions, (name) => observed(`${phase} ${name}`), 1.2);
    };
    const turnsAt1 = await flagsInTurns('1×', first);

    // The figures so far, before the long growth step: a failure later does not lose them.
    log(`\n${measurementTable(withBare(first, bare))}\n`);

    // Grown again: the lists, the searches and Focus (what was skipped at 1× stays skipped).
    // BENCH_GROW=0: stop after the 1× figures (a quick look at one change).
    const grow = process.env.BENCH_GROW !== '0';
    const growing = [list, filtered, ...searches, ...focus].filter((target) => grow && wanted(target.name) && !skipped.some((s) => s.name === target.name));
    let growthSeconds = 0;
    let grown: Figures[] = [];
    if (growing.length > 0) {
      log(`growing to 10× accounts, opportunities and interactions…`);
      t = performance.now();
      await bulkLoad(w, LOADED_TABLES, () => addAccountsAndOpportunities(w, ws, size.accounts * 9, size.opportunities * 9, size.interactions * 9), log);
      growthSeconds = since(t);
      log(`  ${growthSeconds.toFixed(1)} s`);
      await compactSearch(server, log);
      grown = await run(growing, '10x');
    }
    const turnsAt10 = await flagsInTurns('10×', grown);

    const results: Results = {
      startedAt,
      durationSeconds: since(started),
      environment: { node: process.versions.node, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', database: database.kind },
      settings: { connections: measureOptions.connections, durationPerMeasurement: measureOptions.duration, warmup: measureOptions.warmup },
      size,
      generation,
      measurements: withBare(first, bare),
      growth:
        grown.length === 0
          ? null
          : {
              size: { accounts: size.accounts * 10, opportunities: size.opportunities * 10, interactions: ws.interactions },
              seconds: growthSeconds,
              measurements: withBare(grown, bare),
              ratios: growthRatios(first, grown),
            },
      comparisons: [
        ...compare('list with flags ÷ plain list (1×)', byName(first, FLAGGED), byName(first, LIST), 1.2),
        ...compare('list with one flag (customer_unreliable) ÷ plain list (1×)', byName(first, FLAGGED_CUSTOMER), byName(first, LIST), 1.2),
        ...turnsAt1,
        ...compare('list with flags ÷ plain list (10×)', byName(grown, FLAGGED), byName(grown, LIST), 1.2),
        ...turnsAt10,
        ...[FLAGGED, FLAGGED_CUSTOMER, FOCUS_MINE, FOCUS_TEAM, INTERACTIONS_LIST, LIST].flatMap((name) => compare(`${name}: 10× ÷ 1×`, byName(grown, name), byName(first, name), 1.2)),
      ],
      skipped,
    };
    printResults(results);
    writeResults(results, path.join(here, 'results', 'latest.json'));
    log(`figures written to bench/results/latest.json`);
  } finally {
    log('stopping the servers and removing the database…');
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server?.once('exit', r));
      server.send('stop');
      await exited;
    }
    await writer?.close();
    // BENCH_KEEP=1: leave the database for a closer look (its place is printed).
    if (process.env.BENCH_KEEP === '1') log(`kept the database: ${JSON.stringify(database.serverEnv)}`);
    else await database.cleanup();
    log(`done in ${since(started).toFixed(0)} s`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
