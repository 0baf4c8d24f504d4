import { IdParams } from '../../../shared/common.js';
import {
  AnswerRenegotiationBody,
  Commitment,
  CreateCommitmentBody,
  CreateRenegotiationBody,
  PlanLayoutBody,
  RenegotiationResult,
  UpdateCommitmentBody,
} from '../../../shared/commitments.js';
import { Plan } from '../../../shared/plans.js';
import { ctx, expectedVersion, type App } from '../../core/http.js';
import { createCommitment, getCommitment, updateCommitment } from './commitments.service.js';
import { setPlanLayout } from './layout.service.js';
import { answerNewDate, proposeNewDate } from './renegotiations.service.js';

const tags = ['plans'];

export function commitmentRoutes(app: App): void {
  app.post('/plans/:id/commitments', { config: { permission: { owns: 'plan' } }, schema: { tags, summary: 'Add a commitment (seller or customer side)', params: IdParams, body: CreateCommitmentBody, response: { 201: Commitment } } }, async (req, reply) => {
    return reply.code(201).send(await createCommitment({ ...ctx(req), planId: req.params.id, input: req.body }));
  });

  app.post('/plans/:id/layout', { config: { permission: { owns: 'plan' } }, schema: { tags, summary: 'Reorder milestones and commitments and move commitments between milestones, in one go', params: IdParams, body: PlanLayoutBody, response: { 200: Plan } } }, async (req) =>
    setPlanLayout({ ...ctx(req), planId: req.params.id, input: req.body }),
  );

  app.get('/commitments/:id', { config: { permission: 'signedIn' }, schema: { tags, summary: 'Get a commitment with its date history', params: IdParams, response: { 200: Commitment } } }, async (req) => {
    const { scope, actor } = ctx(req);
    return getCommitment(scope, actor, req.params.id);
  });

  app.patch('/commitments/:id', { config: { permission: { owns: 'commitment' } }, schema: { tags, summary: 'Change a commitment or its status (send its version); due dates change through renegotiations', params: IdParams, body: UpdateCommitmentBody, response: { 200: Commitment } } }, async (req) => {
    const { version, ...input } = req.body;
    return updateCommitment({ ...ctx(req), id: req.params.id, input, version: expectedVersion(req, version) });
  });

  app.post('/commitments/:id/renegotiations', { config: { permission: { owns: 'commitment' } }, schema: { tags, summary: 'Propose a new due date, with a reason', params: IdParams, body: CreateRenegotiationBody, response: { 201: RenegotiationResult } } }, async (req, reply) => {
    return reply.code(201).send(await proposeNewDate({ ...ctx(req), commitmentId: req.params.id, input: req.body }));
  });

  app.post('/renegotiations/:id/accept', { config: { permission: { owns: 'renegotiation' } }, schema: { tags, summary: 'Accept a new date the customer proposed', params: IdParams, body: AnswerRenegotiationBody, response: { 200: RenegotiationResult } } }, async (req) =>
    answerNewDate({ ...ctx(req), id: req.params.id, accept: true, note: req.body?.note }),
  );

  app.post('/renegotiations/:id/decline', { config: { permission: { owns: 'renegotiation' } }, schema: { tags, summary: 'Decline a new date the customer proposed (the original date stands)', params: IdParams, body: AnswerRenegotiationBody, response: { 200: RenegotiationResult } } }, async (req) =>
    answerNewDate({ ...ctx(req), id: req.params.id, accept: false, note: req.body?.note }),
  );
}
