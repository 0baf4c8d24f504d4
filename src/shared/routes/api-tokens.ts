import { z } from 'zod';
import { ApiTokenList, CreateApiTokenBody, CreatedApiToken } from '../api-tokens.js';
import { IdParams } from '../common.js';
import { defineRoutes } from './define.js';

const tags = ['api tokens'] as const;

const SESSION_ONLY = 'Needs a signed-in session: no API token can list, make or revoke tokens.';

/** Your personal API tokens. */
export const apiTokensApi = defineRoutes({
  listApiTokens: {
    tags,
    summary: 'Your API tokens that have not been revoked (expired ones too, marked), newest first',
    description: SESSION_ONLY,
    response: { 200: ApiTokenList },
  },
  createApiToken: {
    tags,
    summary: 'Make an API token: the answer holds the token itself, shown this once',
    description: `${SESSION_ONLY} The token acts for you with your role at the time of each request; \`read\` allows only GET. \`expiresOn\` is the last day it works, in your time zone (today or later).`,
    body: CreateApiTokenBody,
    response: { 201: CreatedApiToken },
    answersSecret: true,
    errors: ['date_in_past', 'duplicate', 'rule_violation'],
  },
  revokeApiToken: {
    tags,
    summary: 'Revoke one of your API tokens: it stops working at once',
    description: `${SESSION_ONLY} Anyone else's token is not found.`,
    params: IdParams,
    response: { 204: z.null() },
  },
});
