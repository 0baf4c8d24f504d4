import { objectivesApi } from '../../../shared/routes/objectives.js';
import { route } from '../../core/route.js';
import { notFound } from '../../core/errors.js';
import { ctx, expectedVersion, type App } from '../../core/http.js';
import { findObjective, listAccountObjectives, objectiveHistory } from './queries.js';
import { addContributor, addInsight, addTask, createObjective, removeContributor, updateObjective } from './service.js';

export function objectiveRoutes(app: App): void {
  route(app, objectivesApi.listAccountObjectives, { permission: 'signedIn' }, async (req) => {
    const { scope, actor } = ctx(req);
    return listAccountObjectives(scope, actor, req.params.id);
  });

  route(app, objectivesApi.createObjective, { permission: { owns: 'account' } }, async (req, reply) => {
    return reply.code(201).send(await createObjective({ ...ctx(req), accountId: req.params.id, input: req.body }));
  });

  route(app, objectivesApi.getObjective, { permission: 'signedIn' }, async (req) => {
    const { scope, actor } = ctx(req);
    return findObjective(scope, actor, req.params.id);
  });

  route(app, objectivesApi.updateObjective, { permission: { owns: 'objective' } }, async (req) => {
    const { version, ...input } = req.body;
    return updateObjective({ ...ctx(req), id: req.params.id, input, version: expectedVersion(req, version) });
  });

  route(app, objectivesApi.listObjectiveHistory, { permission: 'signedIn' }, async (req) => {
    const { scope } = ctx(req);
    const exists = await scope.selectFrom('account_objectives').select('id').where('account_objectives.id', '=', req.params.id).executeTakeFirst();
    if (!exists) throw notFound('Objective');
    return objectiveHistory(scope, req.params.id, req.query);
  });

  route(app, objectivesApi.addObjectiveContributor, { permission: { owns: 'objective' } }, async (req) =>
    addContributor({ ...ctx(req), id: req.params.id, input: req.body }),
  );

  route(app, objectivesApi.removeObjectiveContributor, { permission: { owns: 'objective' } }, async (req, reply) => {
    await removeContributor({ ...ctx(req), id: req.params.id, userId: req.params.userId });
    return reply.code(204).send(null);
  });

  route(app, objectivesApi.createObjectiveInsight, { permission: { owns: 'objective-contribution' } }, async (req, reply) => {
    return reply.code(201).send(await addInsight({ ...ctx(req), id: req.params.id, input: req.body }));
  });

  route(app, objectivesApi.createObjectiveTask, { permission: { owns: 'objective-contribution' } }, async (req, reply) => {
    return reply.code(201).send(await addTask({ ...ctx(req), id: req.params.id, input: req.body }));
  });
}
