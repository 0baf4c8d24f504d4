import { AuditEventList, HistoryQuery } from '../../../shared/audit.js';
import { ArchiveBody, IdParams } from '../../../shared/common.js';
import { Contact, ContactList, ContactListQuery, CreateContactBody, UpdateContactBody } from '../../../shared/contacts.js';
import { notFound } from '../../core/errors.js';
import { ctx, expectedVersion, type App } from '../../core/http.js';
import { listHistory } from '../audit/queries.js';
import { findContact, listContacts } from './queries.js';
import { createContact, setContactArchived, updateContact } from './service.js';

const tags = ['contacts'];

export function contactRoutes(app: App): void {
  app.get('/contacts', { config: { permission: 'signedIn' }, schema: { tags, summary: 'List contacts', querystring: ContactListQuery, response: { 200: ContactList } } }, async (req) => {
    const { scope, actor } = ctx(req);
    return listContacts(scope, actor, req.query);
  });

  app.post('/contacts', { config: { permission: { owns: 'account', field: 'accountId' } }, schema: { tags, summary: 'Add a contact to an account', body: CreateContactBody, response: { 201: Contact } } }, async (req, reply) => {
    return reply.code(201).send(await createContact({ ...ctx(req), input: req.body }));
  });

  app.get('/contacts/:id', { config: { permission: 'signedIn' }, schema: { tags, summary: 'Get a contact', params: IdParams, response: { 200: Contact } } }, async (req) => {
    const { scope, actor } = ctx(req);
    return (await findContact(scope, actor, req.params.id)) ?? Promise.reject(notFound('Contact'));
  });

  app.patch('/contacts/:id', { config: { permission: { owns: 'contact' } }, schema: { tags, summary: 'Change a contact (send its version)', params: IdParams, body: UpdateContactBody, response: { 200: Contact } } }, async (req) => {
    const { version, ...input } = req.body;
    return updateContact({ ...ctx(req), id: req.params.id, input, version: expectedVersion(req, version) });
  });

  app.post('/contacts/:id/archive', { config: { permission: { owns: 'contact' } }, schema: { tags, summary: 'Archive a contact', params: IdParams, body: ArchiveBody, response: { 200: Contact } } }, async (req) =>
    setContactArchived({ ...ctx(req), id: req.params.id, archived: true, version: expectedVersion(req, req.body?.version) }),
  );

  app.post('/contacts/:id/restore', { config: { permission: { owns: 'contact' } }, schema: { tags, summary: 'Restore an archived contact', params: IdParams, body: ArchiveBody, response: { 200: Contact } } }, async (req) =>
    setContactArchived({ ...ctx(req), id: req.params.id, archived: false, version: expectedVersion(req, req.body?.version) }),
  );

  app.get('/contacts/:id/history', { config: { permission: 'signedIn' }, schema: { tags, summary: 'Who changed the contact, when, before and after', params: IdParams, querystring: HistoryQuery, response: { 200: AuditEventList } } }, async (req) => {
    const { scope } = ctx(req);
    const exists = await scope.selectFrom('contacts').select('id').where('contacts.id', '=', req.params.id).executeTakeFirst();
    if (!exists) throw notFound('Contact');
    return listHistory(scope, req.params.id, req.query);
  });
}
