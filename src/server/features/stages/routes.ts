import { stagesApi } from '../../../shared/routes/stages.js';
import { route } from '../../core/route.js';
import { ctx, expectedVersion, type App } from '../../core/http.js';
import { listHistory } from '../audit/queries.js';
import { createStage, findStage, listStages, updateStage } from './service.js';

export function stageRoutes(app: App): void {
  route(app, stagesApi.listStages, { permission: 'signedIn' }, async (req) => listStages(ctx(req).scope));

  route(app, stagesApi.createStage, { permission: { role: 'admin' } }, async (req, reply) =>
    reply.code(201).send(await createStage({ ...ctx(req), input: req.body })),
  );

  route(app, stagesApi.updateStage, { permission: { role: 'admin' } }, async (req) => {
    const { version, ...input } = req.body;
    return updateStage({ ...ctx(req), id: req.params.id, input, version: expectedVersion(req, version) });
  });

  route(app, stagesApi.listStageHistory, { permission: 'signedIn' }, async (req) => {
    const { scope } = ctx(req);
    await findStage(scope, req.params.id);
    return listHistory(scope, req.params.id, req.query);
  });
}
