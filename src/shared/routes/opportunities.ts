import { AuditEventList, HistoryQuery } from '../audit.js';
import { ArchiveBody, IdParams } from '../common.js';
import { CreateOpportunityBody, Opportunity, OpportunityList, OpportunityListQuery, UpdateOpportunityBody } from '../opportunities.js';
import { defineRoutes } from './define.js';

const tags = ['opportunities'] as const;

export const opportunitiesApi = defineRoutes({
  listOpportunities: { tags, summary: 'List opportunities', query: OpportunityListQuery, response: { 200: OpportunityList } },
  createOpportunity: {
    tags,
    summary: 'Create an opportunity',
    description: 'An open deal’s close date is today or later where the person creating it is (422 `date_in_past`); a deal recorded as won or lost may have closed earlier. With the workspace’s stage gate on, creating a deal in the gate stage or a later one is refused (409 `qualification_required`): a new deal has no evidenced commitment to change yet.',
    body: CreateOpportunityBody,
    response: { 201: Opportunity },
    errors: ['forbidden', 'qualification_required', 'date_in_past'],
  },
  getOpportunity: { tags, summary: 'Get an opportunity', params: IdParams, response: { 200: Opportunity } },
  updateOpportunity: {
    tags,
    summary: 'Change an opportunity (send its version)',
    description:
      'A new close date of a deal that stays or becomes open is today or later where the person editing is (422 `date_in_past`); an unchanged one passes. With the workspace’s stage gate on, moving the deal forwards into the gate stage or a later one without an evidenced commitment to change is refused (409 `qualification_required`, `error.details` naming `changeCommitment`) and changes nothing. Moving backwards, and changing other fields of a deal already past the gate, are not refused.',
    params: IdParams,
    body: UpdateOpportunityBody,
    response: { 200: Opportunity },
    errors: ['qualification_required', 'date_in_past'],
  },
  archiveOpportunity: { tags, summary: 'Archive an opportunity', params: IdParams, body: ArchiveBody, response: { 200: Opportunity } },
  restoreOpportunity: { tags, summary: 'Restore an archived opportunity', params: IdParams, body: ArchiveBody, response: { 200: Opportunity } },
  listOpportunityHistory: { tags, summary: 'Who changed the opportunity, when, before and after', params: IdParams, query: HistoryQuery, response: { 200: AuditEventList } },
});
