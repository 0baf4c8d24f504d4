import { IdParams } from '../../../shared/common.js';
import { CustomerReliability, PlanReliability, UserReliability } from '../../../shared/plan-reliability.js';
import { Today } from '../../../shared/today.js';
import { ctx, type App } from '../../core/http.js';
import { accountReliability, opportunityReliability, planReliability, userReliability } from './reliability.js';
import { today } from './today.js';

const tags = ['plans'];

export function insightRoutes(app: App): void {
  app.get('/today', { config: { permission: 'signedIn' }, schema: { tags, summary: 'Your commitments due today, overdue and this week, and new dates waiting for your answer', response: { 200: Today } } }, async (req) => {
    const { scope, actor } = ctx(req);
    return today(scope, actor);
  });

  app.get('/plans/:id/reliability', { config: { permission: 'signedIn' }, schema: { tags, summary: 'Reliability on a plan, per side and per person', params: IdParams, response: { 200: PlanReliability } } }, async (req) =>
    planReliability(ctx(req).scope, req.params.id),
  );

  app.get('/users/:id/reliability', { config: { permission: 'signedIn' }, schema: { tags, summary: 'A person’s reliability on the seller side, overall and per plan', params: IdParams, response: { 200: UserReliability } } }, async (req) =>
    userReliability(ctx(req).scope, req.params.id),
  );

  app.get('/opportunities/:id/reliability', { config: { permission: 'signedIn' }, schema: { tags, summary: 'The customer side’s reliability on this deal, per person', params: IdParams, response: { 200: CustomerReliability } } }, async (req) =>
    opportunityReliability(ctx(req).scope, req.params.id),
  );

  app.get('/accounts/:id/reliability', { config: { permission: 'signedIn' }, schema: { tags, summary: 'The customer company’s reliability across its deals’ plans', params: IdParams, response: { 200: CustomerReliability } } }, async (req) =>
    accountReliability(ctx(req).scope, req.params.id),
  );
}
