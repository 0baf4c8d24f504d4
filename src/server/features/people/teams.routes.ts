import { peopleApi } from '../../../shared/routes/people.js';
import { route } from '../../core/route.js';
import { ctx, expectedVersion, type App } from '../../core/http.js';
import { listHistory } from '../audit/queries.js';
import { createTeam, findTeam, listTeams, updateTeam } from './teams.service.js';

export function teamRoutes(app: App): void {
  route(app, peopleApi.listTeams, { permission: 'signedIn' }, async (req) => listTeams(ctx(req).scope));

  route(app, peopleApi.createTeam, { permission: { role: 'admin' } }, async (req, reply) =>
    reply.code(201).send(await createTeam({ ...ctx(req), input: req.body })),
  );

  route(app, peopleApi.updateTeam, { permission: { role: 'admin' } }, async (req) => {
    const { version, ...input } = req.body;
    return updateTeam({ ...ctx(req), id: req.params.id, input, version: expectedVersion(req, version) });
  });

  route(app, peopleApi.listTeamHistory, { permission: 'signedIn' }, async (req) => {
    const { scope } = ctx(req);
    await findTeam(scope, req.params.id);
    return listHistory(scope, req.params.id, req.query);
  });
}
