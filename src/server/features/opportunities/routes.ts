import { opportunitiesApi } from '../../../shared/routes/opportunities.js';
import { route } from '../../core/route.js';
import { notFound } from '../../core/errors.js';
import { ctx, expectedVersion, type App } from '../../core/http.js';
import { listHistory } from '../audit/queries.js';
import { findOpportunity, listOpportunities } from './queries.js';
import { createOpportunity, setOpportunityArchived, updateOpportunity } from './service.js';

export function opportunityRoutes(app: App): void {
  route(app, opportunitiesApi.listOpportunities, { permission: 'signedIn' }, async (req) => {
    const { scope, actor } = ctx(req);
    return listOpportunities(scope, actor, req.query);
  });

  route(app, opportunitiesApi.createOpportunity, { permission: 'signedIn' }, async (req, reply) => {
    return reply.code(201).send(await createOpportunity({ ...ctx(req), input: req.body }));
  });

  route(app, opportunitiesApi.getOpportunity, { permission: 'signedIn' }, async (req) => {
    const { scope, actor } = ctx(req);
    return (await findOpportunity(scope, actor, req.params.id)) ?? Promise.reject(notFound('Opportunity'));
  });

  route(app, opportunitiesApi.updateOpportunity, { permission: { owns: 'opportunity' } }, async (req) => {
    const { version, ...input } = req.body;
    return updateOpportunity({ ...ctx(req), id: req.params.id, input, version: expectedVersion(req, version) });
  });

  route(app, opportunitiesApi.archiveOpportunity, { permission: { owns: 'opportunity' } }, async (req) =>
    setOpportunityArchived({ ...ctx(req), id: req.params.id, archived: true, version: expectedVersion(req, req.body?.version) }),
  );

  route(app, opportunitiesApi.restoreOpportunity, { permission: { owns: 'opportunity' } }, async (req) =>
    setOpportunityArchived({ ...ctx(req), id: req.params.id, archived: false, version: expectedVersion(req, req.body?.version) }),
  );

  route(app, opportunitiesApi.listOpportunityHistory, { permission: 'signedIn' }, async (req) => {
    const { scope } = ctx(req);
    const exists = await scope.selectFrom('opportunities').select('id').where('opportunities.id', '=', req.params.id).executeTakeFirst();
    if (!exists) throw notFound('Opportunity');
    return listHistory(scope, req.params.id, req.query);
  });
}
