import { peopleApi } from '../../../shared/routes/people.js';
import { route } from '../../core/route.js';
import { AppError } from '../../core/errors.js';
import { ctx, type App } from '../../core/http.js';
import { hit, limitOutcomes } from '../../core/limits.js';
import { replaceSession } from '../auth/routes.js';
import { loadMe } from '../auth/service.js';
import { acceptInvite, createInvite, listInvites, lookupInvite, revokeInvite } from './invites.service.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export function inviteRoutes(app: App): void {
  const { db, config } = app;

  /**
   * Invite links that do not work (unknown, expired, revoked, used: the 404) from one IP address:
   * past INVITE_TOKEN_MAX_FAILURES_PER_IP in 15 minutes, every invite link from there gets 429 before
   * it is looked up — a right one too, so the refusal tells nothing. The invitee opening their link
   * again, or retrying a refused password, uses none of it.
   */
  const limitTokenFailures = <T>(ip: string, work: () => Promise<T>) =>
    limitOutcomes(
      db,
      { bucket: `invite-token-ip:${ip}`, limit: config.inviteTokenMaxFailuresPerIp, windowMs: 15 * MINUTE, message: 'Too many invite links that do not work from this address. Please wait a few minutes.' },
      (o) => !o.ok && o.error instanceof AppError && o.error.code === 'not_found',
      work,
    );

  route(app, peopleApi.createInvite, { permission: { role: 'admin' } }, async (req, reply) => {
    // Counted before anything is checked, refusals (someone already in this workspace) included.
    await hit(db, `invites-workspace:${ctx(req).actor.workspaceId}`, config.invitesMaxPerWorkspacePerHour, HOUR, 'This workspace created many invites in the last hour. Please try again later.');
    const baseUrl = config.publicUrl ?? `${req.protocol}://${req.host}`;
    return reply.code(201).send(await createInvite({ ...ctx(req), input: req.body, baseUrl, ttlMs: config.inviteTtlMs, sendsMail: !!config.mail.smtpUrl }));
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
    limitTokenFailures(req.ip, () => lookupInvite(db, req.body.token)),
  );

  route(app, peopleApi.acceptInvite, { permission: 'public' }, async (req, reply) => {
    const user = await limitTokenFailures(req.ip, () => acceptInvite(db, req.body));
    // A browser signed in as someone else: that session ends, as at sign-in.
    const actor = await replaceSession(db, config, req, reply, user);
    return reply.code(201).send(await loadMe(db, actor));
  });
}
