import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createInvite, createTeam, deactivateUser, listInvites, revokeInvite, updateTeam, updateUser } from '../../../shared/routes/operations/people';
import { call, type BodyOf } from '../../app/api';
import { directoryKeys } from '../../app/directory';

export const invitesKey = ['invites'] as const;

export function useInvites(enabled: boolean) {
  return useQuery({ queryKey: invitesKey, queryFn: () => call(listInvites), select: (r) => r.data, enabled });
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
    mutationFn: (body: BodyOf<typeof createInvite>) => call(createInvite, { body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: invitesKey }),
  });
}

export function useRevokeInvite() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(revokeInvite, { params: { id } }),
    onSettled: () => void client.invalidateQueries({ queryKey: invitesKey }),
  });
}

export function useUpdateUser(id: string) {
  const refresh = useRefreshPeople();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof updateUser>) => call(updateUser, { params: { id }, body }),
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
    mutationFn: (body: BodyOf<typeof deactivateUser>) => call(deactivateUser, { params: { id }, body }),
    // A conflict too: the list then shows the person as they now are.
    onSettled: () => refresh(),
    onSuccess: () => {
      // Their accounts and opportunities now belong to someone else.
      for (const r of ['accounts', 'contacts', 'opportunities']) void client.invalidateQueries({ queryKey: [r] });
    },
  });
}

export function useCreateTeam() {
  const refresh = useRefreshPeople();
  return useMutation({ mutationFn: (body: BodyOf<typeof createTeam>) => call(createTeam, { body }), onSuccess: refresh });
}

export function useUpdateTeam(id: string) {
  const refresh = useRefreshPeople();
  return useMutation({ mutationFn: (body: BodyOf<typeof updateTeam>) => call(updateTeam, { params: { id }, body }), onSettled: refresh });
}
