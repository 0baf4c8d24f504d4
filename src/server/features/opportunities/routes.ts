import { AuditEventList, HistoryQuery } from '../../../shared/audit.js';
import { ArchiveBody, IdParams } from '../../../shared/common.js';
import { CreateOpportunityBody, Opportunity, OpportunityList, OpportunityListQuery, UpdateOpportunityBody } from '../../../shared/opportunities.js';
import { notFound } from '../../core/errors.js';
import { ctx, expectedVersion, type App } from '../../core/http.js';
import { listHistory } from '../audit/queries.js';
import { findOpportunity, listOpportunities } from './queries.js';
import { createOpportunity, setOpportunityArchived, updateOpportunity } from './service.js';

const tags = ['opportunities'];

export function opportunityRoutes(app: App): void {
  app.get('/opportunities', { config: { permission: 'signedIn' }, schema: { tags, summary: 'List opportunities', querystring: OpportunityListQuery, response: { 200: OpportunityList } } }, async (req) => {
    const { scope, actor } = ctx(req);
    return listOpportunities(scope, actor, req.query);
  });

  app.post('/opportunities', { config: { permission: 'signedIn' }, schema: { tags, summary: 'Create an opportunity', body: CreateOpportunityBody, response: { 201: Opportunity } } }, async (req, reply) => {
    return reply.code(201).send(await createOpportunity({ ...ctx(req), input: req.body }));
  });

  app.get('/opportunities/:id', { config: { permission: 'signedIn' }, schema: { tags, summary: 'Get an opportunity', params: IdParams, response: { 200: Opportunity } } }, async (req) => {
    const { scope, actor } = ctx(req);
    return (await findOpportunity(scope, actor, req.params.id)) ?? Promise.reject(notFound('Opportunity'));
  });

  app.patch('/opportunities/:id', { config: { permission: { owns: 'opportunity' } }, schema: { tags, summary: 'Change an opportunity (send its version)', params: IdParams, body: UpdateOpportunityBody, response: { 200: Opportunity } } }, async (req) => {
    const { version, ...input } = req.body;
    return updateOpportunity({ ...ctx(req), id: req.params.id, input, version: expectedVersion(req, version) });
  });

  app.post('/opportunities/:id/archive', { config: { permission: { owns: 'opportunity' } }, schema: { tags, summary: 'Archive an opportunity', params: IdParams, body: ArchiveBody, response: { 200: Opportunity } } }, async (req) =>
    setOpportunityArchived({ ...ctx(req), id: req.params.id, archived: true, version: expectedVersion(req, req.body?.version) }),
  );

  app.post('/opportunities/:id/restore', { config: { permission: { owns: 'opportunity' } }, schema: { tags, summary: 'Restore an archived opportunity', params: IdParams, body: ArchiveBody, response: { 200: Opportunity } } }, async (req) =>
    setOpportunityArchived({ ...ctx(req), id: req.params.id, archived: false, version: expectedVersion(req, req.body?.version) }),
  );

  app.get('/opportunities/:id/history', { config: { permission: 'signedIn' }, schema: { tags, summary: 'Who changed the opportunity, when, before and after', params: IdParams, querystring: HistoryQuery, response: { 200: AuditEventList } } }, async (req) => {
    const { scope } = ctx(req);
    const exists = await scope.selectFrom('opportunities').select('id').where('opportunities.id', '=', req.params.id).executeTakeFirst();
    if (!exists) throw notFound('Opportunity');
    return listHistory(scope, req.params.id, req.query);
  });
}
