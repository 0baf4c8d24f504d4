import { IdParams } from '../../../shared/common.js';
import { CreatePlanTemplateBody, PlanTemplate, PlanTemplateList, PlanTemplateListQuery, SavePlanAsTemplateBody } from '../../../shared/plan-templates.js';
import { notFound } from '../../core/errors.js';
import { ctx, type App } from '../../core/http.js';
import { findTemplate, listTemplates } from './templates.js';
import { archiveTemplate, createTemplate, saveAsTemplate } from './templates.service.js';

const tags = ['plans'];

export function templateRoutes(app: App): void {
  app.get('/plan-templates', { config: { permission: 'signedIn' }, schema: { tags, summary: 'List the workspace’s plan templates', querystring: PlanTemplateListQuery, response: { 200: PlanTemplateList } } }, async (req) => {
    const { scope, actor } = ctx(req);
    return listTemplates(scope, actor, req.query);
  });

  app.post('/plan-templates', { config: { permission: 'signedIn' }, schema: { tags, summary: 'Create a plan template', body: CreatePlanTemplateBody, response: { 201: PlanTemplate } } }, async (req, reply) => {
    return reply.code(201).send(await createTemplate({ ...ctx(req), input: req.body }));
  });

  app.get('/plan-templates/:id', { config: { permission: 'signedIn' }, schema: { tags, summary: 'Get a plan template', params: IdParams, response: { 200: PlanTemplate } } }, async (req) => {
    const { scope, actor } = ctx(req);
    return (await findTemplate(scope, actor, req.params.id)) ?? Promise.reject(notFound('Plan template'));
  });

  app.post('/plan-templates/:id/archive', { config: { permission: { owns: 'plan-template' } }, schema: { tags, summary: 'Archive a plan template (plans made from it stay)', params: IdParams, response: { 200: PlanTemplate } } }, async (req) =>
    archiveTemplate({ ...ctx(req), id: req.params.id }),
  );

  app.post('/plans/:id/template', { config: { permission: 'signedIn' }, schema: { tags, summary: 'Save a plan as a template', params: IdParams, body: SavePlanAsTemplateBody, response: { 201: PlanTemplate } } }, async (req, reply) => {
    return reply.code(201).send(await saveAsTemplate({ ...ctx(req), planId: req.params.id, input: req.body }));
  });
}
