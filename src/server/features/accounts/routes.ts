import { accountsApi as api } from '../../../shared/routes/accounts.js';
import { notFound } from '../../core/errors.js';
import { ctx, expectedVersion, type App } from '../../core/http.js';
import { route } from '../../core/route.js';
import { listHistory } from '../audit/queries.js';
import { findAccount, listAccounts } from './queries.js';
import { createAccount, setAccountArchived, updateAccount } from './service.js';

export function accountRoutes(app: App): void {
  route(app, api.listAccounts, { permission: 'signedIn' }, async (req) => {
    const { scope, actor } = ctx(req);
    return listAccounts(scope, actor, req.query);
  });

  route(app, api.createAccount, { permission: 'signedIn' }, async (req, reply) => {
    return reply.code(201).send(await createAccount({ ...ctx(req), input: req.body }));
  });

  route(app, api.getAccount, { permission: 'signedIn' }, async (req) => {
    const { scope, actor } = ctx(req);
    return (await findAccount(scope, actor, req.params.id)) ?? Promise.reject(notFound('Account'));
  });

  route(app, api.updateAccount, { permission: { owns: 'account' } }, async (req) => {
    const { version, ...input } = req.body;
    return updateAccount({ ...ctx(req), id: req.params.id, input, version: expectedVersion(req, version) });
  });

  route(app, api.archiveAccount, { permission: { owns: 'account' } }, async (req) =>
    setAccountArchived({ ...ctx(req), id: req.params.id, archived: true, version: expectedVersion(req, req.body?.version) }),
  );

  route(app, api.restoreAccount, { permission: { owns: 'account' } }, async (req) =>
    setAccountArchived({ ...ctx(req), id: req.params.id, archived: false, version: expectedVersion(req, req.body?.version) }),
  );

  route(app, api.listAccountHistory, { permission: 'signedIn' }, async (req) => {
    const { scope } = ctx(req);
    const exists = await scope.selectFrom('accounts').select('id').where('accounts.id', '=', req.params.id).executeTakeFirst();
    if (!exists) throw notFound('Account');
    return listHistory(scope, req.params.id, req.query);
  });
}
