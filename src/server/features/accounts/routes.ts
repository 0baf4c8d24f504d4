import { Account, AccountList, AccountListQuery, CreateAccountBody, UpdateAccountBody } from '../../../shared/accounts.js';
import { AuditEventList, HistoryQuery } from '../../../shared/audit.js';
import { ArchiveBody, IdParams } from '../../../shared/common.js';
import { notFound } from '../../core/errors.js';
import { ctx, expectedVersion, type App } from '../../core/http.js';
import { listHistory } from '../audit/queries.js';
import { findAccount, listAccounts } from './queries.js';
import { createAccount, setAccountArchived, updateAccount } from './service.js';

const tags = ['accounts'];

export function accountRoutes(app: App): void {
  app.get('/accounts', { config: { permission: 'signedIn' }, schema: { tags, summary: 'List accounts', querystring: AccountListQuery, response: { 200: AccountList } } }, async (req) => {
    const { scope, actor } = ctx(req);
    return listAccounts(scope, actor, req.query);
  });

  app.post('/accounts', { config: { permission: 'signedIn' }, schema: { tags, summary: 'Create an account', body: CreateAccountBody, response: { 201: Account } } }, async (req, reply) => {
    return reply.code(201).send(await createAccount({ ...ctx(req), input: req.body }));
  });

  app.get('/accounts/:id', { config: { permission: 'signedIn' }, schema: { tags, summary: 'Get an account', params: IdParams, response: { 200: Account } } }, async (req) => {
    const { scope, actor } = ctx(req);
    return (await findAccount(scope, actor, req.params.id)) ?? Promise.reject(notFound('Account'));
  });

  app.patch('/accounts/:id', { config: { permission: { owns: 'account' } }, schema: { tags, summary: 'Change an account (send its version)', params: IdParams, body: UpdateAccountBody, response: { 200: Account } } }, async (req) => {
    const { version, ...input } = req.body;
    return updateAccount({ ...ctx(req), id: req.params.id, input, version: expectedVersion(req, version) });
  });

  app.post('/accounts/:id/archive', { config: { permission: { owns: 'account' } }, schema: { tags, summary: 'Archive an account', params: IdParams, body: ArchiveBody, response: { 200: Account } } }, async (req) =>
    setAccountArchived({ ...ctx(req), id: req.params.id, archived: true, version: expectedVersion(req, req.body?.version) }),
  );

  app.post('/accounts/:id/restore', { config: { permission: { owns: 'account' } }, schema: { tags, summary: 'Restore an archived account', params: IdParams, body: ArchiveBody, response: { 200: Account } } }, async (req) =>
    setAccountArchived({ ...ctx(req), id: req.params.id, archived: false, version: expectedVersion(req, req.body?.version) }),
  );

  app.get('/accounts/:id/history', { config: { permission: 'signedIn' }, schema: { tags, summary: 'Who changed the account, when, before and after', params: IdParams, querystring: HistoryQuery, response: { 200: AuditEventList } } }, async (req) => {
    const { scope } = ctx(req);
    const exists = await scope.selectFrom('accounts').select('id').where('accounts.id', '=', req.params.id).executeTakeFirst();
    if (!exists) throw notFound('Account');
    return listHistory(scope, req.params.id, req.query);
  });
}
