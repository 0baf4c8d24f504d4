import { AuditEventList, HistoryQuery } from '../audit.js';
import { ArchiveBody, IdParams } from '../common.js';
import { CreateOpportunityBody, Opportunity, OpportunityList, OpportunityListQuery, UpdateOpportunityBody } from '../opportunities.js';
import { defineRoutes } from './define.js';

const tags = ['opportunities'] as const;

export const opportunitiesApi = defineRoutes({
  listOpportunities: {
    method: 'GET',
    path: '/api/v1/opportunities',
    tags,
    summary: 'List opportunities',
    query: OpportunityListQuery,
    response: { 200: OpportunityList },
  },
  createOpportunity: {
    method: 'POST',
    path: '/api/v1/opportunities',
    tags,
    summary: 'Create an opportunity',
    body: CreateOpportunityBody,
    response: { 201: Opportunity },
    errors: ['forbidden'],
  },
  getOpportunity: { method: 'GET', path: '/api/v1/opportunities/:id', tags, summary: 'Get an opportunity', params: IdParams, response: { 200: Opportunity } },
  updateOpportunity: {
    method: 'PATCH',
    path: '/api/v1/opportunities/:id',
    tags,
    summary: 'Change an opportunity (send its version)',
    params: IdParams,
    body: UpdateOpportunityBody,
    response: { 200: Opportunity },
  },
  archiveOpportunity: {
    method: 'POST',
    path: '/api/v1/opportunities/:id/archive',
    tags,
    summary: 'Archive an opportunity',
    params: IdParams,
    body: ArchiveBody,
    response: { 200: Opportunity },
  },
  restoreOpportunity: {
    method: 'POST',
    path: '/api/v1/opportunities/:id/restore',
    tags,
    summary: 'Restore an archived opportunity',
    params: IdParams,
    body: ArchiveBody,
    response: { 200: Opportunity },
  },
  listOpportunityHistory: {
    method: 'GET',
    path: '/api/v1/opportunities/:id/history',
    tags,
    summary: 'Who changed the opportunity, when, before and after',
    params: IdParams,
    query: HistoryQuery,
    response: { 200: AuditEventList },
  },
});
