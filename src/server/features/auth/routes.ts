import type { FastifyReply, FastifyRequest } from 'fastify';
import { authApi as api } from '../../../shared/routes/auth.js';
import { cookieName, createSession, endSession } from '../../core/auth/sessions.js';
import type { Config } from '../../core/config.js';
import type { Db } from '../../core/db/connect.js';
import { ctx, type App } from '../../core/http.js';
import { limitSignUp } from '../../core/limits.js';
import { route } from '../../core/route.js';
import { resolveSession } from '../../core/auth/sessions.js';
import { hasAnyWorkspace, loadMe, signIn, signUp } from './service.js';
import { assertSignUpByEmail, completePasswordReset, confirmSignUp, limitTokenTries, lookupPasswordReset, requestPasswordReset, requestSignUp } from './email-accounts.js';
import { ruleViolation } from '../../core/errors.js';
import { changePassword, endOtherSessions } from './account-security.js';

export async function startSession(db: Db, config: Config, reply: FastifyReply, user: { id: string; workspace_id: string }) {
  const { token, expiresAt } = await createSession(db, config, user);
  reply.setCookie(cookieName(config), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    expires: expiresAt,
  });
  const actor = await resolveSession(db, config, token);
  if (!actor) throw new Error('session vanished right after creation');
  return actor;
}

/**
 * Signs this browser in as `user`, ending the session it had (someone else's, or the same person's):
 * sign-in, sign-up and its confirmation, accepting an invite. The old cookie's session must not
 * outlive the cookie the browser just lost.
 */
export async function replaceSession(db: Db, config: Config, req: FastifyRequest, reply: FastifyReply, user: { id: string; workspace_id: string }) {
  if (req.actor) await endSession(db, req.actor.sessionId);
  return startSession(db, config, reply, user);
}

export function authRoutes(app: App): void {
  const { db, config } = app;

  route(app, api.getSetupStatus, { permission: 'public' }, async (req) => ({
    hasWorkspaces: await hasAnyWorkspace(db),
    demoEnabled: config.demoEnabled,
    signedIn: req.actor !== null,
    signUpByEmail: !!config.mail.smtpUrl,
  }));

  // Where the links of a mail an anonymous caller asks for point: PUBLIC_URL, never the request's
  // Host, which the caller writes — or a password reset mailed to someone else would carry a link to
  // the caller's site with the real token in it. Without PUBLIC_URL (development) the mail keeps no
  // address and shows its links at the address the development mail page is read at.
  const mailBaseUrl = config.publicUrl ?? null;

  route(app, api.createWorkspace, { permission: 'public' }, async (req, reply) => {
    // With mail, addresses are confirmed first — and sign-up must not tell who has an account.
    if (config.mail.smtpUrl) throw ruleViolation('This server confirms addresses by email: sign up with POST /api/v1/signup-requests.');
    // Counts the workspace once created; refused before any work when this address's quota is used.
    const { userId, workspaceId } = await limitSignUp(db, config, req.ip, () => signUp(db, req.body));
    const actor = await replaceSession(db, config, req, reply, { id: userId, workspace_id: workspaceId });
    return reply.code(201).send(await loadMe(db, actor));
  });

  route(app, api.requestSignUp, { permission: 'public' }, async (req, reply) => {
    // Without mail this route is closed, and its refusal uses none of the sign-up quota.
    assertSignUpByEmail(config);
    // Every request answered counts, whatever the address: the quota must not tell whether it has an account.
    const sent = await limitSignUp(db, config, req.ip, () => requestSignUp(db, config, { ...req.body, baseUrl: mailBaseUrl }));
    return reply.code(202).send(sent);
  });

  route(app, api.confirmSignUp, { permission: 'public' }, async (req, reply) => {
    await limitTokenTries(db, req.ip);
    const { userId, workspaceId } = await confirmSignUp(db, req.body.token);
    const actor = await replaceSession(db, config, req, reply, { id: userId, workspace_id: workspaceId });
    return reply.code(201).send(await loadMe(db, actor));
  });

  route(app, api.requestPasswordReset, { permission: 'public' }, async (req, reply) =>
    reply.code(202).send(await requestPasswordReset(db, config, { email: req.body.email, ip: req.ip, baseUrl: mailBaseUrl })),
  );

  route(app, api.lookupPasswordReset, { permission: 'public' }, async (req) => {
    await limitTokenTries(db, req.ip);
    return lookupPasswordReset(db, req.body.token);
  });

  route(app, api.completePasswordReset, { permission: 'public' }, async (req, reply) => {
    await limitTokenTries(db, req.ip);
    await completePasswordReset(db, req.body);
    return reply.code(204).send(null);
  });

  route(app, api.createSession, { permission: 'public' }, async (req, reply) => {
    const user = await signIn(db, config, req.body.email, req.body.password, req.ip);
    // A previous session on this browser ends: sign-in always gets a fresh id.
    const actor = await replaceSession(db, config, req, reply, user);
    return reply.code(201).send(await loadMe(db, actor));
  });

  route(app, api.getSession, { permission: 'signedIn', withProfile: true }, async (req) => loadMe(db, ctx(req).actor, req.profile));

  route(app, api.deleteSession, { permission: 'signedIn', sessionOnly: true }, async (req, reply) => {
    await endSession(db, ctx(req).actor.sessionId);
    reply.clearCookie(cookieName(config), { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies });
    return reply.code(204).send(null);
  });

  // Account security: a signed-in session only, never an API token (a token must not change the
  // password nor sign its person out). Every session of the person ends, this one too: the browser
  // that changed the password continues in a fresh session. The notice mail's link points at
  // PUBLIC_URL only, never at the Host the request names.
  route(app, api.changePassword, { permission: 'signedIn', sessionOnly: true }, async (req, reply) => {
    const { actor } = ctx(req);
    await changePassword(db, config, { actor, ip: req.ip, body: req.body, baseUrl: mailBaseUrl });
    await startSession(db, config, reply, { id: actor.id, workspace_id: actor.workspaceId });
    return reply.code(204).send(null);
  });

  route(app, api.endOtherSessions, { permission: 'signedIn', sessionOnly: true }, async (req) => endOtherSessions(db, config, ctx(req).actor));
}
