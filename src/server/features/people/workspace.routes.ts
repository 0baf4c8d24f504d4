import { peopleApi } from '../../../shared/routes/people.js';
import { route } from '../../core/route.js';
import { ctx, expectedVersion, type App } from '../../core/http.js';
import { getWorkspace, updateWorkspace } from './workspace.service.js';

export function workspaceRoutes(app: App): void {
  route(app, peopleApi.getWorkspace, { permission: 'signedIn' }, async (req) => getWorkspace(ctx(req).scope));

  route(app, peopleApi.updateWorkspace, { permission: { role: 'admin' } }, async (req) => {
    const { version, ...input } = req.body;
    return updateWorkspace({ ...ctx(req), input, version: expectedVersion(req, version) });
  });
}
