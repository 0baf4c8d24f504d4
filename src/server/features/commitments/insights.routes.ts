import { insightsApi } from '../../../shared/routes/insights.js';
import { route } from '../../core/route.js';
import { ctx, type App } from '../../core/http.js';
import { accountReliability, opportunityReliability, planReliability, userReliability } from './reliability.js';
import { today } from './today.js';

export function insightRoutes(app: App): void {
  route(app, insightsApi.getToday, { permission: 'signedIn' }, async (req) => {
    const { scope, actor } = ctx(req);
    return today(scope, actor, new Date(), req.query.view);
  });

  route(app, insightsApi.getPlanReliability, { permission: 'signedIn' }, async (req) =>
    planReliability(ctx(req).scope, req.params.id),
  );

  // Anyone in the workspace reads a person's word; the actions of their check-ins only the people of those check-ins.
  route(app, insightsApi.getUserReliability, { permission: 'signedIn' }, async (req) => {
    const { scope, actor } = ctx(req);
    return userReliability(scope, req.params.id, new Date(), actor);
  });

  route(app, insightsApi.getOpportunityReliability, { permission: 'signedIn' }, async (req) =>
    opportunityReliability(ctx(req).scope, req.params.id),
  );

  route(app, insightsApi.getAccountReliability, { permission: 'signedIn' }, async (req) =>
    accountReliability(ctx(req).scope, req.params.id),
  );
}
