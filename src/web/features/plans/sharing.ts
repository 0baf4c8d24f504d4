import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MarkAllReadResult, Notification, NotificationList } from '../../../shared/notifications';
import type { CreateCommentBody, CreatedShareLink, CreateShareLinkBody, PlanComment, ShareLink } from '../../../shared/plan-sharing';
import { api } from '../../app/api';

/** Share links, the conversation with the customer, and the notifications their actions produce. */
export const sharingKeys = {
  links: (planId: string) => ['plans', 'share-links', planId] as const,
  comments: (planId: string) => ['plans', 'comments', planId] as const,
  notifications: ['notifications'] as const,
};

export function useShareLinks(planId: string) {
  return useQuery({ queryKey: sharingKeys.links(planId), queryFn: () => api.get<{ data: ShareLink[] }>(`/plans/${planId}/share-links`), select: (r) => r.data });
}

export function useCreateShareLink(planId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateShareLinkBody) => api.post<CreatedShareLink>(`/plans/${planId}/share-links`, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: sharingKeys.links(planId) }),
  });
}

export function useRevokeShareLink(planId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<ShareLink>(`/share-links/${id}/revoke`, {}),
    onSettled: () => void client.invalidateQueries({ queryKey: sharingKeys.links(planId) }),
  });
}

export function useComments(planId: string) {
  return useQuery({
    queryKey: sharingKeys.comments(planId),
    queryFn: () => api.get<{ data: PlanComment[]; nextCursor: string | null }>(`/plans/${planId}/comments?limit=200`),
  });
}

export function useAddComment(planId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCommentBody) => api.post<PlanComment>(`/plans/${planId}/comments`, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: sharingKeys.comments(planId) }),
  });
}

/** The latest notifications (Today's card); defined once for the card and the prefetch of its page. */
export const latestNotificationsQuery = queryOptions({ queryKey: [...sharingKeys.notifications, 'latest'], queryFn: () => api.get<NotificationList>('/notifications?limit=20') });

/** Every notification, newest first, page by page (the notifications page). */
export const notificationPagesQuery = infiniteQueryOptions({
  queryKey: [...sharingKeys.notifications, 'pages'],
  queryFn: ({ pageParam }) => api.get<NotificationList>(`/notifications?limit=50${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`),
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last: NotificationList) => last.nextCursor ?? undefined,
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
  queryFn: () => api.get<NotificationList>('/notifications?limit=1&unread=true'),
  select: (r) => r.unreadCount,
});

/** Checked each minute and when the tab returns. */
export function useUnreadCount() {
  return useQuery({ ...unreadCountQuery, refetchInterval: 60_000 });
}

export function useMarkAllNotificationsRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<MarkAllReadResult>('/notifications/read-all'),
    onSettled: () => void client.invalidateQueries({ queryKey: sharingKeys.notifications }),
  });
}

export function useMarkNotificationRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<Notification>(`/notifications/${id}/read`, {}),
    onSettled: () => void client.invalidateQueries({ queryKey: sharingKeys.notifications }),
  });
}
