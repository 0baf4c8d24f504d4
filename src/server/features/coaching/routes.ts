import { coachingApi } from '../../../shared/routes/coaching.js';
import { ctx, type App } from '../../core/http.js';
import { route } from '../../core/route.js';
import { repCoaching, teamCoaching } from './service.js';

/** Coaching figures. Who reads whom depends on the person or team asked for: decided in the service (403 with the reason). */
export function coachingRoutes(app: App): void {
  route(app, coachingApi.getRepCoaching, { permission: 'signedIn' }, async (req) => repCoaching({ ...ctx(req), userId: req.params.id, query: req.query }));

  route(app, coachingApi.getTeamCoaching, { permission: 'signedIn' }, async (req) => teamCoaching({ ...ctx(req), teamId: req.params.id, query: req.query }));
}
