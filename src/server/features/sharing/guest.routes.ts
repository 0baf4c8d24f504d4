import { sharedPlanApi } from '../../../shared/routes/shared-plan.js';
import { route } from '../../core/route.js';
import type { App } from '../../core/http.js';
import { guestOf, guestPlan, logVisit, openForWrite } from './guest.js';
import { guestAddCommitment, guestAnswerDate, guestComment, guestProposeDate, guestSetState } from './guest.service.js';

// The token is the customer's key: never logged (core/route-rules.ts), however the URL is spelled.
const config = { permission: 'guest', secretParams: ['token'] } as const;

/**
 * The customer's API, reached with the share token alone (no session). Nothing here leads anywhere
 * but the token's plan. Responses are never cached, indexed or passed on as a referrer.
 */
export function guestRoutes(app: App): void {
  void app.register(async (guest: App) => {
    guest.addHook('onSend', async (_req, reply, payload) => {
      reply.header('referrer-policy', 'no-referrer');
      reply.header('x-robots-tag', 'noindex');
      reply.header('cache-control', 'no-store');
      return payload;
    });

    route(guest, sharedPlanApi.getSharedPlan, config, async (req) => {
      const g = guestOf(req);
      await logVisit(g);
      return guestPlan(g);
    });

    route(guest, sharedPlanApi.setSharedCommitmentState, config, async (req) =>
      guestSetState(await openForWrite(guestOf(req)), req.params.id, req.body.done),
    );

    route(guest, sharedPlanApi.proposeSharedNewDate, config, async (req, reply) =>
      reply.code(201).send(await guestProposeDate(await openForWrite(guestOf(req)), req.params.id, req.body)),
    );

    route(guest, sharedPlanApi.acceptSharedNewDate, config, async (req) =>
      guestAnswerDate(await openForWrite(guestOf(req)), req.params.id, true),
    );

    route(guest, sharedPlanApi.declineSharedNewDate, config, async (req) =>
      guestAnswerDate(await openForWrite(guestOf(req)), req.params.id, false),
    );

    route(guest, sharedPlanApi.createSharedComment, config, async (req, reply) =>
      reply.code(201).send(await guestComment(await openForWrite(guestOf(req)), req.body.body, { perPlanPerDay: req.server.config.guestCommentsPerPlanPerDay })),
    );

    route(guest, sharedPlanApi.createSharedCommitment, config, async (req, reply) =>
      reply.code(201).send(await guestAddCommitment(await openForWrite(guestOf(req)), req.body, { perPlanPerDay: req.server.config.guestCommitmentsPerPlanPerDay })),
    );
  });
}
