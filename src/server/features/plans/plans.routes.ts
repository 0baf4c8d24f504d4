import { plansApi } from '../../../shared/routes/plans.js';
import { route } from '../../core/route.js';
import { notFound } from '../../core/errors.js';
import { ctx, expectedVersion, type App } from '../../core/http.js';
import { findPlan, listPlans, planHistory } from './queries.js';
import { teamSummary } from './team-summary.js';
import { createPlan, reopenPlan, updatePlan } from './plans.service.js';

export function planRoutes(app: App): void {
  route(app, plansApi.listPlans, { permission: 'signedIn' }, async (req) => {
    const { scope, actor } = ctx(req);
    return listPlans(scope, actor, req.query);
  });

  route(app, plansApi.getTeamSummary, { permission: 'signedIn' }, async (req) => {
    const { scope, actor } = ctx(req);
    return teamSummary(scope, actor, req.query.view);
  });

  route(app, plansApi.getOpportunityPlan, { permission: 'signedIn' }, async (req) => {
    const { scope, actor } = ctx(req);
    const opp = await scope.selectFrom('opportunities').select('id').where('opportunities.id', '=', req.params.id).executeTakeFirst();
    if (!opp) throw notFound('Opportunity');
    return (await findPlan(scope, actor, { opportunityId: req.params.id })) ?? Promise.reject(notFound('Plan'));
  });

  route(app, plansApi.createPlan, { permission: { owns: 'opportunity' } }, async (req, reply) => {
    return reply.code(201).send(await createPlan({ ...ctx(req), opportunityId: req.params.id, input: req.body }));
  });

  route(app, plansApi.getPlan, { permission: 'signedIn' }, async (req) => {
    const { scope, actor } = ctx(req);
    return (await findPlan(scope, actor, { id: req.params.id })) ?? Promise.reject(notFound('Plan'));
  });

  route(app, plansApi.updatePlan, { permission: { owns: 'plan' } }, async (req) => {
    const { version, ...input } = req.body;
    return updatePlan({ ...ctx(req), id: req.params.id, input, version: expectedVersion(req, version) });
  });

  route(app, plansApi.reopenPlan, { permission: { owns: 'plan' } }, async (req) =>
    reopenPlan({ ...ctx(req), id: req.params.id, version: expectedVersion(req, req.body?.version) }),
  );

  route(app, plansApi.listPlanHistory, { permission: 'signedIn' }, async (req) => {
    const { scope } = ctx(req);
    const exists = await scope.selectFrom('plans').select('id').where('plans.id', '=', req.params.id).executeTakeFirst();
    if (!exists) throw notFound('Plan');
    return planHistory(scope, req.params.id, req.query);
  });
}
