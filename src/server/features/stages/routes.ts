import { AuditEventList, HistoryQuery } from '../../../shared/audit.js';
import { IdParams } from '../../../shared/common.js';
import { CreateStageBody, Stage, StageList, UpdateStageBody } from '../../../shared/stages.js';
import { ctx, expectedVersion, type App } from '../../core/http.js';
import { listHistory } from '../audit/queries.js';
import { createStage, findStage, listStages, updateStage } from './service.js';

const tags = ['stages'];

export function stageRoutes(app: App): void {
  app.get('/stages', { config: { permission: 'signedIn' }, schema: { tags, summary: 'List opportunity stages in pipeline order, archived ones included', response: { 200: StageList } } }, async (req) => listStages(ctx(req).scope));

  app.post('/stages', { config: { permission: { role: 'admin' } }, schema: { tags, summary: 'Add a stage at the end of the pipeline (admins)', body: CreateStageBody, response: { 201: Stage } } }, async (req, reply) =>
    reply.code(201).send(await createStage({ ...ctx(req), input: req.body })),
  );

  app.patch(
    '/stages/:id',
    { config: { permission: { role: 'admin' } }, schema: { tags, summary: 'Rename, move, archive or restore a stage (admins; send the version)', params: IdParams, body: UpdateStageBody, response: { 200: Stage } } },
    async (req) => {
      const { version, ...input } = req.body;
      return updateStage({ ...ctx(req), id: req.params.id, input, version: expectedVersion(req, version) });
    },
  );

  app.get('/stages/:id/history', { config: { permission: 'signedIn' }, schema: { tags, summary: 'Who changed the stage, when, before and after', params: IdParams, querystring: HistoryQuery, response: { 200: AuditEventList } } }, async (req) => {
    const { scope } = ctx(req);
    await findStage(scope, req.params.id);
    return listHistory(scope, req.params.id, req.query);
  });
}
