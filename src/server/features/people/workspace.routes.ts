import { UpdateWorkspaceBody, Workspace } from '../../../shared/people.js';
import { ctx, expectedVersion, type App } from '../../core/http.js';
import { getWorkspace, updateWorkspace } from './workspace.service.js';

const tags = ['people'];

export function workspaceRoutes(app: App): void {
  app.get('/workspace', { config: { permission: 'signedIn' }, schema: { tags, summary: 'The workspace and its settings', response: { 200: Workspace } } }, async (req) => getWorkspace(ctx(req).scope));

  app.patch('/workspace', { config: { permission: { role: 'admin' } }, schema: { tags, summary: 'Change the workspace name or default time zone (admins; send the version)', body: UpdateWorkspaceBody, response: { 200: Workspace } } }, async (req) => {
    const { version, ...input } = req.body;
    return updateWorkspace({ ...ctx(req), input, version: expectedVersion(req, version) });
  });
}
