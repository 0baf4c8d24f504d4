import type { App } from '../../core/http.js';
import { inviteRoutes } from './invites.routes.js';
import { teamRoutes } from './teams.routes.js';
import { userRoutes } from './users.routes.js';
import { workspaceRoutes } from './workspace.routes.js';

/** People, teams, invites and workspace settings. */
export function peopleRoutes(app: App): void {
  workspaceRoutes(app);
  userRoutes(app);
  teamRoutes(app);
  inviteRoutes(app);
}
