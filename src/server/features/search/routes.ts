import { searchApi } from '../../../shared/routes/search.js';
import { route } from '../../core/route.js';
import { ctx, type App } from '../../core/http.js';
import { searchWorkspace } from './queries.js';

export function searchRoutes(app: App): void {
  // Every signed-in member reads every account, contact, opportunity and plan of their workspace,
  // so search needs the same (a session) and no more; scope confines it to the workspace.
  route(app, searchApi.searchWorkspace, { permission: 'signedIn' }, async (req) => {
    const { scope } = ctx(req);
    return searchWorkspace(scope, req.query);
  });
}
