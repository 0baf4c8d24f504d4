import { SearchQuery, SearchResults } from '../../../shared/search.js';
import { ctx, type App } from '../../core/http.js';
import { searchWorkspace } from './queries.js';

const tags = ['search'];

export function searchRoutes(app: App): void {
  // Every signed-in member reads every account, contact, opportunity and plan of their workspace,
  // so search needs the same (a session) and no more; scope confines it to the workspace.
  app.get('/search', { config: { permission: 'signedIn' }, schema: { tags, summary: 'Search accounts, contacts, opportunities and plans', querystring: SearchQuery, response: { 200: SearchResults } } }, async (req) => {
    const { scope } = ctx(req);
    return searchWorkspace(scope, req.query);
  });
}
