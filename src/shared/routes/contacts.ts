import { AuditEventList, HistoryQuery } from '../audit.js';
import { ArchiveBody, IdParams } from '../common.js';
import { Contact, ContactList, ContactListQuery, CreateContactBody, UpdateContactBody } from '../contacts.js';
import { defineRoutes } from './define.js';

const tags = ['contacts'] as const;

export const contactsApi = defineRoutes({
  listContacts: { tags, summary: 'List contacts', query: ContactListQuery, response: { 200: ContactList } },
  createContact: { tags, summary: 'Add a contact to an account', body: CreateContactBody, response: { 201: Contact }, errors: ['forbidden', 'not_found'] },
  getContact: { tags, summary: 'Get a contact', params: IdParams, response: { 200: Contact } },
  updateContact: { tags, summary: 'Change a contact (send its version)', params: IdParams, body: UpdateContactBody, response: { 200: Contact } },
  archiveContact: { tags, summary: 'Archive a contact', params: IdParams, body: ArchiveBody, response: { 200: Contact } },
  restoreContact: { tags, summary: 'Restore an archived contact', params: IdParams, body: ArchiveBody, response: { 200: Contact } },
  listContactHistory: { tags, summary: 'Who changed the contact, when, before and after', params: IdParams, query: HistoryQuery, response: { 200: AuditEventList } },
});
