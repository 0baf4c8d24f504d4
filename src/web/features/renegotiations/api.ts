import { useMutation } from '@tanstack/react-query';
import { acceptNewDate, declineNewDate, proposeNewDate } from '../../../shared/routes/operations/commitments';
import { call, type BodyOf } from '../../app/api';
import { usePlanRefresh } from '../plans/api';

/** Asking for a new date, and answering such a request (server: features/renegotiations). */

export function useProposeDate() {
  const refresh = usePlanRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: BodyOf<typeof proposeNewDate> }) => call(proposeNewDate, { params: { id }, body }),
    onSuccess: (r) => refresh.commitment(r.commitment),
  });
}

export function useAnswerDate() {
  const refresh = usePlanRefresh();
  return useMutation({
    mutationFn: ({ id, accept, note }: { id: string; accept: boolean; note?: string | null }) =>
      call(accept ? acceptNewDate : declineNewDate, { params: { id }, body: note ? { note } : {} }),
    onSuccess: (r) => refresh.commitment(r.commitment),
  });
}
