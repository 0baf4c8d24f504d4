import { contactsApi } from '../../../shared/routes/contacts.js';
import { route } from '../../core/route.js';
import { notFound } from '../../core/errors.js';
import { ctx, expectedVersion, type App } from '../../core/http.js';
import { listHistory } from '../audit/queries.js';
import { findContact, listContacts } from './queries.js';
import { createContact, setContactArchived, updateContact } from './service.js';

export function contactRoutes(app: App): void {
  route(app, contactsApi.listContacts, { permission: 'signedIn' }, async (req) => {
    const { scope, actor } = ctx(req);
    return listContacts(scope, actor, req.query);
  });

  route(app, contactsApi.createContact, { permission: { owns: 'account', field: 'accountId' } }, async (req, reply) => {
    return reply.code(201).send(await createContact({ ...ctx(req), input: req.body }));
  });

  route(app, contactsApi.getContact, { permission: 'signedIn' }, async (req) => {
    const { scope, actor } = ctx(req);
    return (await findContact(scope, actor, req.params.id)) ?? Promise.reject(notFound('Contact'));
  });

  route(app, contactsApi.updateContact, { permission: { owns: 'contact' } }, async (req) => {
    const { version, ...input } = req.body;
    return updateContact({ ...ctx(req), id: req.params.id, input, version: expectedVersion(req, version) });
  });

  route(app, contactsApi.archiveContact, { permission: { owns: 'contact' } }, async (req) =>
    setContactArchived({ ...ctx(req), id: req.params.id, archived: true, version: expectedVersion(req, req.body?.version) }),
  );

  route(app, contactsApi.restoreContact, { permission: { owns: 'contact' } }, async (req) =>
    setContactArchived({ ...ctx(req), id: req.params.id, archived: false, version: expectedVersion(req, req.body?.version) }),
  );

  route(app, contactsApi.listContactHistory, { permission: 'signedIn' }, async (req) => {
    const { scope } = ctx(req);
    const exists = await scope.selectFrom('contacts').select('id').where('contacts.id', '=', req.params.id).executeTakeFirst();
    if (!exists) throw notFound('Contact');
    return listHistory(scope, req.params.id, req.query);
  });
}
