import { qualificationApi } from '../../../shared/routes/qualification.js';
import { route } from '../../core/route.js';
import { ctx, expectedVersion, type App } from '../../core/http.js';
import { createCriterion, listCriteria, updateCriterion } from './criteria.service.js';
import { getStageGate, updateStageGate } from './gate.js';
import { getQualification, updateQualification } from './service.js';

export function qualificationRoutes(app: App): void {
  route(app, qualificationApi.listSweetSpotCriteria, { permission: 'signedIn' }, async (req) => listCriteria(ctx(req).scope));

  route(app, qualificationApi.createSweetSpotCriterion, { permission: { role: 'admin' } }, async (req, reply) =>
    reply.code(201).send(await createCriterion({ ...ctx(req), input: req.body })),
  );

  route(app, qualificationApi.updateSweetSpotCriterion, { permission: { role: 'admin' } }, async (req) => {
    const { version, ...input } = req.body;
    return updateCriterion({ ...ctx(req), id: req.params.id, input, version: expectedVersion(req, version) });
  });

  route(app, qualificationApi.getStageGate, { permission: 'signedIn' }, async (req) => getStageGate(ctx(req).scope));

  route(app, qualificationApi.updateStageGate, { permission: { role: 'admin' } }, async (req) =>
    updateStageGate({ ...ctx(req), stageId: req.body.stageId, version: expectedVersion(req, req.body.version) }),
  );

  route(app, qualificationApi.getOpportunityQualification, { permission: 'signedIn' }, async (req) => {
    const { scope, actor } = ctx(req);
    return getQualification(scope, actor, req.params.id);
  });

  route(app, qualificationApi.updateOpportunityQualification, { permission: { owns: 'opportunity' } }, async (req) => {
    const { version, ...input } = req.body;
    return updateQualification({ ...ctx(req), id: req.params.id, input, version: expectedVersion(req, version) });
  });
}
