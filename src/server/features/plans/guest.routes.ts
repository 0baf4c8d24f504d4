import {
  GuestCommitment,
  GuestCreateCommitmentBody,
  GuestPlan,
  GuestRenegotiationBody,
  GuestSetStateBody,
  CreateCommentBody,
  PlanComment,
  TokenIdParams,
  TokenParams,
} from '../../../shared/plan-sharing.js';
import type { App } from '../../core/http.js';
import { guestOf, guestPlan, logVisit, openForWrite } from './guest.js';
import { guestAddCommitment, guestAnswerDate, guestComment, guestProposeDate, guestSetState } from './guest.service.js';

const tags = ['shared plan (customer)'];
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

    guest.get('/shared/:token', { config, schema: { tags, summary: 'The shared plan, as its customer sees it', params: TokenParams, response: { 200: GuestPlan } } }, async (req) => {
      const g = guestOf(req);
      await logVisit(g);
      return guestPlan(g);
    });

    guest.post('/shared/:token/commitments/:id/state', { config, schema: { tags, summary: 'Mark a customer-side commitment done or not done (safe to retry)', params: TokenIdParams, body: GuestSetStateBody, response: { 200: GuestCommitment } } }, async (req) =>
      guestSetState(await openForWrite(guestOf(req)), req.params.id, req.body.done),
    );

    guest.post('/shared/:token/commitments/:id/renegotiations', { config, schema: { tags, summary: 'Propose a new date, with a reason (the seller side answers)', params: TokenIdParams, body: GuestRenegotiationBody, response: { 201: GuestCommitment } } }, async (req, reply) =>
      reply.code(201).send(await guestProposeDate(await openForWrite(guestOf(req)), req.params.id, req.body)),
    );

    guest.post('/shared/:token/renegotiations/:id/accept', { config, schema: { tags, summary: 'Accept a new date the seller side proposed for your commitment', params: TokenIdParams, response: { 200: GuestCommitment } } }, async (req) =>
      guestAnswerDate(await openForWrite(guestOf(req)), req.params.id, true),
    );

    guest.post('/shared/:token/renegotiations/:id/decline', { config, schema: { tags, summary: 'Decline a new date the seller side proposed (your date stands)', params: TokenIdParams, response: { 200: GuestCommitment } } }, async (req) =>
      guestAnswerDate(await openForWrite(guestOf(req)), req.params.id, false),
    );

    guest.post('/shared/:token/comments', { config, schema: { tags, summary: 'Comment on the plan', params: TokenParams, body: CreateCommentBody, response: { 201: PlanComment } } }, async (req, reply) =>
      reply.code(201).send(await guestComment(await openForWrite(guestOf(req)), req.body.body, { perPlanPerDay: req.server.config.guestCommentsPerPlanPerDay })),
    );

    guest.post('/shared/:token/commitments', { config, schema: { tags, summary: 'Take on a customer-side commitment', params: TokenParams, body: GuestCreateCommitmentBody, response: { 201: GuestCommitment } } }, async (req, reply) =>
      reply.code(201).send(await guestAddCommitment(await openForWrite(guestOf(req)), req.body)),
    );
  });
}
