import { retrospectivesApi } from '../../../shared/routes/retrospectives.js';
import { ctx, type App } from '../../core/http.js';
import { route } from '../../core/route.js';
import { getRetrospective, submitRetrospective, teamRetrospectives } from './service.js';

/** Retrospectives on closed deals: read and answered by the deal's owner, their manager (or an admin). */
export function retrospectiveRoutes(app: App): void {
  // Reading is decided in the service (403 with the reason): the opportunity policy speaks of changing it.
  route(app, retrospectivesApi.getRetrospective, { permission: 'signedIn' }, async (req) => getRetrospective({ ...ctx(req), opportunityId: req.params.id }));

  route(app, retrospectivesApi.submitRetrospective, { permission: { owns: 'opportunity' } }, async (req) =>
    submitRetrospective({ ...ctx(req), opportunityId: req.params.id, input: req.body }),
  );

  route(app, retrospectivesApi.getTeamRetrospectives, { permission: 'signedIn' }, async (req) => teamRetrospectives({ ...ctx(req), teamId: req.params.id, query: req.query }));
}
