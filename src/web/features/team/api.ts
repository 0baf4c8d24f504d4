import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateInviteBody, CreateTeamBody, CreatedInvite, DeactivateUserBody, Invite, InviteList, Team, UpdateTeamBody, UpdateUserBody, User } from '../../../shared/people';
import { api } from '../../app/api';
import { directoryKeys } from '../../app/directory';

export const invitesKey = ['invites'] as const;

export function useInvites(enabled: boolean) {
  return useQuery({ queryKey: invitesKey, queryFn: () => api.get<InviteList>('/invites'), select: (r) => r.data, enabled });
}

/** People changes ripple into teams (member counts, managers) and into every owner picker. */
function useRefreshPeople() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: ['users'] });
    void client.invalidateQueries({ queryKey: directoryKeys.teams });
  };
}

export function useCreateInvite() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateInviteBody) => api.post<CreatedInvite>('/invites', body),
    onSuccess: () => void client.invalidateQueries({ queryKey: invitesKey }),
  });
}

export function useRevokeInvite() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<Invite>(`/invites/${id}/revoke`, {}),
    onSettled: () => void client.invalidateQueries({ queryKey: invitesKey }),
  });
}

export function useUpdateUser(id: string) {
  const refresh = useRefreshPeople();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateUserBody) => api.patch<User>(`/users/${id}`, body),
    onSuccess: () => {
      refresh();
      void client.invalidateQueries({ queryKey: ['session'] });
    },
  });
}

export function useDeactivateUser(id: string) {
  const refresh = useRefreshPeople();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: DeactivateUserBody) => api.post<User>(`/users/${id}/deactivate`, body),
    onSuccess: () => {
      refresh();
      // Their accounts and opportunities now belong to someone else.
      for (const r of ['accounts', 'contacts', 'opportunities']) void client.invalidateQueries({ queryKey: [r] });
    },
  });
}

export function useCreateTeam() {
  const refresh = useRefreshPeople();
  return useMutation({ mutationFn: (body: CreateTeamBody) => api.post<Team>('/teams', body), onSuccess: refresh });
}

export function useUpdateTeam(id: string) {
  const refresh = useRefreshPeople();
  return useMutation({ mutationFn: (body: UpdateTeamBody) => api.patch<Team>(`/teams/${id}`, body), onSettled: refresh });
}
