import { ping } from './db/connect.js';
import { migrationsApplied } from './db/migrate.js';
import type { App } from './http.js';

/** Shared between main.ts (which flips it on SIGTERM) and /readyz. */
export type Lifecycle = { shuttingDown: boolean };

export function registerOps(app: App, lifecycle: Lifecycle = { shuttingDown: false }): void {
  app.get('/healthz', { schema: { hide: true }, config: { permission: 'public' }, logLevel: 'warn' }, async () => ({ status: 'ok' }));

  let migrated = false;
  app.get('/readyz', { schema: { hide: true }, config: { permission: 'public' }, logLevel: 'warn' }, async (req, reply) => {
    const checks = { database: false, migrations: migrated, accepting: !lifecycle.shuttingDown };
    try {
      await ping(app.db);
      checks.database = true;
      if (!migrated) checks.migrations = migrated = await migrationsApplied(app.db);
    } catch (err) {
      req.log.warn({ err }, 'readiness check failed');
    }
    const ready = checks.database && checks.migrations && checks.accepting;
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', checks });
  });
}
