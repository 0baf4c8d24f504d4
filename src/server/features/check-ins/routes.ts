import { checkInsApi } from '../../../shared/routes/check-ins.js';
import { ctx, expectedVersion, type App } from '../../core/http.js';
import { route } from '../../core/route.js';
import { addCoachingRung, closeCoaching, startCoaching } from './coaching.js';
import { listCheckIns, presentCheckIn } from './queries.js';
import { createSeries, findSeries, listSeries, updateSeries } from './series.js';
import { addAction, addNote, openCheckIn, saveAnswers, updateCheckIn, updateNote } from './service.js';
import { getTemplate, updateTemplate } from './template.js';

export function checkInRoutes(app: App): void {
  route(app, checkInsApi.getCheckInTemplate, { permission: 'signedIn' }, async (req) => {
    const { scope, actor } = ctx(req);
    return getTemplate(scope, actor);
  });

  route(app, checkInsApi.updateCheckInTemplate, { permission: { role: 'admin' } }, async (req) =>
    // The body's version may be 0 (the built-in questions); an If-Match sent beside it must agree.
    updateTemplate({ ...ctx(req), input: { ...req.body, version: expectedVersion(req, req.body.version) ?? req.body.version } }),
  );

  route(app, checkInsApi.listCheckInSeries, { permission: 'signedIn' }, async (req) => {
    const { scope, actor } = ctx(req);
    return listSeries(scope, actor, req.query.status);
  });

  route(app, checkInsApi.createCheckInSeries, { permission: { owns: 'check-in-setup', field: 'repId' } }, async (req, reply) => {
    return reply.code(201).send(await createSeries({ ...ctx(req), input: req.body }));
  });

  route(app, checkInsApi.getCheckInSeries, { permission: 'signedIn' }, async (req) => {
    const { scope, actor } = ctx(req);
    return findSeries(scope, actor, req.params.id);
  });

  route(app, checkInsApi.updateCheckInSeries, { permission: { owns: 'check-in-series' } }, async (req) => {
    const { version, ...input } = req.body;
    return updateSeries({ ...ctx(req), id: req.params.id, input, version: expectedVersion(req, version) });
  });

  route(app, checkInsApi.openCheckIn, { permission: { owns: 'check-in-series-attend' } }, async (req) => openCheckIn({ ...ctx(req), seriesId: req.params.id, input: req.body }));

  route(app, checkInsApi.listCheckIns, { permission: 'signedIn' }, async (req) => {
    const { scope, actor } = ctx(req);
    return listCheckIns(scope, actor, req.query);
  });

  route(app, checkInsApi.getCheckIn, { permission: 'signedIn' }, async (req) => {
    const { scope, actor } = ctx(req);
    return presentCheckIn(scope, actor, req.params.id);
  });

  route(app, checkInsApi.updateCheckIn, { permission: { owns: 'check-in-manage' } }, async (req) => {
    const { version, ...input } = req.body;
    return updateCheckIn({ ...ctx(req), id: req.params.id, input, version: expectedVersion(req, version) });
  });

  route(app, checkInsApi.saveCheckInAnswers, { permission: { owns: 'check-in-answers' } }, async (req) => {
    const { version, ...input } = req.body;
    return saveAnswers({ ...ctx(req), id: req.params.id, input, version: expectedVersion(req, version) });
  });

  route(app, checkInsApi.createCheckInNote, { permission: { owns: 'check-in-manage' } }, async (req, reply) => {
    return reply.code(201).send(await addNote({ ...ctx(req), id: req.params.id, input: req.body }));
  });

  route(app, checkInsApi.updateCheckInNote, { permission: { owns: 'check-in-note' } }, async (req) => {
    const { version, ...input } = req.body;
    return updateNote({ ...ctx(req), id: req.params.id, input, version: expectedVersion(req, version) });
  });

  route(app, checkInsApi.createCheckInAction, { permission: { owns: 'check-in' } }, async (req, reply) => {
    return reply.code(201).send(await addAction({ ...ctx(req), id: req.params.id, input: req.body }));
  });

  route(app, checkInsApi.startCheckInCoaching, { permission: { owns: 'check-in-manage' } }, async (req, reply) => {
    return reply.code(201).send(await startCoaching({ ...ctx(req), id: req.params.id, input: req.body }));
  });

  route(app, checkInsApi.addCheckInCoachingRung, { permission: { owns: 'check-in-manage' } }, async (req) =>
    addCoachingRung({ ...ctx(req), id: req.params.id, input: { ...req.body, version: expectedVersion(req, req.body.version) } }),
  );

  route(app, checkInsApi.closeCheckInCoaching, { permission: { owns: 'check-in-manage' } }, async (req) =>
    closeCoaching({ ...ctx(req), id: req.params.id, input: { ...req.body, version: expectedVersion(req, req.body.version) } }),
  );
}
