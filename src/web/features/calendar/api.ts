import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createCalendarFeed, getCalendarFeed, revokeCalendarFeed } from '../../../shared/routes/operations/calendar';
import { call } from '../../app/api';

const feedKey = ['calendar-feed'] as const;

export function useCalendarFeed() {
  return useQuery({ queryKey: feedKey, queryFn: () => call(getCalendarFeed) });
}

/** Makes a new URL (the old one stops at once); the answer carries the URL this one time. */
export function useCreateCalendarFeed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(createCalendarFeed, { body: {} }),
    onSuccess: (created) => client.setQueryData(feedKey, created.feed),
  });
}

export function useRevokeCalendarFeed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(revokeCalendarFeed),
    onSuccess: () => client.setQueryData(feedKey, { status: 'none', createdAt: null, lastUsedAt: null }),
  });
}
