import { planTemplatesApi } from '../../../shared/routes/plan-templates.js';
import { route } from '../../core/route.js';
import { notFound } from '../../core/errors.js';
import { ctx, expectedVersion, type App } from '../../core/http.js';
import { findTemplate, listTemplates } from './templates.js';
import { archiveTemplate, createTemplate, saveAsTemplate } from './templates.service.js';

export function templateRoutes(app: App): void {
  route(app, planTemplatesApi.listPlanTemplates, { permission: 'signedIn' }, async (req) => {
    const { scope, actor } = ctx(req);
    return listTemplates(scope, actor, req.query);
  });

  route(app, planTemplatesApi.createPlanTemplate, { permission: 'signedIn' }, async (req, reply) => {
    return reply.code(201).send(await createTemplate({ ...ctx(req), input: req.body }));
  });

  route(app, planTemplatesApi.getPlanTemplate, { permission: 'signedIn' }, async (req) => {
    const { scope, actor } = ctx(req);
    return (await findTemplate(scope, actor, req.params.id)) ?? Promise.reject(notFound('Plan template'));
  });

  route(app, planTemplatesApi.archivePlanTemplate, { permission: { owns: 'plan-template' } }, async (req) =>
    archiveTemplate({ ...ctx(req), id: req.params.id, version: expectedVersion(req, req.body?.version) }),
  );

  route(app, planTemplatesApi.savePlanAsTemplate, { permission: 'signedIn' }, async (req, reply) => {
    return reply.code(201).send(await saveAsTemplate({ ...ctx(req), planId: req.params.id, input: req.body }));
  });
}
