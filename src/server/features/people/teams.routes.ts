import { AuditEventList, HistoryQuery } from '../../../shared/audit.js';
import { IdParams } from '../../../shared/common.js';
import { CreateTeamBody, Team, TeamList, UpdateTeamBody } from '../../../shared/people.js';
import { ctx, expectedVersion, type App } from '../../core/http.js';
import { listHistory } from '../audit/queries.js';
import { createTeam, findTeam, listTeams, updateTeam } from './teams.service.js';

const tags = ['people'];

export function teamRoutes(app: App): void {
  app.get('/teams', { config: { permission: 'signedIn' }, schema: { tags, summary: 'List teams with their manager and member count', response: { 200: TeamList } } }, async (req) => listTeams(ctx(req).scope));

  app.post('/teams', { config: { permission: { role: 'admin' } }, schema: { tags, summary: 'Create a team (admins)', body: CreateTeamBody, response: { 201: Team } } }, async (req, reply) =>
    reply.code(201).send(await createTeam({ ...ctx(req), input: req.body })),
  );

  app.patch('/teams/:id', { config: { permission: { role: 'admin' } }, schema: { tags, summary: 'Rename a team or change its manager (admins; send the version)', params: IdParams, body: UpdateTeamBody, response: { 200: Team } } }, async (req) => {
    const { version, ...input } = req.body;
    return updateTeam({ ...ctx(req), id: req.params.id, input, version: expectedVersion(req, version) });
  });

  app.get('/teams/:id/history', { config: { permission: 'signedIn' }, schema: { tags, summary: 'Who changed the team, when, before and after', params: IdParams, querystring: HistoryQuery, response: { 200: AuditEventList } } }, async (req) => {
    const { scope } = ctx(req);
    await findTeam(scope, req.params.id);
    return listHistory(scope, req.params.id, req.query);
  });
}
