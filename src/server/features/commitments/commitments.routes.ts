import { commitmentsApi } from '../../../shared/routes/commitments.js';
import { route } from '../../core/route.js';
import { ctx, expectedVersion, type App } from '../../core/http.js';
import { createCommitment, getCommitment, updateCommitment } from './commitments.service.js';

export function commitmentRoutes(app: App): void {
  route(app, commitmentsApi.createCommitment, { permission: { owns: 'plan' } }, async (req, reply) => {
    return reply.code(201).send(await createCommitment({ ...ctx(req), planId: req.params.id, input: req.body }));
  });

  route(app, commitmentsApi.getCommitment, { permission: 'signedIn' }, async (req) => {
    const { scope, actor } = ctx(req);
    return getCommitment(scope, actor, req.params.id);
  });

  route(app, commitmentsApi.updateCommitment, { permission: { owns: 'commitment' } }, async (req) => {
    const { version, ...input } = req.body;
    return updateCommitment({ ...ctx(req), id: req.params.id, input, version: expectedVersion(req, version) });
  });
}
