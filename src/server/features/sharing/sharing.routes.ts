import { notificationsApi, sharingApi } from '../../../shared/routes/sharing.js';
import { route } from '../../core/route.js';
import { ctx, type App } from '../../core/http.js';
import { limitShareLinkEmails } from '../../core/limits.js';
import { addSellerComment, listComments } from '../plans/comments.js';
import { remindAnswersDue } from '../check-ins/notifications.js';
import { listNotifications, markAllNotificationsRead, markNotificationRead } from '../plans/notifications.js';
import { createShareLink, listShareLinks, revokeShareLink } from './share-links.js';

export function sharingRoutes(app: App): void {
  route(app, sharingApi.createShareLink, { permission: { owns: 'plan' } }, async (req, reply) => {
    const { db, config } = req.server;
    const baseUrl = config.publicUrl ?? `${req.protocol}://${req.host}`;
    const create = () => createShareLink({ ...ctx(req), planId: req.params.id, input: req.body, baseUrl });
    // Sent by email, the link is mail to an address typed by the rep: limited per workspace. Without, it is not.
    return reply.code(201).send(await (req.body.sendEmail ? limitShareLinkEmails(db, config, ctx(req).actor.workspaceId, create) : create()));
  });

  route(app, sharingApi.listShareLinks, { permission: 'signedIn' }, async (req) => {
    const { scope, actor } = ctx(req);
    return listShareLinks(scope, actor, req.params.id);
  });

  route(app, sharingApi.revokeShareLink, { permission: { owns: 'share-link' } }, async (req) =>
    revokeShareLink({ ...ctx(req), id: req.params.id }),
  );

  route(app, sharingApi.listPlanComments, { permission: 'signedIn' }, async (req) => {
    const { scope, actor } = ctx(req);
    return listComments(scope, actor, req.params.id, req.query);
  });

  route(app, sharingApi.createPlanComment, { permission: 'signedIn' }, async (req, reply) =>
    reply.code(201).send(await addSellerComment({ ...ctx(req), planId: req.params.id, input: req.body })),
  );

  route(app, notificationsApi.listNotifications, { permission: 'signedIn' }, async (req) => {
    const { scope, actor } = ctx(req);
    // Reminders that have come due are written when they are first looked for (check-ins/notifications.ts).
    await remindAnswersDue(scope, actor);
    return listNotifications(scope, actor, req.query);
  });

  route(app, notificationsApi.markAllNotificationsRead, { permission: 'signedIn' }, async (req) => {
    const { scope, actor } = ctx(req);
    return markAllNotificationsRead(scope, actor);
  });

  route(app, notificationsApi.markNotificationRead, { permission: { owns: 'notification' } }, async (req) => {
    const { scope, actor } = ctx(req);
    return markNotificationRead(scope, actor, req.params.id);
  });
}
