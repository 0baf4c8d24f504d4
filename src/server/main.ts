import fs from 'node:fs';
import path from 'node:path';
import { buildApp } from './app.js';
import { ConfigError, parseConfig } from './core/config.js';
import { connect } from './core/db/connect.js';
import { migrateToLatest } from './core/db/migrate.js';
import { searchCompaction } from './core/db/search-compaction.js';
import type { Lifecycle } from './core/ops.js';
import { createMailWorker } from './features/mail/worker.js';
import { smtpTransport } from './features/mail/transport.js';
import { createWebhookWorker } from './features/webhooks/worker.js';

async function main(): Promise<void> {
  let config;
  try {
    config = parseConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  let onIdleError = (err: Error) => console.error(`a database connection closed while idle (${err.message}); the next query opens a new one`);
  const db = connect(config.database, { onIdleError: (err) => onIdleError(err) });
  const applied = await migrateToLatest(db);

  const webRoot = path.resolve('dist/web');
  const serveWeb = config.env === 'production' || fs.existsSync(path.join(webRoot, 'index.html'));
  const lifecycle: Lifecycle = { shuttingDown: false };
  const app = await buildApp({ config, db, lifecycle, webRoot: serveWeb ? webRoot : null });
  onIdleError = (err) => app.log.warn({ err }, 'a database connection closed while idle; the next query opens a new one');
  if (applied.length) app.log.info({ applied }, 'migrations applied');
  // Sends the outbox (with SMTP_URL) and queues the reminders that are due, in every instance.
  const mailWorker = createMailWorker({ db, config, transport: smtpTransport(config.mail), log: app.log });
  mailWorker.start();
  // Delivers signed webhooks from their outbox, in every instance (leases keep each delivery to one).
  const webhookWorker = createWebhookWorker({ db, config, log: app.log });
  webhookWorker.start();
  // Keeps SQLite's full-text indexes in one piece (core/db/search-compaction.ts); nothing on PostgreSQL.
  const compaction = searchCompaction(db, app.log);
  compaction.start();
  if (config.webhooks.allowPrivate) app.log.warn('WEBHOOKS_ALLOW_PRIVATE is on: webhooks may go to http:// and private addresses (development only)');
  if (!config.mail.smtpUrl) app.log.info('SMTP_URL is not set: mail stays in the outbox (admins read it under Settings → Email)');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    lifecycle.shuttingDown = true; // /readyz answers 503 from now on
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const timer = setTimeout(() => {
      app.log.error('in-flight requests did not finish in time; exiting');
      process.exit(1);
    }, config.shutdownDelayMs + config.shutdownGraceMs);
    timer.unref();
    // Give the load balancer a moment to see /readyz fail before we stop accepting connections.
    await new Promise((r) => setTimeout(r, config.shutdownDelayMs));
    await app.close(); // stops accepting, waits for in-flight requests
    await mailWorker.stop(); // lets the mail in hand finish; a claimed one is retried by another instance
    await webhookWorker.stop();
    await compaction.stop();
    await db.destroy();
    app.log.info('database closed; bye');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  const where = config.database.kind === 'sqlite' ? config.database.file : 'PostgreSQL';
  app.log.info({ startupMs: Math.round(performance.now()) }, `Advance is ready at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (database: ${where})`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
