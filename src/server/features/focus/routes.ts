import { focusApi } from '../../../shared/routes/focus.js';
import { ctx, expectedVersion, type App } from '../../core/http.js';
import { route } from '../../core/route.js';
import { listFocus, opportunityFocus } from './service.js';
import { getFocusThresholds, updateFocusThresholds } from './thresholds.js';

/**
 * Focus: chased deals, and the workspace's thresholds for them. Walking away from a deal is the
 * opportunity's own status change (PATCH /opportunities/:id with status walked_away and a reason).
 */
export function focusRoutes(app: App): void {
  route(app, focusApi.listFocus, { permission: 'signedIn' }, async (req) => {
    const { scope, actor } = ctx(req);
    return listFocus(scope, actor, req.query);
  });

  route(app, focusApi.getOpportunityFocus, { permission: 'signedIn' }, async (req) => {
    const { scope, actor } = ctx(req);
    return opportunityFocus(scope, actor, req.params.id);
  });

  route(app, focusApi.getFocusThresholds, { permission: 'signedIn' }, async (req) => getFocusThresholds(ctx(req).scope));

  route(app, focusApi.updateFocusThresholds, { permission: { role: 'admin' } }, async (req) => {
    const { version, ...input } = req.body;
    return updateFocusThresholds({ ...ctx(req), input, version: expectedVersion(req, version) });
  });
}
