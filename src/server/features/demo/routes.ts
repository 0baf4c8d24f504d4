import { z } from 'zod';
import { Me } from '../../../shared/auth.js';
import { NoBody } from '../../../shared/common.js';
import { endSession } from '../../core/auth/sessions.js';
import { AppError } from '../../core/errors.js';
import { ctx, type App } from '../../core/http.js';
import { startSession } from '../auth/routes.js';
import { loadMe } from '../auth/service.js';
import { demoVisitor, resetDemo } from './service.js';

export const DemoSessionBody = z.strictObject({}).optional();

export function demoRoutes(app: App): void {
  const { db, config } = app;

  app.post(
    '/demo/session',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['session'],
        summary: 'Explore the demo workspace: signs in as its sales manager (the workspace is created on first use)',
        body: DemoSessionBody,
        response: { 201: Me },
      },
    },
    async (req, reply) => {
      if (!config.demoEnabled) throw new AppError('not_found', 'The demo is not available on this server.');
      const user = await demoVisitor(db);
      // Like sign-in: whatever session this browser had ends, and the demo gets a fresh one.
      if (req.actor) await endSession(db, req.actor.sessionId);
      const actor = await startSession(db, config, reply, user);
      return reply.code(201).send(await loadMe(db, actor));
    },
  );

  app.post(
    '/demo/reset',
    {
      // Any person of the demo workspace; every other workspace is refused (403) by resetDemo.
      config: { permission: 'signedIn' },
      schema: {
        tags: ['session'],
        summary: 'Reset the demo workspace to its story as of today (demo workspace only; signs you in to the new one)',
        body: NoBody,
        response: { 201: Me },
      },
    },
    async (req, reply) => {
      const { actor } = ctx(req);
      const user = await resetDemo(db, actor);
      // The old workspace (and its sessions) is gone: the visitor continues in the new one.
      const next = await startSession(db, config, reply, user);
      return reply.code(201).send(await loadMe(db, next));
    },
  );
}
