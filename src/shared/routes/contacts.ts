import { AuditEventList, HistoryQuery } from '../audit.js';
import { ArchiveBody, IdParams } from '../common.js';
import { Contact, ContactList, ContactListQuery, CreateContactBody, UpdateContactBody } from '../contacts.js';
import { defineRoutes } from './define.js';

const tags = ['contacts'] as const;

export const contactsApi = defineRoutes({
  listContacts: { method: 'GET', path: '/api/v1/contacts', tags, summary: 'List contacts', query: ContactListQuery, response: { 200: ContactList } },
  createContact: {
    method: 'POST',
    path: '/api/v1/contacts',
    tags,
    summary: 'Add a contact to an account',
    body: CreateContactBody,
    response: { 201: Contact },
    errors: ['forbidden', 'not_found'],
  },
  getContact: { method: 'GET', path: '/api/v1/contacts/:id', tags, summary: 'Get a contact', params: IdParams, response: { 200: Contact } },
  updateContact: {
    method: 'PATCH',
    path: '/api/v1/contacts/:id',
    tags,
    summary: 'Change a contact (send its version)',
    params: IdParams,
    body: UpdateContactBody,
    response: { 200: Contact },
  },
  archiveContact: { method: 'POST', path: '/api/v1/contacts/:id/archive', tags, summary: 'Archive a contact', params: IdParams, body: ArchiveBody, response: { 200: Contact } },
  restoreContact: {
    method: 'POST',
    path: '/api/v1/contacts/:id/restore',
    tags,
    summary: 'Restore an archived contact',
    params: IdParams,
    body: ArchiveBody,
    response: { 200: Contact },
  },
  listContactHistory: {
    method: 'GET',
    path: '/api/v1/contacts/:id/history',
    tags,
    summary: 'Who changed the contact, when, before and after',
    params: IdParams,
    query: HistoryQuery,
    response: { 200: AuditEventList },
  },
});
