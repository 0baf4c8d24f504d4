import { sql } from 'kysely';
import type { CalendarFeed, CreatedCalendarFeed } from '../../../shared/calendar.js';
import type { Actor } from '../../core/actor.js';
import { audit } from '../../core/audit.js';
import { dbKind, type Db } from '../../core/db/connect.js';
import type { CalendarFeedTable } from '../../core/db/schema.js';
import { notFound } from '../../core/errors.js';
import { hashSecret, newId, newSecret, nowIso } from '../../core/ids.js';
import { Scope } from '../../core/scope.js';

/**
 * A person's secret calendar feed URL. The token is 256 random bits, shown once inside the URL and
 * stored only as its SHA-256; it is not the session and opens nothing but the feed. A person has at
 * most one live feed: making a new one revokes the old in the same transaction.
 */

/** "Last used" is kept to the minute: a calendar app polling often does not write on every fetch. */
const LAST_USED_STEP_MS = 60_000;

const liveFeed = (scope: Scope, userId: string) =>
  scope.selectFrom('calendar_feeds').selectAll('calendar_feeds').where('calendar_feeds.user_id', '=', userId).where('calendar_feeds.revoked_at', 'is', null);

const present = (row: Pick<CalendarFeedTable, 'created_at' | 'last_used_at'> | undefined): CalendarFeed =>
  row ? { status: 'active', createdAt: row.created_at, lastUsedAt: row.last_used_at } : { status: 'none', createdAt: null, lastUsedAt: null };

export const feedUrls = (baseUrl: string, token: string) => {
  const url = `${baseUrl}/api/v1/calendar-feed/${token}.ics`;
  return { url, webcalUrl: url.replace(/^https?:/, 'webcal:') };
};

export async function getCalendarFeed(scope: Scope, actor: Actor): Promise<CalendarFeed> {
  return present(await liveFeed(scope, actor.id).executeTakeFirst());
}

/** Two requests at once on PostgreSQL must not leave two live feeds: the person's row is the lock. */
async function lockPerson(scope: Scope, userId: string): Promise<void> {
  if (dbKind(scope.db) !== 'postgres') return;
  await sql`select id from users where id = ${userId} and workspace_id = ${scope.workspaceId} for update`.execute(scope.db);
}

async function revokeLive(tx: Scope, actor: Actor, at: string): Promise<boolean> {
  const live = await liveFeed(tx, actor.id).executeTakeFirst();
  if (!live) return false;
  await tx.updateTable('calendar_feeds').set({ revoked_at: at }).where('calendar_feeds.id', '=', live.id).execute();
  await audit(tx, actor, { entityType: 'calendar_feed', entityId: live.id, action: 'revoke', before: { revoked_at: null }, after: { revoked_at: at } });
  return true;
}

/** A new feed URL (the old one, if any, stops working in the same step). */
export async function createCalendarFeed(scope: Scope, actor: Actor, baseUrl: string): Promise<CreatedCalendarFeed> {
  return scope.transaction(async (tx) => {
    await lockPerson(tx, actor.id);
    const at = nowIso();
    await revokeLive(tx, actor, at);
    const token = newSecret();
    const row = { id: newId(), user_id: actor.id, token_hash: hashSecret(token), created_at: at, revoked_at: null, last_used_at: null };
    await tx.insert('calendar_feeds', row);
    await audit(tx, actor, { entityType: 'calendar_feed', entityId: row.id, action: 'create', before: null, after: { user_id: actor.id, created_at: at } });
    return { feed: present(row), ...feedUrls(baseUrl, token) };
  });
}

/** Revokes your live feed; revoking when there is none is harmless (204 either way). */
export async function revokeCalendarFeed(scope: Scope, actor: Actor): Promise<void> {
  await scope.transaction(async (tx) => {
    await lockPerson(tx, actor.id);
    await revokeLive(tx, actor, nowIso());
  });
}

export type OpenFeed = { feedId: string; scope: Scope; user: { id: string; name: string; timeZone: string } };

/**
 * The live feed a token opens, and whose it is. Unknown, revoked, and those of people who have been
 * deactivated all get the same 404.
 */
export async function openCalendarFeed(db: Db, token: string, now = new Date()): Promise<OpenFeed> {
  // The one unscoped read: the workspace is not known until the token's feed is found.
  const row = await db
    .selectFrom('calendar_feeds')
    .innerJoin('users', 'users.id', 'calendar_feeds.user_id')
    .innerJoin('workspaces', 'workspaces.id', 'calendar_feeds.workspace_id')
    .select(['calendar_feeds.id', 'calendar_feeds.workspace_id', 'calendar_feeds.last_used_at', 'users.id as user_id', 'users.name', 'users.status', 'users.time_zone', 'workspaces.default_time_zone'])
    .where('calendar_feeds.token_hash', '=', hashSecret(token))
    .where('calendar_feeds.revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row || row.status !== 'active') throw notFound('Calendar feed');
  const scope = new Scope(db, row.workspace_id);
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) >= LAST_USED_STEP_MS) {
    await scope.updateTable('calendar_feeds').set({ last_used_at: now.toISOString() }).where('calendar_feeds.id', '=', row.id).execute();
  }
  return { feedId: row.id, scope, user: { id: row.user_id, name: row.name, timeZone: row.time_zone ?? row.default_time_zone } };
}
