import type { Actor } from '../../core/actor.js';
import type { Scope } from '../../core/scope.js';
import type { Invite, Team, User, Workspace } from '../../../shared/people.js';
import type { InviteTable, WorkspaceTable } from '../../core/db/schema.js';
import { nowIso } from '../../core/ids.js';

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

/** Teams with their manager and how many active people are in them. */
export function selectTeams(scope: Scope) {
  return scope
    .selectFrom('teams')
    .leftJoin('users as manager', 'manager.id', 'teams.manager_id')
    .select((eb) => [
      'teams.id',
      'teams.name',
      'teams.manager_id',
      'manager.name as manager_name',
      'teams.version',
      eb
        .selectFrom('users as member')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('member.team_id', '=', 'teams.id')
        .where('member.status', '=', 'active')
        .as('member_count'),
    ]);
}

type TeamRow = { id: string; name: string; manager_id: string | null; manager_name: string | null; version: number; member_count: number | string | null };

export function presentTeam(row: TeamRow): Team {
  return {
    id: row.id,
    name: row.name,
    manager: row.manager_id && row.manager_name ? { id: row.manager_id, name: row.manager_name } : null,
    // count() is a bigint on PostgreSQL; a team never has more people than a double holds.
    memberCount: Number(row.member_count ?? 0),
    version: row.version,
  };
}

/** Invites with who sent them and the team they join. The token hash never leaves this query. */
export function selectInvites(scope: Scope) {
  return scope
    .selectFrom('invites')
    .innerJoin('users as inviter', 'inviter.id', 'invites.invited_by_id')
    .leftJoin('teams', 'teams.id', 'invites.team_id')
    .select([
      'invites.id',
      'invites.email',
      'invites.role',
      'invites.team_id',
      'teams.name as team_name',
      'invites.invited_by_id',
      'inviter.name as inviter_name',
      'invites.created_at',
      'invites.expires_at',
      'invites.accepted_at',
      'invites.revoked_at',
    ]);
}

type InviteRow = Pick<InviteTable, 'id' | 'email' | 'role' | 'team_id' | 'invited_by_id' | 'created_at' | 'expires_at' | 'accepted_at' | 'revoked_at'> & {
  team_name: string | null;
  inviter_name: string;
};

export function inviteStatus(row: Pick<InviteTable, 'expires_at' | 'accepted_at' | 'revoked_at'>, now = nowIso()): Invite['status'] {
  if (row.accepted_at) return 'accepted';
  if (row.revoked_at) return 'revoked';
  return row.expires_at <= now ? 'expired' : 'pending';
}

export function presentInvite(row: InviteRow): Invite {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    team: row.team_id && row.team_name ? { id: row.team_id, name: row.team_name } : null,
    invitedBy: { id: row.invited_by_id, name: row.inviter_name },
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    status: inviteStatus(row),
  };
}
