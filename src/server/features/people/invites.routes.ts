import { peopleApi } from '../../../shared/routes/people.js';
import { route } from '../../core/route.js';
import { ctx, type App } from '../../core/http.js';
import { startSession } from '../auth/routes.js';
import { loadMe } from '../auth/service.js';
import { acceptInvite, createInvite, listInvites, lookupInvite, revokeInvite } from './invites.service.js';

export function inviteRoutes(app: App): void {
  const { db, config } = app;

  route(app, peopleApi.createInvite, { permission: { role: 'admin' } }, async (req, reply) => {
    const baseUrl = config.publicUrl ?? `${req.protocol}://${req.host}`;
    return reply.code(201).send(await createInvite({ ...ctx(req), input: req.body, baseUrl, ttlMs: config.inviteTtlMs }));
  });

  route(app, peopleApi.listInvites, { permission: { role: 'admin' } }, async (req) => {
    const { scope, actor } = ctx(req);
    return listInvites(scope, actor);
  });

  route(app, peopleApi.revokeInvite, { permission: { role: 'admin' } }, async (req) =>
    revokeInvite({ ...ctx(req), id: req.params.id }),
  );

  // The token is sent in a body, not the path, so it stays out of logs and proxies.
  route(app, peopleApi.lookupInvite, { permission: 'public' }, async (req) =>
    lookupInvite(db, req.body.token),
  );

  route(app, peopleApi.acceptInvite, { permission: 'public' }, async (req, reply) => {
    const user = await acceptInvite(db, req.body);
    const actor = await startSession(db, config, reply, user);
    return reply.code(201).send(await loadMe(db, actor));
  });
}
