import { API_TOKENS_PER_PERSON_MAX, type ApiToken, type ApiTokenList, type CreateApiTokenBody, type CreatedApiToken } from '../../../shared/api-tokens.js';
import { addDays, dayStartsAt, isBeforeToday } from '../../../domain/dates.js';
import type { Actor } from '../../core/actor.js';
import { audit } from '../../core/audit.js';
import { newApiToken } from '../../core/auth/api-tokens.js';
import type { ApiTokenTable } from '../../core/db/schema.js';
import { dateInPast, duplicate, notFound, ruleViolation } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { Scope } from '../../core/scope.js';
import { isUniqueViolation } from '../../core/unique.js';

/**
 * A person's own API tokens: make one (its secret shown once), list them, revoke one. Each only
 * ever touches the actor's own tokens: anyone else's is not found. The routes take a signed-in
 * session only (routes.ts), so no token can make or revoke tokens.
 */

type Row = Pick<ApiTokenTable, 'id' | 'name' | 'scope' | 'hint' | 'created_at' | 'expires_on' | 'expires_at' | 'last_used_at'>;

const COLUMNS = ['id', 'name', 'scope', 'hint', 'created_at', 'expires_on', 'expires_at', 'last_used_at'] as const;

function present(row: Row, now: Date): ApiToken {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope,
    hint: row.hint,
    createdAt: row.created_at,
    expiresOn: row.expires_on,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    expired: row.expires_at !== null && Date.parse(row.expires_at) <= now.getTime(),
  };
}

const liveTokensOf = (scope: Scope, userId: string) => scope.selectFrom('api_tokens').where('user_id', '=', userId).where('revoked_at', 'is', null);

export async function listApiTokens(scope: Scope, actor: Actor, now = new Date()): Promise<ApiTokenList> {
  const rows = await liveTokensOf(scope, actor.id).select(COLUMNS).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  return { data: rows.map((r) => present(r, now)) };
}

const nameTaken = () => duplicate('name', 'You already have a token with this name. Pick another, or revoke that one first.');

export async function createApiToken(scope: Scope, actor: Actor, body: CreateApiTokenBody, now = new Date()): Promise<CreatedApiToken> {
  const expiresOn = body.expiresOn ?? null;
  // The last day it works, judged in the person's zone: today is fine, yesterday is not.
  if (expiresOn !== null && isBeforeToday(expiresOn, actor.timeZone, now)) throw dateInPast('expiresOn', expiresOn, actor.timeZone);
  const { secret, hash, hint } = newApiToken();
  const row = {
    id: newId(now.getTime()),
    user_id: actor.id,
    name: body.name,
    scope: body.scope,
    token_hash: hash,
    hint,
    created_at: now.toISOString(),
    expires_on: expiresOn,
    expires_at: expiresOn === null ? null : dayStartsAt(addDays(expiresOn, 1), actor.timeZone).toISOString(),
    last_used_at: null,
    revoked_at: null,
  };
  try {
    await scope.transaction(async (tx) => {
      const live = await liveTokensOf(tx, actor.id).select(['name']).execute();
      if (live.some((t) => t.name === body.name)) throw nameTaken();
      if (live.length >= API_TOKENS_PER_PERSON_MAX) throw ruleViolation(`You have ${API_TOKENS_PER_PERSON_MAX} tokens already: revoke one you no longer use first.`);
      await tx.insert('api_tokens', row);
      await audit(tx, actor, { entityType: 'api_token', entityId: row.id, action: 'create', before: null, after: { name: row.name, scope: row.scope, expires_on: row.expires_on, user_id: actor.id } });
    });
  } catch (err) {
    // Two requests with one name raced past the check: the index keeps one.
    if (isUniqueViolation(err)) throw nameTaken();
    throw err;
  }
  return { token: present(row, now), secret };
}

/** Revokes one of the actor's live tokens; it stops working at once. A revoked one is gone from their list: 404 like anyone else's. */
export async function revokeApiToken(scope: Scope, actor: Actor, id: string, now = new Date()): Promise<void> {
  await scope.transaction(async (tx) => {
    const token = await liveTokensOf(tx, actor.id).select(COLUMNS).where('id', '=', id).executeTakeFirst();
    if (!token) throw notFound('API token');
    const revoked = await tx.updateTable('api_tokens').set({ revoked_at: now.toISOString() }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
    // A revoke that raced another one: the token is already gone.
    if (Number(revoked.numUpdatedRows) !== 1) throw notFound('API token');
    await audit(tx, actor, { entityType: 'api_token', entityId: id, action: 'revoke', before: { name: token.name, scope: token.scope, revoked_at: null }, after: { name: token.name, scope: token.scope, revoked_at: now.toISOString() } });
  });
}
