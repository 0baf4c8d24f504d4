import { z } from 'zod';
import { Me } from '../../../shared/auth.js';
import { endSession } from '../../core/auth/sessions.js';
import { AppError } from '../../core/errors.js';
import type { App } from '../../core/http.js';
import { startSession } from '../auth/routes.js';
import { loadMe } from '../auth/service.js';
import { demoVisitor } from './service.js';

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
}
