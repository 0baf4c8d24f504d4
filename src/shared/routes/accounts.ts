import { Account, AccountList, AccountListQuery, CreateAccountBody, UpdateAccountBody } from '../accounts.js';
import { AuditEventList, HistoryQuery } from '../audit.js';
import { ArchiveBody, IdParams } from '../common.js';
import { defineRoutes } from './define.js';

const tags = ['accounts'] as const;

export const accountsApi = defineRoutes({
  listAccounts: { method: 'GET', path: '/api/v1/accounts', tags, summary: 'List accounts', query: AccountListQuery, response: { 200: AccountList } },
  createAccount: { method: 'POST', path: '/api/v1/accounts', tags, summary: 'Create an account', body: CreateAccountBody, response: { 201: Account } },
  getAccount: { method: 'GET', path: '/api/v1/accounts/:id', tags, summary: 'Get an account', params: IdParams, response: { 200: Account } },
  updateAccount: {
    method: 'PATCH',
    path: '/api/v1/accounts/:id',
    tags,
    summary: 'Change an account (send its version)',
    params: IdParams,
    body: UpdateAccountBody,
    response: { 200: Account },
  },
  archiveAccount: { method: 'POST', path: '/api/v1/accounts/:id/archive', tags, summary: 'Archive an account', params: IdParams, body: ArchiveBody, response: { 200: Account } },
  restoreAccount: {
    method: 'POST',
    path: '/api/v1/accounts/:id/restore',
    tags,
    summary: 'Restore an archived account',
    params: IdParams,
    body: ArchiveBody,
    response: { 200: Account },
  },
  listAccountHistory: {
    method: 'GET',
    path: '/api/v1/accounts/:id/history',
    tags,
    summary: 'Who changed the account, when, before and after',
    params: IdParams,
    query: HistoryQuery,
    response: { 200: AuditEventList },
  },
});
