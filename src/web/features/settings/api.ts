import { useMutation, useQueryClient } from '@tanstack/react-query';
import { changePassword, endOtherSessions } from '../../../shared/routes/operations/auth';
import { call, type BodyOf } from '../../app/api';
import { sessionKey } from '../../app/queryClient';

/**
 * Changes your password with your current one. The server signs out every other session and gives
 * this browser a fresh one (a new cookie in the answer); the profile's version moves with it.
 */
export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof changePassword>) => call(changePassword, { body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: sessionKey }),
  });
}

/** Signs out every other session of yours (not your API tokens); answers how many ended. */
export function useEndOtherSessions() {
  return useMutation({ mutationFn: () => call(endOtherSessions) });
}
