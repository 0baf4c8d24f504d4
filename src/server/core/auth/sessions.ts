import type { Config } from '../config.js';
import { sql } from 'kysely';
import { dbKind, type Db } from '../db/connect.js';
import { prepared } from '../db/prepared.js';
import { hashSecret, newSecret } from '../ids.js';
import type { Actor } from '../actor.js';

export const SESSION_COOKIE = 'advance_session';
export const cookieName = (config: Config) => (config.secureCookies ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE);

// Touch last_seen_at at most this often, so reads do not turn into writes (API tokens' last_used_at too).
export const TOUCH_INTERVAL_MS = 60_000;

/** Starts a session with a fresh id (never reuses one from before sign-in). Returns the cookie token. */
export async function createSession(db: Db, config: Config, user: { id: string; workspace_id: string }): Promise<{ token: string; expiresAt: Date }> {
  const token = newSecret();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + config.sessionAbsoluteMs);
  await db
    .insertInto('sessions')
    .values({
      id: hashSecret(token),
      user_id: user.id,
      workspace_id: user.workspace_id,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
    })
    .execute();
  return { token, expiresAt };
}

/**
 * The person's columns an actor is built from (users joined to workspaces), with the teams a manager
 * leads in the same round trip (an indexed lookup; empty for others). Sessions and API tokens
 * (core/auth/api-tokens.ts) both read them with their own row.
 */
export const actorColumns = (db: Db) =>
  [
    'users.id',
    'users.name',
    'users.email',
    'users.role',
    'users.team_id',
    'users.time_zone',
    'users.status',
    'users.workspace_id',
    'workspaces.default_time_zone',
    'workspaces.focus_no_advance_streak',
    'workspaces.focus_no_commitment_days',
    'workspaces.focus_no_commitment_interactions',
    (dbKind(db) === 'postgres'
      ? sql<string | null>`(select string_agg(t.id, ',') from teams t where t.manager_id = users.id and t.workspace_id = users.workspace_id)`
      : sql<string | null>`(select group_concat(t.id, ',') from teams t where t.manager_id = users.id and t.workspace_id = users.workspace_id)`
    ).as('led_team_ids'),
  ] as const;

type ActorRow = {
  id: string;
  name: string;
  email: string;
  role: Actor['role'];
  team_id: string | null;
  time_zone: string | null;
  workspace_id: string;
  default_time_zone: string;
  focus_no_advance_streak: number | string;
  focus_no_commitment_days: number | string;
  focus_no_commitment_interactions: number | string;
  led_team_ids: string | null;
};

/** The actor from a person's row, acting through a session or an API token. */
export function toActor(row: ActorRow, via: Pick<Actor, 'sessionId' | 'apiToken'>): Actor {
  const ledTeamIds = row.role === 'manager' && row.led_team_ids ? row.led_team_ids.split(',').sort() : [];
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    workspaceId: row.workspace_id,
    teamId: row.team_id,
    ledTeamIds,
    timeZone: row.time_zone ?? row.default_time_zone,
    workspaceTimeZone: row.default_time_zone,
    focusThresholds: {
      noAdvanceStreak: Number(row.focus_no_advance_streak),
      noCommitmentDays: Number(row.focus_no_commitment_days),
      noCommitmentInteractions: Number(row.focus_no_commitment_interactions),
    },
    ...via,
  };
}

/** The session and its person in one indexed query, built once per engine (every signed-in request runs it). */
const sessionById = prepared((db, p: { id: string }) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('workspaces', 'workspaces.id', 'users.workspace_id')
    .select(['sessions.id as session_id', 'sessions.last_seen_at', 'sessions.expires_at', ...actorColumns(db)])
    .where('sessions.id', '=', p.id),
);

/**
 * The same lookup with what `GET /session` shows of the person and the workspace besides the actor
 * (team name, record version, workspace name…): who-am-I answers from this one indexed query. Only
 * routes that ask for it (`withProfile`) pay for the extra columns and the team join.
 */
const sessionWithProfileById = prepared((db, p: { id: string }) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('workspaces', 'workspaces.id', 'users.workspace_id')
    .leftJoin('teams', 'teams.id', 'users.team_id')
    .select(['sessions.id as session_id', 'sessions.last_seen_at', 'sessions.expires_at', ...actorColumns(db)])
    .select([
      'teams.name as team_name',
      'users.deactivated_at',
      'users.version',
      'users.created_at',
      'workspaces.name as workspace_name',
      'workspaces.is_demo',
      'workspaces.version as workspace_version',
    ])
    .where('sessions.id', '=', p.id),
);

/** What `GET /session` presents besides the actor (features/auth/service.ts loadMe). */
export type SessionProfile = {
  team_name: string | null;
  time_zone: string | null;
  default_time_zone: string;
  status: 'active' | 'deactivated';
  deactivated_at: string | null;
  version: number;
  created_at: string;
  workspace_name: string;
  is_demo: number;
  workspace_version: number;
};

type SessionRow = { session_id: string; last_seen_at: string; expires_at: string; status: string } & ActorRow;

/** Checks a session row (idle, expired, deactivated), touching it at most once a minute. */
async function liveSession<R extends SessionRow>(db: Db, config: Config, id: string, row: R | undefined): Promise<R | null> {
  if (!row || row.status !== 'active') return null;
  const now = Date.now();
  const lastSeen = Date.parse(row.last_seen_at);
  if (Date.parse(row.expires_at) <= now || lastSeen + config.sessionIdleMs <= now) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return null;
  }
  if (now - lastSeen > TOUCH_INTERVAL_MS) {
    await db.updateTable('sessions').set({ last_seen_at: new Date(now).toISOString() }).where('id', '=', id).execute();
  }
  return row;
}

/** The actor for a session cookie, or null when the session is unknown, idle too long, expired or the person deactivated. */
export async function resolveSession(db: Db, config: Config, token: string): Promise<Actor | null> {
  const id = hashSecret(token);
  const row = await liveSession(db, config, id, await sessionById.first(db, { id }));
  return row && toActor(row, { sessionId: row.session_id });
}

/** `resolveSession` with the person's profile (routes declared `withProfile`), in the same one query. */
export async function resolveSessionWithProfile(db: Db, config: Config, token: string): Promise<{ actor: Actor; profile: SessionProfile } | null> {
  const id = hashSecret(token);
  const row = await liveSession(db, config, id, await sessionWithProfileById.first(db, { id }));
  if (!row) return null;
  return { actor: toActor(row, { sessionId: row.session_id }), profile: row as SessionProfile };
}

/** Ends a session; nothing for a request that came with an API token (no session). */
export async function endSession(db: Db, sessionId: string | null): Promise<void> {
  if (sessionId === null) return;
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function endAllSessionsOf(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/**
 * Ends every session of a person but `keepSessionId` (sign out everywhere else). Returns how many of
 * them were live — not expired, not idle too long; rows past either are removed too, uncounted.
 */
export async function endOtherSessionsOf(db: Db, config: Config, userId: string, keepSessionId: string, now = Date.now()): Promise<number> {
  const live = await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .where('id', '!=', keepSessionId)
    .where('expires_at', '>', new Date(now).toISOString())
    .where('last_seen_at', '>', new Date(now - config.sessionIdleMs).toISOString())
    .executeTakeFirst();
  await db.deleteFrom('sessions').where('user_id', '=', userId).where('id', '!=', keepSessionId).execute();
  return Number(live.numDeletedRows);
}
