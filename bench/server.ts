import Fastify from 'fastify';
import { buildApp } from '../src/server/app.js';
import { parseConfig } from '../src/server/core/config.js';
import { connect } from '../src/server/core/db/connect.js';

/**
 * The servers under test, in a child process of the benchmark (see README: autocannon must not
 * share an event loop with the server it measures). Both the real app and the bare Fastify app
 * live here, so they run under identical conditions; only one is loaded at a time.
 *
 * Reads BENCH_DATABASE_URL (PostgreSQL) or BENCH_DATA_DIR (SQLite), reports its ports over IPC,
 * and stops on the message 'stop'.
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
  await bare.listen({ port: 0, host: '127.0.0.1' });

  const portOf = (address: ReturnType<typeof app.server.address>) => (typeof address === 'object' && address ? address.port : 0);
  const ready: ServerReady = { appPort: portOf(app.server.address()), barePort: portOf(bare.server.address()) };
  process.send?.(ready);

  process.on('message', async (message) => {
    if (message !== 'stop') return;
    // No graceful drain: requests left from a timed-out measurement would hold app.close() open
    // until the keep-alive timeout.
    const closing = Promise.all([app.close(), bare.close()]);
    app.server.closeAllConnections();
    bare.server.closeAllConnections();
    await closing;
    await db.destroy();
    process.exit(0);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
