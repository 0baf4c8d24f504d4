import { AuditEventList, HistoryQuery } from '../audit.js';
import { Me } from '../auth.js';
import { IdParams } from '../common.js';
import {
  AcceptInviteBody,
  CreatedInvite,
  CreateInviteBody,
  CreateTeamBody,
  DeactivateUserBody,
  Invite,
  InviteList,
  InvitePreview,
  InviteTokenBody,
  Team,
  TeamList,
  UpdateTeamBody,
  UpdateUserBody,
  UpdateWorkspaceBody,
  User,
  UserList,
  UserListQuery,
  Workspace,
} from '../people.js';
import { defineRoutes } from './define.js';

const tags = ['people'] as const;

/** The workspace, its people, teams and invites. */
export const peopleApi = defineRoutes({
  getWorkspace: { tags, summary: 'The workspace and its settings', response: { 200: Workspace } },
  updateWorkspace: { tags, summary: 'Change the workspace name or default time zone (admins; send the version)', body: UpdateWorkspaceBody, response: { 200: Workspace } },

  listUsers: { tags, summary: 'List the people of the workspace, by name', query: UserListQuery, response: { 200: UserList } },
  getUser: { tags, summary: 'Get a person', params: IdParams, response: { 200: User } },
  updateUser: {
    tags,
    summary: 'Change a person (yourself: name and time zone; admins: also role and team). Send the version.',
    params: IdParams,
    body: UpdateUserBody,
    response: { 200: User },
    errors: ['rule_violation'],
  },
  deactivateUser: {
    tags,
    summary: 'Deactivate a person (send the version you read): end their sessions and hand their accounts and opportunities to someone else',
    params: IdParams,
    body: DeactivateUserBody,
    response: { 200: User },
    errors: ['rule_violation', 'version_conflict'],
  },
  listUserHistory: { tags, summary: 'Who changed the person, when, before and after', params: IdParams, query: HistoryQuery, response: { 200: AuditEventList } },

  listTeams: { tags, summary: 'List teams with their manager and member count', response: { 200: TeamList } },
  createTeam: { tags, summary: 'Create a team (admins)', body: CreateTeamBody, response: { 201: Team } },
  updateTeam: { tags, summary: 'Rename a team or change its manager (admins; send the version)', params: IdParams, body: UpdateTeamBody, response: { 200: Team } },
  listTeamHistory: { tags, summary: 'Who changed the team, when, before and after', params: IdParams, query: HistoryQuery, response: { 200: AuditEventList } },

  createInvite: {
    tags,
    summary: 'Invite someone by a single-use link (admins), emailed to the address',
    description:
      'The link is emailed to the address. On a server that sends mail (`SMTP_URL` set) the response carries no link (`url` is null): only the invited mailbox can accept, so nobody can claim an address or learn whether it has an account; an address that stopped invitation emails then answers 422 `rule_violation` naming `email`. Without `SMTP_URL` the link is also shown, once, in `url` (it stays in the outbox, which admins read). A workspace may create `INVITES_MAX_PER_WORKSPACE_PER_HOUR` invites an hour (50 by default), refused ones included; more answer 429 `too_many_requests` with `Retry-After`. The demo workspace sends no email, so it invites nobody: 422 `rule_violation` naming `email`.',
    body: CreateInviteBody,
    response: { 201: CreatedInvite },
    answersSecret: true,
    errors: ['duplicate', 'rule_violation', 'too_many_requests'],
  },
  listInvites: { tags, summary: 'List invites, newest first (admins)', response: { 200: InviteList } },
  revokeInvite: { tags, summary: 'Revoke an invite so its link stops working (admins)', params: IdParams, response: { 200: Invite }, errors: ['rule_violation'] },
  // The token is sent in a body, not the path, so it stays out of logs and proxies.
  lookupInvite: { tags, summary: 'What an invite link offers, before accepting it', body: InviteTokenBody, response: { 200: InvitePreview }, errors: ['not_found', 'too_many_requests'] },
  acceptInvite: { tags, summary: 'Accept an invite: create the account and sign in', body: AcceptInviteBody, response: { 201: Me }, errors: ['not_found', 'duplicate', 'too_many_requests'] },
});
