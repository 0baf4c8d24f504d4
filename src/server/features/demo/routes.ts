import { authApi as api } from '../../../shared/routes/auth.js';
import { endSession } from '../../core/auth/sessions.js';
import { AppError } from '../../core/errors.js';
import { ctx, type App } from '../../core/http.js';
import { hit } from '../../core/limits.js';
import { route } from '../../core/route.js';
import { startSession } from '../auth/routes.js';
import { loadMe } from '../auth/service.js';
import { demoVisitor, resetDemo } from './service.js';

export function demoRoutes(app: App): void {
  const { db, config } = app;

  route(app, api.createDemoSession, { permission: 'public' }, async (req, reply) => {
    if (!config.demoEnabled) throw new AppError('not_found', 'The demo is not available on this server.');
    // Each visit writes a session (and may write the whole demo again): DEMO_SESSION_MAX_PER_IP_PER_HOUR.
    await hit(db, `demo-session-ip:${req.ip}`, config.demoSessionMaxPerIpPerHour, 3_600_000, 'Too many demo sessions started from this address. Please try again later.');
    const user = await demoVisitor(db);
    // Like sign-in: whatever session this browser had ends, and the demo gets a fresh one.
    if (req.actor) await endSession(db, req.actor.sessionId);
    const actor = await startSession(db, config, reply, user);
    return reply.code(201).send(await loadMe(db, actor));
  });

  // Any person of the demo workspace; every other workspace is refused (403) by resetDemo. Anyone
  // can be a demo visitor, and a reset writes the whole demo again and starts a session: it counts
  // against the same per-address allowance as starting a demo session.
  route(app, api.resetDemoWorkspace, { permission: 'signedIn' }, async (req, reply) => {
    const { actor } = ctx(req);
    await hit(db, `demo-session-ip:${req.ip}`, config.demoSessionMaxPerIpPerHour, 3_600_000, 'Too many demo resets and sessions from this address. Please try again later.');
    const user = await resetDemo(db, actor);
    // The old workspace (and its sessions) is gone: the visitor continues in the new one.
    const next = await startSession(db, config, reply, user);
    return reply.code(201).send(await loadMe(db, next));
  });
}
