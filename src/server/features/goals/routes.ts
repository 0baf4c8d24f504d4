import { goalsApi } from '../../../shared/routes/goals.js';
import { ctx, expectedVersion, type App } from '../../core/http.js';
import { route } from '../../core/route.js';
import { listHistory, listPrivateHistory } from '../audit/queries.js';
import { canEditWhy } from './access.js';
import { findGoal, listGoals, readableGoal } from './goals.queries.js';
import { addNote, completeStep, createGoal, updateGoal } from './goals.service.js';
import { findLadder, ladderNotFound, listLadders, readableLadder } from './ladders.queries.js';
import { addRung, createLadder, endLadder, updateLadder } from './ladders.service.js';

/**
 * Why ladders and what goals. Reads are open to anyone signed in and decide in the query who sees
 * what — a why that is not yours to see answers exactly like one that does not exist. Writes name the
 * record: `why-ladder` lets its owner in (and answers 404 to anyone who cannot read it); `goal` lets
 * in whoever reads the goal, and the service says which parts each may change (403 with the reason).
 */
export function goalRoutes(app: App): void {
  route(app, goalsApi.listWhyLadders, { permission: 'signedIn' }, async (req) => {
    const { scope, actor } = ctx(req);
    return listLadders(scope, actor, req.query);
  });

  route(app, goalsApi.createWhyLadder, { permission: 'signedIn' }, async (req, reply) => reply.code(201).send(await createLadder({ ...ctx(req), input: req.body })));

  route(app, goalsApi.getWhyLadder, { permission: 'signedIn' }, async (req) => {
    const { scope, actor } = ctx(req);
    return findLadder(scope, actor, req.params.id);
  });

  route(app, goalsApi.updateWhyLadder, { permission: { owns: 'why-ladder' } }, async (req) => {
    const { version, ...input } = req.body;
    return updateLadder({ ...ctx(req), id: req.params.id, input, version: expectedVersion(req, version) });
  });

  route(app, goalsApi.addWhyRung, { permission: { owns: 'why-ladder' } }, async (req) =>
    addRung({ ...ctx(req), id: req.params.id, answer: req.body.answer, version: expectedVersion(req, req.body.version) }),
  );

  route(app, goalsApi.endWhyLadder, { permission: { owns: 'why-ladder' } }, async (req) => endLadder({ ...ctx(req), id: req.params.id, version: expectedVersion(req, req.body.version) }));

  route(app, goalsApi.listWhyLadderHistory, { permission: 'signedIn' }, async (req) => {
    const { scope, actor } = ctx(req);
    const ladder = await readableLadder(scope, actor, req.params.id);
    // The history is its owner's alone, even of a shared ladder.
    if (!canEditWhy(actor, ladder)) throw ladderNotFound();
    const rungs = await scope.selectFrom('why_rungs').select('id').where('why_rungs.ladder_id', '=', ladder.id).execute();
    return listPrivateHistory(scope, [ladder.id, ...rungs.map((r) => r.id)], req.query);
  });

  route(app, goalsApi.listGoals, { permission: 'signedIn' }, async (req) => {
    const { scope, actor } = ctx(req);
    return listGoals(scope, actor, req.query);
  });

  route(app, goalsApi.createGoal, { permission: 'signedIn' }, async (req, reply) => reply.code(201).send(await createGoal({ ...ctx(req), input: req.body })));

  route(app, goalsApi.getGoal, { permission: 'signedIn' }, async (req) => {
    const { scope, actor } = ctx(req);
    return findGoal(scope, actor, req.params.id);
  });

  route(app, goalsApi.updateGoal, { permission: { owns: 'goal' } }, async (req) => {
    const { version, ...input } = req.body;
    return updateGoal({ ...ctx(req), id: req.params.id, input, version: expectedVersion(req, version) });
  });

  route(app, goalsApi.completeGoalStep, { permission: { owns: 'goal' } }, async (req) => {
    const { version, ...input } = req.body;
    return completeStep({ ...ctx(req), id: req.params.id, input, version: expectedVersion(req, version) });
  });

  route(app, goalsApi.createGoalNote, { permission: { owns: 'goal' } }, async (req, reply) => reply.code(201).send(await addNote({ ...ctx(req), id: req.params.id, input: req.body })));

  route(app, goalsApi.listGoalHistory, { permission: 'signedIn' }, async (req) => {
    const { scope, actor } = ctx(req);
    const goal = await readableGoal(scope, actor, req.params.id);
    const [steps, notes] = await Promise.all([
      scope.selectFrom('goal_steps').select('id').where('goal_steps.goal_id', '=', goal.id).execute(),
      scope.selectFrom('goal_notes').select('id').where('goal_notes.goal_id', '=', goal.id).execute(),
    ]);
    return listHistory(scope, [goal.id, ...steps.map((s) => s.id), ...notes.map((n) => n.id)], req.query);
  });
}
