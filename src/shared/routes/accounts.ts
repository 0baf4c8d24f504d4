import { Account, AccountList, AccountListQuery, CreateAccountBody, UpdateAccountBody } from '../accounts.js';
import { AuditEventList, HistoryQuery } from '../audit.js';
import { ArchiveBody, IdParams } from '../common.js';
import { defineRoutes } from './define.js';

const tags = ['accounts'] as const;

export const accountsApi = defineRoutes({
  listAccounts: { tags, summary: 'List accounts', query: AccountListQuery, response: { 200: AccountList } },
  createAccount: { tags, summary: 'Create an account', body: CreateAccountBody, response: { 201: Account } },
  getAccount: { tags, summary: 'Get an account', params: IdParams, response: { 200: Account } },
  updateAccount: { tags, summary: 'Change an account (send its version)', params: IdParams, body: UpdateAccountBody, response: { 200: Account } },
  archiveAccount: { tags, summary: 'Archive an account', params: IdParams, body: ArchiveBody, response: { 200: Account } },
  restoreAccount: { tags, summary: 'Restore an archived account', params: IdParams, body: ArchiveBody, response: { 200: Account } },
  listAccountHistory: { tags, summary: 'Who changed the account, when, before and after', params: IdParams, query: HistoryQuery, response: { 200: AuditEventList } },
});
