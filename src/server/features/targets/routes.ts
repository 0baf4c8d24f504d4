import { targetsApi } from '../../../shared/routes/targets.js';
import { ctx, expectedVersion, type App } from '../../core/http.js';
import { route } from '../../core/route.js';
import { getFiscalSettings, updateFiscalSettings } from './fiscal.service.js';
import { repPlanning, teamPlanning } from './queries.js';
import { setYearlyTarget } from './targets.service.js';

/** The fiscal calendar (admins), yearly targets (a rep's manager or an admin) and account planning. */
export function targetRoutes(app: App): void {
  route(app, targetsApi.getFiscalSettings, { permission: { role: 'admin' } }, async (req) => getFiscalSettings(ctx(req).scope));

  route(app, targetsApi.updateFiscalSettings, { permission: { role: 'admin' } }, async (req) => {
    const { version, ...input } = req.body;
    return updateFiscalSettings({ ...ctx(req), input, version: expectedVersion(req, version) });
  });

  route(app, targetsApi.setYearlyTarget, { permission: { owns: 'yearly-target' } }, async (req) => {
    const { version, ...input } = req.body;
    // The body's version may be 0 ("there was none"), which an If-Match header cannot say; sent both ways, they must agree.
    return setYearlyTarget({ ...ctx(req), userId: req.params.id, input, version: expectedVersion(req, version) });
  });

  // Who may read whom depends on the person or team asked for: decided in the query (403 with the reason).
  route(app, targetsApi.getAccountPlanning, { permission: 'signedIn' }, async (req) => {
    const { scope, actor } = ctx(req);
    return repPlanning(scope, actor, req.query);
  });

  route(app, targetsApi.getTeamAccountPlanning, { permission: 'signedIn' }, async (req) => {
    const { scope, actor } = ctx(req);
    return teamPlanning(scope, actor, req.params.id, req.query);
  });
}
