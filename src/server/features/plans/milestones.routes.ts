import { ArchiveBody, IdParams } from '../../../shared/common.js';
import { CreateMilestoneBody, Milestone, UpdateMilestoneBody } from '../../../shared/plans.js';
import { ctx, expectedVersion, type App } from '../../core/http.js';
import { createMilestone, findMilestone, setMilestoneArchived, updateMilestone } from './milestones.service.js';

const tags = ['plans'];

export function milestoneRoutes(app: App): void {
  app.post('/plans/:id/milestones', { config: { permission: { owns: 'plan' } }, schema: { tags, summary: 'Add a milestone at the end of the plan', params: IdParams, body: CreateMilestoneBody, response: { 201: Milestone } } }, async (req, reply) => {
    return reply.code(201).send(await createMilestone({ ...ctx(req), planId: req.params.id, input: req.body }));
  });

  app.get('/milestones/:id', { config: { permission: 'signedIn' }, schema: { tags, summary: 'Get a milestone', params: IdParams, response: { 200: Milestone } } }, async (req) => {
    const { scope, actor } = ctx(req);
    return findMilestone(scope, actor, req.params.id);
  });

  app.patch('/milestones/:id', { config: { permission: { owns: 'milestone' } }, schema: { tags, summary: 'Change a milestone (send its version)', params: IdParams, body: UpdateMilestoneBody, response: { 200: Milestone } } }, async (req) => {
    const { version, ...input } = req.body;
    return updateMilestone({ ...ctx(req), id: req.params.id, input, version: expectedVersion(req, version) });
  });

  app.post('/milestones/:id/archive', { config: { permission: { owns: 'milestone' } }, schema: { tags, summary: 'Archive a milestone (its commitments stay, without a milestone)', params: IdParams, body: ArchiveBody, response: { 200: Milestone } } }, async (req) =>
    setMilestoneArchived({ ...ctx(req), id: req.params.id, archived: true, version: expectedVersion(req, req.body?.version) }),
  );

  app.post('/milestones/:id/restore', { config: { permission: { owns: 'milestone' } }, schema: { tags, summary: 'Restore an archived milestone at the end of the plan', params: IdParams, body: ArchiveBody, response: { 200: Milestone } } }, async (req) =>
    setMilestoneArchived({ ...ctx(req), id: req.params.id, archived: false, version: expectedVersion(req, req.body?.version) }),
  );
}
