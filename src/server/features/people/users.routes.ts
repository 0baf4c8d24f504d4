import { peopleApi } from '../../../shared/routes/people.js';
import { route } from '../../core/route.js';
import { ctx, expectedVersion, type App } from '../../core/http.js';
import { listHistory } from '../audit/queries.js';
import { deactivateUser } from './deactivate.js';
import { findUser, listUsers, updateUser } from './users.service.js';

export function userRoutes(app: App): void {
  route(app, peopleApi.listUsers, { permission: 'signedIn' }, async (req) => {
    const { scope, actor } = ctx(req);
    return listUsers(scope, actor, req.query.status);
  });

  route(app, peopleApi.getUser, { permission: 'signedIn' }, async (req) => {
    const { scope, actor } = ctx(req);
    return findUser(scope, actor, req.params.id);
  });

  route(app, peopleApi.updateUser, { permission: { owns: 'user' } }, async (req) => {
    const { version, ...input } = req.body;
    return updateUser({ ...ctx(req), id: req.params.id, input, version: expectedVersion(req, version) });
  });

  route(app, peopleApi.deactivateUser, { permission: { role: 'admin' } }, async (req) => {
    const { transferToId, version } = req.body;
    return deactivateUser({ ...ctx(req), id: req.params.id, transferToId, version: expectedVersion(req, version) });
  });

  route(app, peopleApi.listUserHistory, { permission: 'signedIn' }, async (req) => {
    const { scope, actor } = ctx(req);
    await findUser(scope, actor, req.params.id);
    return listHistory(scope, req.params.id, req.query);
  });
}
