import { AuditEventList, HistoryQuery } from '../../../shared/audit.js';
import { IdParams } from '../../../shared/common.js';
import { CreatePlanBody, Plan, PlanList, PlanListQuery, UpdatePlanBody } from '../../../shared/plans.js';
import { notFound } from '../../core/errors.js';
import { ctx, expectedVersion, type App } from '../../core/http.js';
import { findPlan, listPlans, planHistory } from './queries.js';
import { createPlan, updatePlan } from './plans.service.js';

const tags = ['plans'];

export function planRoutes(app: App): void {
  app.get('/plans', { config: { permission: 'signedIn' }, schema: { tags, summary: 'List mutual plans', querystring: PlanListQuery, response: { 200: PlanList } } }, async (req) => {
    const { scope, actor } = ctx(req);
    return listPlans(scope, actor, req.query);
  });

  app.get('/opportunities/:id/plan', { config: { permission: 'signedIn' }, schema: { tags, summary: 'Get the opportunity’s mutual plan (404 when it has none)', params: IdParams, response: { 200: Plan } } }, async (req) => {
    const { scope, actor } = ctx(req);
    const opp = await scope.selectFrom('opportunities').select('id').where('opportunities.id', '=', req.params.id).executeTakeFirst();
    if (!opp) throw notFound('Opportunity');
    return (await findPlan(scope, actor, { opportunityId: req.params.id })) ?? Promise.reject(notFound('Plan'));
  });

  app.post('/opportunities/:id/plan', { config: { permission: { owns: 'opportunity' } }, schema: { tags, summary: 'Create the opportunity’s mutual plan', params: IdParams, body: CreatePlanBody, response: { 201: Plan } } }, async (req, reply) => {
    return reply.code(201).send(await createPlan({ ...ctx(req), opportunityId: req.params.id, input: req.body }));
  });

  app.get('/plans/:id', { config: { permission: 'signedIn' }, schema: { tags, summary: 'Get a mutual plan with its milestones and commitments', params: IdParams, response: { 200: Plan } } }, async (req) => {
    const { scope, actor } = ctx(req);
    return (await findPlan(scope, actor, { id: req.params.id })) ?? Promise.reject(notFound('Plan'));
  });

  app.patch('/plans/:id', { config: { permission: { owns: 'plan' } }, schema: { tags, summary: 'Change a mutual plan (send its version)', params: IdParams, body: UpdatePlanBody, response: { 200: Plan } } }, async (req) => {
    const { version, ...input } = req.body;
    return updatePlan({ ...ctx(req), id: req.params.id, input, version: expectedVersion(req, version) });
  });

  app.get('/plans/:id/history', { config: { permission: 'signedIn' }, schema: { tags, summary: 'Everything that changed on the plan, its milestones and commitments', params: IdParams, querystring: HistoryQuery, response: { 200: AuditEventList } } }, async (req) => {
    const { scope } = ctx(req);
    const exists = await scope.selectFrom('plans').select('id').where('plans.id', '=', req.params.id).executeTakeFirst();
    if (!exists) throw notFound('Plan');
    return planHistory(scope, req.params.id, req.query);
  });
}
