import type { FastifyReply } from 'fastify';
import { authApi as api } from '../../../shared/routes/auth.js';
import { cookieName, createSession, endSession } from '../../core/auth/sessions.js';
import type { Config } from '../../core/config.js';
import type { Db } from '../../core/db/connect.js';
import { ctx, type App } from '../../core/http.js';
import { limitSignUp } from '../../core/limits.js';
import { route } from '../../core/route.js';
import { resolveSession } from '../../core/auth/sessions.js';
import { hasAnyWorkspace, loadMe, signIn, signUp } from './service.js';

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

export function authRoutes(app: App): void {
  const { db, config } = app;

  route(app, api.getSetupStatus, { permission: 'public' }, async (req) => ({
    hasWorkspaces: await hasAnyWorkspace(db),
    demoEnabled: config.demoEnabled,
    signedIn: req.actor !== null,
  }));

  route(app, api.createWorkspace, { permission: 'public' }, async (req, reply) => {
    await limitSignUp(db, config, req.ip);
    const { userId, workspaceId } = await signUp(db, req.body);
    const actor = await startSession(db, config, reply, { id: userId, workspace_id: workspaceId });
    return reply.code(201).send(await loadMe(db, actor));
  });

  route(app, api.createSession, { permission: 'public' }, async (req, reply) => {
    const user = await signIn(db, config, req.body.email, req.body.password, req.ip);
    // A previous session on this browser ends: sign-in always gets a fresh id.
    if (req.actor) await endSession(db, req.actor.sessionId);
    const actor = await startSession(db, config, reply, user);
    return reply.code(201).send(await loadMe(db, actor));
  });

  route(app, api.getSession, { permission: 'signedIn' }, async (req) => loadMe(db, ctx(req).actor));

  route(app, api.deleteSession, { permission: 'signedIn' }, async (req, reply) => {
    await endSession(db, ctx(req).actor.sessionId);
    reply.clearCookie(cookieName(config), { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies });
    return reply.code(204).send(null);
  });
}
