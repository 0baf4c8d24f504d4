import { IdParams } from '../../../shared/common.js';
import { NotificationList, NotificationListQuery, Notification } from '../../../shared/notifications.js';
import { CommentListQuery, CreateCommentBody, CreatedShareLink, CreateShareLinkBody, PlanComment, PlanCommentList, ShareLink, ShareLinkList } from '../../../shared/plan-sharing.js';
import { ctx, type App } from '../../core/http.js';
import { addSellerComment, listComments } from './comments.js';
import { listNotifications, markNotificationRead } from './notifications.js';
import { createShareLink, listShareLinks, revokeShareLink } from './share-links.js';

const tags = ['plans'];

export function sharingRoutes(app: App): void {
  app.post('/plans/:id/share-links', { config: { permission: { owns: 'plan' } }, schema: { tags, summary: 'Create a link for one customer recipient (its URL is shown only now)', params: IdParams, body: CreateShareLinkBody, response: { 201: CreatedShareLink } } }, async (req, reply) => {
    const baseUrl = req.server.config.publicUrl ?? `${req.protocol}://${req.host}`;
    return reply.code(201).send(await createShareLink({ ...ctx(req), planId: req.params.id, input: req.body, baseUrl }));
  });

  app.get('/plans/:id/share-links', { config: { permission: 'signedIn' }, schema: { tags, summary: 'The plan’s share links, with when each was last viewed', params: IdParams, response: { 200: ShareLinkList } } }, async (req) => {
    const { scope, actor } = ctx(req);
    return listShareLinks(scope, actor, req.params.id);
  });

  app.post('/share-links/:id/revoke', { config: { permission: { owns: 'share-link' } }, schema: { tags, summary: 'Revoke a share link (effective on its next request)', params: IdParams, response: { 200: ShareLink } } }, async (req) =>
    revokeShareLink({ ...ctx(req), id: req.params.id }),
  );

  app.get('/plans/:id/comments', { config: { permission: 'signedIn' }, schema: { tags, summary: 'The conversation on a plan, oldest first', params: IdParams, querystring: CommentListQuery, response: { 200: PlanCommentList } } }, async (req) => {
    const { scope, actor } = ctx(req);
    return listComments(scope, actor, req.params.id, req.query);
  });

  app.post('/plans/:id/comments', { config: { permission: 'signedIn' }, schema: { tags, summary: 'Reply on a plan (the customer sees it)', params: IdParams, body: CreateCommentBody, response: { 201: PlanComment } } }, async (req, reply) =>
    reply.code(201).send(await addSellerComment({ ...ctx(req), planId: req.params.id, input: req.body })),
  );

  app.get('/notifications', { config: { permission: 'signedIn' }, schema: { tags: ['notifications'], summary: 'Your notifications, newest first', querystring: NotificationListQuery, response: { 200: NotificationList } } }, async (req) => {
    const { scope, actor } = ctx(req);
    return listNotifications(scope, actor, req.query);
  });

  app.post('/notifications/:id/read', { config: { permission: { owns: 'notification' } }, schema: { tags: ['notifications'], summary: 'Mark a notification read', params: IdParams, response: { 200: Notification } } }, async (req) => {
    const { scope, actor } = ctx(req);
    return markNotificationRead(scope, actor, req.params.id);
  });
}
