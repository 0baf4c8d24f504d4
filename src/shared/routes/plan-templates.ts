import { ArchiveBody, IdParams } from '../common.js';
import { CreatePlanTemplateBody, PlanTemplate, PlanTemplateList, PlanTemplateListQuery, SavePlanAsTemplateBody } from '../plan-templates.js';
import { defineRoutes } from './define.js';

const tags = ['plans'] as const;

export const planTemplatesApi = defineRoutes({
  listPlanTemplates: { tags, summary: 'List the workspace’s plan templates', query: PlanTemplateListQuery, response: { 200: PlanTemplateList } },
  createPlanTemplate: { tags, summary: 'Create a plan template', body: CreatePlanTemplateBody, response: { 201: PlanTemplate } },
  getPlanTemplate: { tags, summary: 'Get a plan template', params: IdParams, response: { 200: PlanTemplate } },
  archivePlanTemplate: { tags, summary: 'Archive a plan template (plans made from it stay; send the version you read)', params: IdParams, body: ArchiveBody, response: { 200: PlanTemplate }, errors: ['version_conflict'] },
  savePlanAsTemplate: { tags, summary: 'Save a plan as a template', params: IdParams, body: SavePlanAsTemplateBody, response: { 201: PlanTemplate } },
});
