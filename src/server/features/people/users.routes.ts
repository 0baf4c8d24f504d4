import { AuditEventList, HistoryQuery } from '../../../shared/audit.js';
import { IdParams } from '../../../shared/common.js';
import { DeactivateUserBody, UpdateUserBody, User, UserList, UserListQuery } from '../../../shared/people.js';
import { ctx, expectedVersion, type App } from '../../core/http.js';
import { listHistory } from '../audit/queries.js';
import { deactivateUser } from './deactivate.js';
import { findUser, listUsers, updateUser } from './users.service.js';

const tags = ['people'];

export function userRoutes(app: App): void {
  app.get('/users', { config: { permission: 'signedIn' }, schema: { tags, summary: 'List the people of the workspace, by name', querystring: UserListQuery, response: { 200: UserList } } }, async (req) => {
    const { scope, actor } = ctx(req);
    return listUsers(scope, actor, req.query.status);
  });

  app.get('/users/:id', { config: { permission: 'signedIn' }, schema: { tags, summary: 'Get a person', params: IdParams, response: { 200: User } } }, async (req) => {
    const { scope, actor } = ctx(req);
    return findUser(scope, actor, req.params.id);
  });

  app.patch(
    '/users/:id',
    { config: { permission: { owns: 'user' } }, schema: { tags, summary: 'Change a person (yourself: name and time zone; admins: also role and team). Send the version.', params: IdParams, body: UpdateUserBody, response: { 200: User } } },
    async (req) => {
      const { version, ...input } = req.body;
      return updateUser({ ...ctx(req), id: req.params.id, input, version: expectedVersion(req, version) });
    },
  );

  app.post(
    '/users/:id/deactivate',
    { config: { permission: { role: 'admin' } }, schema: { tags, summary: 'Deactivate a person: end their sessions and hand their accounts and opportunities to someone else', params: IdParams, body: DeactivateUserBody, response: { 200: User } } },
    async (req) => deactivateUser({ ...ctx(req), id: req.params.id, transferToId: req.body.transferToId }),
  );

  app.get('/users/:id/history', { config: { permission: 'signedIn' }, schema: { tags, summary: 'Who changed the person, when, before and after', params: IdParams, querystring: HistoryQuery, response: { 200: AuditEventList } } }, async (req) => {
    const { scope, actor } = ctx(req);
    await findUser(scope, actor, req.params.id);
    return listHistory(scope, req.params.id, req.query);
  });
}
