import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Team, User } from '../../shared/people';
import type { Stage } from '../../shared/stages';
import { listTeams, listUsers } from '../../shared/routes/operations/people';
import { listStages } from '../../shared/routes/operations/stages';
import { call } from './api';

/** People, teams and stages: small workspace-wide lists that many pages need (filters, pickers, history). */
export const directoryKeys = {
  users: (status: 'active' | 'deactivated' | 'all') => ['users', status] as const,
  teams: ['teams'] as const,
  stages: ['stages'] as const,
};

export const usersQuery = (status: 'active' | 'deactivated' | 'all' = 'active') =>
  queryOptions({ queryKey: directoryKeys.users(status), queryFn: () => call(listUsers, { query: { status } }), select: (r) => r.data, staleTime: 60_000 });
export const teamsQuery = queryOptions({ queryKey: directoryKeys.teams, queryFn: () => call(listTeams), select: (r) => r.data, staleTime: 60_000 });
export const stagesQuery = queryOptions({ queryKey: directoryKeys.stages, queryFn: () => call(listStages), select: (r) => r.data, staleTime: 60_000 });

export function useUsers(status: 'active' | 'deactivated' | 'all' = 'active') {
  return useQuery(usersQuery(status));
}

export function useTeams() {
  return useQuery(teamsQuery);
}

export function useStages() {
  return useQuery(stagesQuery);
}

export const activeStages = (stages: Stage[] | undefined) => (stages ?? []).filter((s) => s.archivedAt === null).sort((a, b) => a.position - b.position);

/** Whom the signed-in person may give records to: anyone (admin), their team (manager), themselves (rep). */
export function assignableOwners(me: User, users: User[] | undefined, teams: Team[] | undefined): User[] {
  const active = (users ?? []).filter((u) => u.status === 'active');
  if (me.role === 'admin') return active;
  if (me.role === 'manager') {
    const led = new Set((teams ?? []).filter((t) => t.manager?.id === me.id).map((t) => t.id));
    return active.filter((u) => u.id === me.id || (u.team !== null && led.has(u.team.id)));
  }
  return active.filter((u) => u.id === me.id);
}
