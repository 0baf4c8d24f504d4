import { z } from 'zod';
import { CalendarDate, Id, Instant, requiredText } from './common.js';

/**
 * Personal API tokens: `Authorization: Bearer adv_…` on /api/v1, acting for the person who made it
 * with their current role. A `read` token may only read (GET); `read_write` may do what the person
 * may do — except account security (tokens, signing out), which needs a signed-in session.
 */

export const API_TOKEN_SCOPES = ['read', 'read_write'] as const;
export const ApiTokenScope = z.enum(API_TOKEN_SCOPES).meta({ description: '`read`: GET only; `read_write`: everything the person may do with a session, but account security' });
export type ApiTokenScope = z.infer<typeof ApiTokenScope>;

export const API_TOKEN_SCOPE_LABELS: Record<ApiTokenScope, string> = { read: 'Read only', read_write: 'Read and write' };

/** What every token starts with, so it is recognisable (and secret scanners can find one pasted by mistake). */
export const API_TOKEN_PREFIX = 'adv_';
/** The prefix, then 256 random bits as base64url. */
export const API_TOKEN_PATTERN = /^adv_[A-Za-z0-9_-]{43}$/;
export const API_TOKEN_NAME_MAX = 100;
/** Live tokens a person may hold at once. */
export const API_TOKENS_PER_PERSON_MAX = 50;

export const ApiToken = z
  .object({
    id: Id,
    name: z.string(),
    scope: ApiTokenScope,
    /** The secret's last four characters, to tell tokens apart (`adv_…x9Qz`). */
    hint: z.string(),
    createdAt: Instant,
    /** The last day it works (in your time zone when it was made), or null: it does not expire. */
    expiresOn: CalendarDate.nullable(),
    /** The first instant it no longer works (the end of `expiresOn` there), or null. */
    expiresAt: Instant.nullable(),
    /** When it was last used, to the minute; null: never. */
    lastUsedAt: Instant.nullable(),
    expired: z.boolean(),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof ApiToken>;

export const ApiTokenList = z.object({ data: z.array(ApiToken) }).meta({ id: 'ApiTokenList' });
export type ApiTokenList = z.infer<typeof ApiTokenList>;

export const CreateApiTokenBody = z.strictObject({
  name: requiredText(API_TOKEN_NAME_MAX, 'Name'),
  scope: ApiTokenScope,
  /** The last day it works, in your time zone: today or later. Leave out (or null) for a token that does not expire. */
  expiresOn: CalendarDate.nullable().optional(),
});
export type CreateApiTokenBody = z.infer<typeof CreateApiTokenBody>;

export const CreatedApiToken = z
  .object({
    token: ApiToken,
    /** The token itself: shown this once, never again (only its hash is kept). */
    secret: z.string().meta({ example: 'adv_3q2-7wEvr0Ha1B5mXG2tqDhkQ4nbk6tKkP9L5yJc0Qz' }),
  })
  .meta({ id: 'CreatedApiToken' });
export type CreatedApiToken = z.infer<typeof CreatedApiToken>;
