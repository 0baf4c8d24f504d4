import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../src/server/app.js';
import { parseConfig } from '../src/server/core/config.js';
import { connect } from '../src/server/core/db/connect.js';
import { compactSearchIndexes } from '../src/server/core/db/search-compaction.js';

/**
 * The servers under test, in a child process of the benchmark (see README: autocannon must not
 * share an event loop with the server it measures). Both the real app and the bare Fastify app
 * live here, so they run under identical conditions; only one is loaded at a time.
 *
 * Reads BENCH_DATABASE_URL (PostgreSQL) or BENCH_DATA_DIR (SQLite), reports its ports over IPC,
 * and stops on the message 'stop'. Around each measured run it answers `{ observe: 'start' }` and
 * `{ observe: 'stop', name }` with the CPU time this process spent in between (user + system: unlike
 * throughput, it hardly changes when other programs compete for the cores). With BENCH_CPU_PROF=<dir>
 * it also runs V8's CPU profiler (the one behind `node --cpu-prof`) over that window and writes
 * `<dir>/<name>.cpuprofile`, so each endpoint gets a profile of its own.
 */

export type ServerReady = { appPort: number; barePort: number };

async function main(): Promise<void> {
  const config = parseConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    DATABASE_URL: process.env.BENCH_DATABASE_URL,
    DATA_DIR: process.env.BENCH_DATA_DIR,
  });
  const db = connect(config.database);
  const app = await buildApp({ config, db, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });

  const bare = Fastify({ logger: false });
  bare.get('/bare', async () => ({ id: '01900000-0000-7000-8000-000000000000', name: 'Bare Fastify', ok: true }));
  // The floor of any read: one row by primary key through Kysely, no session, hooks or presenter.
  const rowDb = connect(config.database);
  let someone: Promise<string | undefined> | undefined;
  bare.get('/bare-row', async () => {
    someone ??= rowDb.selectFrom('users').select('id').limit(1).executeTakeFirst().then((r) => r?.id);
    const id = (await someone) ?? '';
    return rowDb.selectFrom('users').select(['id', 'name', 'email', 'role', 'time_zone']).where('id', '=', id).executeTakeFirst();
  });
  await bare.listen({ port: 0, host: '127.0.0.1' });

  const portOf = (address: ReturnType<typeof app.server.address>) => (typeof address === 'object' && address ? address.port : 0);
  const ready: ServerReady = { appPort: portOf(app.server.address()), barePort: portOf(bare.server.address()) };
  process.send?.(ready);

  const profiler = profilerFor(process.env.BENCH_CPU_PROF);
  let cpuAtStart = process.cpuUsage();
  process.on('message', async (message) => {
    if (typeof message === 'object' && message && 'synchronous' in message) {
      // SQLite only: the tick measured again without the commit's fsync, to see what the write path
      // costs besides it (then back to FULL, the app's setting).
      const level = (message as { synchronous: string }).synchronous === 'NORMAL' ? 'NORMAL' : 'FULL';
      await sql.raw(`pragma synchronous = ${level}`).execute(db);
      process.send?.({ synchronous: level });
      return;
    }
    if (typeof message === 'object' && message && 'compact' in message) {
      // What the app's compaction loop (main.ts) does within minutes of a bulk load, done now so
      // search is measured as a running server would serve it.
      const t = performance.now();
      const steps = await compactSearchIndexes(db, { maxSteps: Number.MAX_SAFE_INTEGER });
      process.send?.({ compacted: steps, ms: performance.now() - t });
      return;
    }
    if (typeof message === 'object' && message && 'observe' in message) {
      const m = message as ObserveMessage;
      if (m.observe === 'start') {
        await profiler(m);
        cpuAtStart = process.cpuUsage();
        process.send?.({ observed: 0 });
      } else {
        const cpu = process.cpuUsage(cpuAtStart);
        await profiler(m);
        process.send?.({ observed: cpu.user + cpu.system });
      }
      return;
    }
    if (message !== 'stop') return;
    // No graceful drain: requests left from a timed-out measurement would hold app.close() open
    // until the keep-alive timeout.
    const closing = Promise.all([app.close(), bare.close()]);
    app.server.closeAllConnections();
    bare.server.closeAllConnections();
    await closing;
    await db.destroy();
    await rowDb.destroy();
    process.exit(0);
  });
}

/** Sent around a measured run; answered with `{ observed: <CPU microseconds since start> }`. */
export type ObserveMessage = { observe: 'start' } | { observe: 'stop'; name: string };

function profilerFor(dir: string | undefined): (message: ObserveMessage) => Promise<void> {
  if (!dir) return async () => {};
  fs.mkdirSync(dir, { recursive: true });
  const session = new Session();
  session.connect();
  return async (message) => {
    if (message.observe === 'start') {
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
      return;
    }
    const { profile } = await session.post('Profiler.stop');
    await session.post('Profiler.disable');
    fs.writeFileSync(path.join(dir, `${message.name}.cpuprofile`), JSON.stringify(profile));
  };
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
