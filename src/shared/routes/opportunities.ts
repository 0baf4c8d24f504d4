import { AuditEventList, HistoryQuery } from '../audit.js';
import { ArchiveBody, IdParams } from '../common.js';
import { CreateOpportunityBody, Opportunity, OpportunityList, OpportunityListQuery, UpdateOpportunityBody } from '../opportunities.js';
import { defineRoutes } from './define.js';

const tags = ['opportunities'] as const;

export const opportunitiesApi = defineRoutes({
  listOpportunities: { tags, summary: 'List opportunities', query: OpportunityListQuery, response: { 200: OpportunityList } },
  createOpportunity: { tags, summary: 'Create an opportunity', body: CreateOpportunityBody, response: { 201: Opportunity }, errors: ['forbidden'] },
  getOpportunity: { tags, summary: 'Get an opportunity', params: IdParams, response: { 200: Opportunity } },
  updateOpportunity: { tags, summary: 'Change an opportunity (send its version)', params: IdParams, body: UpdateOpportunityBody, response: { 200: Opportunity } },
  archiveOpportunity: { tags, summary: 'Archive an opportunity', params: IdParams, body: ArchiveBody, response: { 200: Opportunity } },
  restoreOpportunity: { tags, summary: 'Restore an archived opportunity', params: IdParams, body: ArchiveBody, response: { 200: Opportunity } },
  listOpportunityHistory: { tags, summary: 'Who changed the opportunity, when, before and after', params: IdParams, query: HistoryQuery, response: { 200: AuditEventList } },
});
