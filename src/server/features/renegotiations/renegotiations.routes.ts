import { commitmentsApi } from '../../../shared/routes/commitments.js';
import { route } from '../../core/route.js';
import { ctx, type App } from '../../core/http.js';
import { answerNewDate, proposeNewDate } from './renegotiations.service.js';

/** New dates proposed with a reason, and their answers (the engine's re-dating: commitments/redate.ts). */
export function renegotiationRoutes(app: App): void {
  route(app, commitmentsApi.proposeNewDate, { permission: { owns: 'commitment' } }, async (req, reply) => {
    return reply.code(201).send(await proposeNewDate({ ...ctx(req), commitmentId: req.params.id, input: req.body }));
  });

  route(app, commitmentsApi.acceptNewDate, { permission: { owns: 'renegotiation' } }, async (req) =>
    answerNewDate({ ...ctx(req), id: req.params.id, accept: true, note: req.body?.note }),
  );

  route(app, commitmentsApi.declineNewDate, { permission: { owns: 'renegotiation' } }, async (req) =>
    answerNewDate({ ...ctx(req), id: req.params.id, accept: false, note: req.body?.note }),
  );
}
