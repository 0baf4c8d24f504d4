import { interactionsApi } from '../../../shared/routes/interactions.js';
import { notFound } from '../../core/errors.js';
import { ctx, expectedVersion, type App } from '../../core/http.js';
import { route } from '../../core/route.js';
import { listHistory } from '../audit/queries.js';
import { advanceRate, findInteraction, listInteractions } from './queries.js';
import { recordResult } from './result.js';
import { cancelInteraction, createInteraction, updateInteraction } from './service.js';

export function interactionRoutes(app: App): void {
  route(app, interactionsApi.listInteractions, { permission: 'signedIn' }, async (req) => {
    const { scope, actor } = ctx(req);
    return listInteractions(scope, actor, req.query);
  });

  // Anyone in the workspace plans their own interactions, as they create their own deals.
  route(app, interactionsApi.createInteraction, { permission: 'signedIn' }, async (req, reply) => {
    return reply.code(201).send(await createInteraction({ ...ctx(req), input: req.body }));
  });

  route(app, interactionsApi.getAdvanceRate, { permission: 'signedIn' }, async (req) => advanceRate(ctx(req).scope, req.query));

  route(app, interactionsApi.getInteraction, { permission: 'signedIn' }, async (req) => {
    const { scope, actor } = ctx(req);
    return findInteraction(scope, actor, req.params.id);
  });

  route(app, interactionsApi.updateInteraction, { permission: { owns: 'interaction' } }, async (req) => {
    const { version, ...input } = req.body;
    return updateInteraction({ ...ctx(req), id: req.params.id, input, version: expectedVersion(req, version) });
  });

  route(app, interactionsApi.cancelInteraction, { permission: { owns: 'interaction' } }, async (req) =>
    cancelInteraction({ ...ctx(req), id: req.params.id, version: expectedVersion(req, req.body?.version) }),
  );

  route(app, interactionsApi.recordInteractionResult, { permission: { owns: 'interaction' } }, async (req) => {
    const { version, ...input } = req.body;
    return recordResult({ ...ctx(req), id: req.params.id, input, version: expectedVersion(req, version) });
  });

  route(app, interactionsApi.listInteractionHistory, { permission: 'signedIn' }, async (req) => {
    const { scope } = ctx(req);
    const exists = await scope.selectFrom('interactions').select('id').where('interactions.id', '=', req.params.id).executeTakeFirst();
    if (!exists) throw notFound('Interaction');
    return listHistory(scope, req.params.id, req.query);
  });
}
