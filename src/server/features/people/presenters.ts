import type { Actor } from '../../core/actor.js';
import type { Scope } from '../../core/scope.js';
import type { User, Workspace } from '../../../shared/people.js';
import type { WorkspaceTable } from '../../core/db/schema.js';

/** Columns a `User` is presented from (users joined with their team and workspace). */
export function selectUsers(scope: Scope) {
  return scope
    .selectFrom('users')
    .innerJoin('workspaces', 'workspaces.id', 'users.workspace_id')
    .leftJoin('teams', 'teams.id', 'users.team_id')
    .select([
      'users.id',
      'users.email',
      'users.name',
      'users.role',
      'users.team_id',
      'teams.name as team_name',
      'users.time_zone',
      'workspaces.default_time_zone',
      'users.status',
      'users.deactivated_at',
      'users.version',
      'users.created_at',
    ]);
}

export type UserRow = {
  id: string;
  email: string;
  name: string;
  role: User['role'];
  team_id: string | null;
  team_name: string | null;
  time_zone: string | null;
  default_time_zone: string;
  status: User['status'];
  deactivated_at: string | null;
  version: number;
  created_at: string;
};

export function presentUser(row: UserRow, actor: Actor): User {
  const isAdmin = actor.role === 'admin';
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    team: row.team_id && row.team_name ? { id: row.team_id, name: row.team_name } : null,
    timeZone: row.time_zone ?? row.default_time_zone,
    ownTimeZone: row.time_zone,
    status: row.status,
    deactivatedAt: row.deactivated_at,
    version: row.version,
    createdAt: row.created_at,
    permissions: {
      canEdit: row.status === 'active' && (isAdmin || row.id === actor.id),
      canDeactivate: isAdmin && row.id !== actor.id && row.status === 'active',
    },
  };
}

export function presentWorkspace(row: Pick<WorkspaceTable, 'id' | 'name' | 'default_time_zone' | 'is_demo' | 'version'>): Workspace {
  return { id: row.id, name: row.name, defaultTimeZone: row.default_time_zone, isDemo: row.is_demo === 1, version: row.version };
}
