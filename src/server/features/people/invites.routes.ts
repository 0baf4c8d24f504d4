import { Me } from '../../../shared/auth.js';
import { IdParams } from '../../../shared/common.js';
import { AcceptInviteBody, CreateInviteBody, CreatedInvite, Invite, InviteList, InvitePreview, InviteTokenBody } from '../../../shared/people.js';
import { ctx, type App } from '../../core/http.js';
import { startSession } from '../auth/routes.js';
import { loadMe } from '../auth/service.js';
import { acceptInvite, createInvite, listInvites, lookupInvite, revokeInvite } from './invites.service.js';

const tags = ['people'];

export function inviteRoutes(app: App): void {
  const { db, config } = app;

  app.post('/invites', { config: { permission: { role: 'admin' } }, schema: { tags, summary: 'Invite someone by a single-use link (admins). The link is shown only in this response.', body: CreateInviteBody, response: { 201: CreatedInvite } } }, async (req, reply) => {
    const baseUrl = config.publicUrl ?? `${req.protocol}://${req.host}`;
    return reply.code(201).send(await createInvite({ ...ctx(req), input: req.body, baseUrl, ttlMs: config.inviteTtlMs }));
  });

  app.get('/invites', { config: { permission: { role: 'admin' } }, schema: { tags, summary: 'List invites, newest first (admins)', response: { 200: InviteList } } }, async (req) => {
    const { scope, actor } = ctx(req);
    return listInvites(scope, actor);
  });

  app.post('/invites/:id/revoke', { config: { permission: { role: 'admin' } }, schema: { tags, summary: 'Revoke an invite so its link stops working (admins)', params: IdParams, response: { 200: Invite } } }, async (req) =>
    revokeInvite({ ...ctx(req), id: req.params.id }),
  );

  // The token is sent in a body, not the path, so it stays out of logs and proxies.
  app.post('/invites/lookup', { config: { permission: 'public' }, schema: { tags, summary: 'What an invite link offers, before accepting it', body: InviteTokenBody, response: { 200: InvitePreview } } }, async (req) =>
    lookupInvite(db, req.body.token),
  );

  app.post(
    '/invites/accept',
    { config: { permission: 'public' }, schema: { tags, summary: 'Accept an invite: create the account and sign in', body: AcceptInviteBody, response: { 201: Me } } },
    async (req, reply) => {
      const user = await acceptInvite(db, req.body);
      const actor = await startSession(db, config, reply, user);
      return reply.code(201).send(await loadMe(db, actor));
    },
  );
}
