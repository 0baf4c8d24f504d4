import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CheckIn, CheckInNote, CheckInTemplate } from '../../../shared/check-ins';
import {
  createCheckInAction,
  createCheckInNote,
  createCheckInSeries,
  openCheckIn,
  saveCheckInAnswers,
  updateCheckIn,
  updateCheckInNote,
  updateCheckInSeries,
  updateCheckInTemplate,
  startCheckInCoaching,
  addCheckInCoachingRung,
  closeCheckInCoaching,
} from '../../../shared/routes/operations/check-ins';
import { call, isApiError, type BodyOf } from '../../app/api';
import { checkInHistoryQuery, checkInKeys, checkInQuery, seriesListQuery, templateQuery } from './queries';

export { checkInKeys, checkInHistoryQuery, checkInQuery, seriesListQuery, templateQuery } from './queries';

export const useSeriesList = () => useQuery(seriesListQuery);
export const useCheckInHistory = (seriesId?: string) => useQuery(checkInHistoryQuery(seriesId));
export const useCheckIn = (id: string) => useQuery(checkInQuery(id));
export const useTemplate = (enabled = true) => useQuery({ ...templateQuery, enabled });

/**
 * After a write on one check-in: it shows at once; lists refetch. A write that lost the race (409)
 * shows the check-in it carries the same way, so the page reads what is there now and the next try
 * is made from that version (what the person typed stays in their form).
 */
function useRefresh() {
  const client = useQueryClient();
  const checkIn = (c: CheckIn) => {
    client.setQueryData(checkInKeys.detail(c.id), c);
    void client.invalidateQueries({ queryKey: checkInKeys.all, predicate: (q) => !(q.queryKey[1] === 'detail' && q.queryKey[2] === c.id) });
  };
  return {
    checkIn,
    stale: (err: Error) => {
      if (isApiError(err, 'version_conflict') && err.current) checkIn(err.current as CheckIn);
    },
    all: () => void client.invalidateQueries({ queryKey: checkInKeys.all }),
    today: () => void client.invalidateQueries({ queryKey: ['today'] }),
  };
}

export function useCreateSeries() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: BodyOf<typeof createCheckInSeries>) => call(createCheckInSeries, { body }), onSuccess: refresh.all });
}

export function useUpdateSeries(id: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: BodyOf<typeof updateCheckInSeries>) => call(updateCheckInSeries, { params: { id }, body }), onSuccess: refresh.all });
}

export function useOpenCheckIn() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: ({ seriesId, scheduledAt }: { seriesId: string; scheduledAt: string }) => call(openCheckIn, { params: { id: seriesId }, body: { scheduledAt } }), onSuccess: refresh.checkIn });
}

export function useUpdateCheckIn(id: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: BodyOf<typeof updateCheckIn>) => call(updateCheckIn, { params: { id }, body }), onSuccess: refresh.checkIn, onError: refresh.stale });
}

export function useSaveAnswers(id: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: BodyOf<typeof saveCheckInAnswers>) => call(saveCheckInAnswers, { params: { id }, body }), onSuccess: refresh.checkIn, onError: refresh.stale });
}

export function useAddNote(checkInId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof createCheckInNote>) => call(createCheckInNote, { params: { id: checkInId }, body }),
    onSuccess: (note) => client.setQueryData<CheckIn>(checkInKeys.detail(checkInId), (c) => (c ? { ...c, notes: [...c.notes, note] } : c)),
  });
}

export function useUpdateNote(checkInId: string) {
  const client = useQueryClient();
  const put = (note: CheckInNote) => client.setQueryData<CheckIn>(checkInKeys.detail(checkInId), (c) => (c ? { ...c, notes: c.notes.map((n) => (n.id === note.id ? note : n)) } : c));
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: BodyOf<typeof updateCheckInNote> }) => call(updateCheckInNote, { params: { id }, body }),
    onSuccess: (note) => put(note),
    // Changed elsewhere: the 409 carries the note as it is now.
    onError: (err) => {
      if (isApiError(err, 'version_conflict') && err.current) put(err.current as CheckInNote);
    },
  });
}

export function useAddAction(checkInId: string) {
  const client = useQueryClient();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: BodyOf<typeof createCheckInAction>) => call(createCheckInAction, { params: { id: checkInId }, body }),
    onSuccess: (action) => {
      client.setQueryData<CheckIn>(checkInKeys.detail(checkInId), (c) => (c ? { ...c, actions: [...c.actions, action] } : c));
      void client.invalidateQueries({ queryKey: checkInKeys.all, predicate: (q) => q.queryKey[1] !== 'detail' });
      refresh.today();
    },
  });
}

export function useUpdateTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof updateCheckInTemplate>) => call(updateCheckInTemplate, { body }),
    onSuccess: (t: CheckInTemplate) => client.setQueryData(checkInKeys.template, t),
    // A stale save: the questions as they are now (the 409 carries them), else read them again.
    onError: (err) => {
      if (isApiError(err, 'version_conflict') && err.current) client.setQueryData(checkInKeys.template, err.current as CheckInTemplate);
      else void client.invalidateQueries({ queryKey: checkInKeys.template });
    },
  });
}

/** Coaching in the check-in: each answer the manager writes down comes back as the check-in. */
export function useCoaching(id: string) {
  const refresh = useRefresh();
  const client = useQueryClient();
  const done = (c: CheckIn) => {
    refresh.checkIn(c);
    // The ladder is the rep's: their Goals pages read it.
    void client.invalidateQueries({ queryKey: ['goals'] });
  };
  return {
    start: useMutation({ mutationFn: (start: string) => call(startCheckInCoaching, { params: { id }, body: { start } }), onSuccess: done, onError: refresh.stale }),
    add: useMutation({ mutationFn: (body: BodyOf<typeof addCheckInCoachingRung>) => call(addCheckInCoachingRung, { params: { id }, body }), onSuccess: done, onError: refresh.stale }),
    close: useMutation({ mutationFn: (body: BodyOf<typeof closeCheckInCoaching>) => call(closeCheckInCoaching, { params: { id }, body }), onSuccess: done, onError: refresh.stale }),
  };
}
