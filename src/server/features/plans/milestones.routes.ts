import { milestonesApi } from '../../../shared/routes/milestones.js';
import { route } from '../../core/route.js';
import { ctx, expectedVersion, type App } from '../../core/http.js';
import { createMilestone, findMilestone, setMilestoneArchived, updateMilestone } from './milestones.service.js';

export function milestoneRoutes(app: App): void {
  route(app, milestonesApi.createMilestone, { permission: { owns: 'plan' } }, async (req, reply) => {
    return reply.code(201).send(await createMilestone({ ...ctx(req), planId: req.params.id, input: req.body }));
  });

  route(app, milestonesApi.getMilestone, { permission: 'signedIn' }, async (req) => {
    const { scope, actor } = ctx(req);
    return findMilestone(scope, actor, req.params.id);
  });

  route(app, milestonesApi.updateMilestone, { permission: { owns: 'milestone' } }, async (req) => {
    const { version, ...input } = req.body;
    return updateMilestone({ ...ctx(req), id: req.params.id, input, version: expectedVersion(req, version) });
  });

  route(app, milestonesApi.archiveMilestone, { permission: { owns: 'milestone' } }, async (req) =>
    setMilestoneArchived({ ...ctx(req), id: req.params.id, archived: true, version: expectedVersion(req, req.body?.version) }),
  );

  route(app, milestonesApi.restoreMilestone, { permission: { owns: 'milestone' } }, async (req) =>
    setMilestoneArchived({ ...ctx(req), id: req.params.id, archived: false, version: expectedVersion(req, req.body?.version) }),
  );
}
