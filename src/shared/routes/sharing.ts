import { IdParams, NoBody } from '../common.js';
import { MarkAllReadResult, Notification, NotificationList, NotificationListQuery } from '../notifications.js';
import { CommentListQuery, CreateCommentBody, CreatedShareLink, CreateShareLinkBody, PlanComment, PlanCommentList, ShareLink, ShareLinkList } from '../plan-sharing.js';
import { defineRoutes } from './define.js';

const tags = ['plans'] as const;

/** A plan's share links and its conversation with the customer, as the seller side sees them. */
export const sharingApi = defineRoutes({
  createShareLink: {
    tags,
    summary: 'Create a link for one customer recipient (its URL is shown only now)',
    description:
      'With `sendEmail`, Advance also emails the link to `recipientEmail`. Links sent by email are limited per workspace: past `SHARE_LINK_EMAILS_MAX_PER_WORKSPACE_PER_HOUR` in an hour (50 by default), more answer 429 `too_many_requests` with `Retry-After`; links created without an email are not limited. The demo workspace sends no email: there `sendEmail` answers 422 `rule_violation` naming it, and nothing is created.',
    params: IdParams,
    body: CreateShareLinkBody,
    response: { 201: CreatedShareLink },
    answersSecret: true,
    errors: ['rule_violation', 'too_many_requests'],
  },
  listShareLinks: { tags, summary: 'The plan’s share links, with when each was last viewed', params: IdParams, response: { 200: ShareLinkList } },
  revokeShareLink: { tags, summary: 'Revoke a share link (effective on its next request)', params: IdParams, response: { 200: ShareLink } },
  listPlanComments: { tags, summary: 'The conversation on a plan, oldest first', params: IdParams, query: CommentListQuery, response: { 200: PlanCommentList } },
  createPlanComment: {
    tags,
    summary: 'Reply on a plan (the customer sees it)',
    params: IdParams,
    body: CreateCommentBody,
    response: { 201: PlanComment },
    errors: ['plan_closed'],
  },
});

/** A person's notifications (customer activity on their plans). */
export const notificationsApi = defineRoutes({
  listNotifications: { tags: ['notifications'], summary: 'Your notifications, newest first', query: NotificationListQuery, response: { 200: NotificationList } },
  markAllNotificationsRead: { tags: ['notifications'], summary: 'Mark all your notifications read', body: NoBody, response: { 200: MarkAllReadResult } },
  markNotificationRead: { tags: ['notifications'], summary: 'Mark a notification read', params: IdParams, body: NoBody, response: { 200: Notification } },
});
