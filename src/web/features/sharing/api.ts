import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallResult } from '../../../shared/routes/client';
import {
  createPlanComment,
  createShareLink,
  listNotifications,
  listPlanComments,
  listShareLinks,
  markAllNotificationsRead,
  markNotificationRead,
  revokeShareLink,
} from '../../../shared/routes/operations/sharing';
import { call, type BodyOf } from '../../app/api';

/** Share links, the conversation with the customer, and the notifications their actions produce. */
export const sharingKeys = {
  links: (planId: string) => ['plans', 'share-links', planId] as const,
  comments: (planId: string) => ['plans', 'comments', planId] as const,
  /** The plan's history (features/records/HistoryCard) lists links made and revoked, and comments. */
  history: (planId: string) => ['plans', 'history', planId] as const,
  notifications: ['notifications'] as const,
};

export function useShareLinks(planId: string) {
  return useQuery({ queryKey: sharingKeys.links(planId), queryFn: () => call(listShareLinks, { params: { id: planId } }), select: (r) => r.data });
}

export function useCreateShareLink(planId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof createShareLink>) => call(createShareLink, { params: { id: planId }, body }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: sharingKeys.links(planId) });
      void client.invalidateQueries({ queryKey: sharingKeys.history(planId) });
    },
  });
}

export function useRevokeShareLink(planId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(revokeShareLink, { params: { id } }),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: sharingKeys.links(planId) });
      void client.invalidateQueries({ queryKey: sharingKeys.history(planId) });
    },
  });
}

export function useComments(planId: string) {
  return useQuery({
    queryKey: sharingKeys.comments(planId),
    queryFn: () => call(listPlanComments, { params: { id: planId }, query: { limit: 200 } }),
  });
}

export function useAddComment(planId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof createPlanComment>) => call(createPlanComment, { params: { id: planId }, body }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: sharingKeys.comments(planId) });
      void client.invalidateQueries({ queryKey: sharingKeys.history(planId) });
    },
  });
}

/** The latest notifications (Today's card); defined once for the card and the prefetch of its page. */
export const latestNotificationsQuery = queryOptions({ queryKey: [...sharingKeys.notifications, 'latest'], queryFn: () => call(listNotifications, { query: { limit: 20 } }) });

/** Every notification, newest first, page by page (the notifications page). */
export const notificationPagesQuery = infiniteQueryOptions({
  queryKey: [...sharingKeys.notifications, 'pages'],
  queryFn: ({ pageParam }) => call(listNotifications, { query: { limit: 50, cursor: pageParam } }),
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last: CallResult<typeof listNotifications>) => last.nextCursor ?? undefined,
});

export function useNotifications() {
  return useQuery(latestNotificationsQuery);
}

export function useNotificationPages() {
  return useInfiniteQuery(notificationPagesQuery);
}

/** How many are unread, for the app shell on every page (and its prefetch with the first page). */
export const unreadCountQuery = queryOptions({
  queryKey: [...sharingKeys.notifications, 'unread'],
  queryFn: () => call(listNotifications, { query: { limit: 1, unread: 'true' } }),
  select: (r) => r.unreadCount,
});

/** Checked each minute and when the tab returns. */
export function useUnreadCount() {
  return useQuery({ ...unreadCountQuery, refetchInterval: 60_000 });
}

export function useMarkAllNotificationsRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(markAllNotificationsRead),
    onSettled: () => void client.invalidateQueries({ queryKey: sharingKeys.notifications }),
  });
}

export function useMarkNotificationRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(markNotificationRead, { params: { id } }),
    onSettled: () => void client.invalidateQueries({ queryKey: sharingKeys.notifications }),
  });
}
