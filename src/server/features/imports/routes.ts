import { IMPORT_MAX_BYTES } from '../../../shared/imports.js';
import { importsApi as api } from '../../../shared/routes/imports.js';
import { notFound } from '../../core/errors.js';
import { ctx, expectedVersion, type App } from '../../core/http.js';
import { route } from '../../core/route.js';
import { findImport, listImports, listResults } from './queries.js';
import { createImport, dryRunImport, startImport, updateImport } from './service.js';
import { createImportWorker } from './worker.js';

/**
 * The upload carries the file inside JSON: its text can grow by escaping (every `"` and line end
 * becomes two characters), so the body may be up to twice the file limit; the service checks the
 * file's own size (50 MB).
 */
export const IMPORT_BODY_LIMIT = IMPORT_MAX_BYTES * 2 + 64 * 1024;

/** CSV import (admins), and the worker that runs imports in this instance. */
export function importRoutes(app: App): void {
  const worker = createImportWorker({ db: app.db, log: app.log });
  app.addHook('onReady', async () => worker.start());
  app.addHook('onClose', async () => worker.stop());

  const admin = { permission: { role: 'admin' } } as const;

  route(app, api.listImports, admin, async (req) => listImports(ctx(req).scope, req.query));

  route(app, api.createImport, { ...admin, bodyLimit: IMPORT_BODY_LIMIT }, async (req, reply) => reply.code(201).send(await createImport({ ...ctx(req), input: req.body })));

  route(app, api.getImport, admin, async (req) => (await findImport(ctx(req).scope, req.params.id)) ?? Promise.reject(notFound('Import')));

  route(app, api.updateImport, admin, async (req) => updateImport({ ...ctx(req), id: req.params.id, input: req.body, version: expectedVersion(req, req.body.version) }));

  route(app, api.dryRunImport, admin, async (req) => dryRunImport({ ...ctx(req), id: req.params.id }));

  route(app, api.startImport, admin, async (req, reply) => {
    const started = await startImport({ ...ctx(req), id: req.params.id, version: expectedVersion(req, req.body?.version) });
    worker.kick();
    return reply.code(202).send(started);
  });

  route(app, api.listImportResults, admin, async (req) => {
    const { scope } = ctx(req);
    if (!(await scope.selectFrom('imports').select('id').where('imports.id', '=', req.params.id).executeTakeFirst())) throw notFound('Import');
    return listResults(scope, req.params.id, req.query);
  });
}
