import { MAIL_PREFERENCES, type MailKind, type MailPreferenceKind } from '../../../shared/mail.js';
import { ruleViolation } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { Conn, Scope } from '../../core/scope.js';
import type { MailData } from './templates.js';
import { addressHash } from './tokens.js';

/**
 * Putting mail in the outbox. Call these inside the transaction of the event that causes the mail:
 * if the event rolls back, so does its mail; if it commits, the mail is there for the worker. The
 * unique key (event + recipient) makes a second enqueue of the same mail a no-op, so a retried event
 * or a periodic scan that runs again never doubles a mail.
 */

export type Recipient = { address: string; name: string | null; timeZone: string; userId?: string | null; shareLinkId?: string | null };

export type MailDraft = {
  workspaceId: string | null;
  /** Unique per event and recipient, e.g. `invitation:<inviteId>`, `due_tomorrow:<userId>:<date>`. */
  key: string;
  to: Recipient;
  data: MailData;
  /** Where links point, when the event came from a request (PUBLIC_URL wins when set). */
  baseUrl?: string | null;
  /** The single-use token of a link mail (invite, reset, confirmation, share link): wiped once sent. */
  secret?: string | null;
  /** Not before this time (a burst of customer activity waits to be grouped). */
  notBefore?: Date;
};

type Stored = MailData & { secret?: string | null };

/**
 * Queues one mail; false when a mail with the same key is already there (sent or not), or when it is
 * the demo workspace's. Anyone can sign in to the demo (its passwords are published) and write its
 * names and titles: any mail of it would carry a stranger's text from this server to whatever address
 * they typed. So nothing of the demo is written here, whoever it is for — a last line behind the
 * features that offer an email, which refuse it first and say so (`refuseMailInDemo`).
 */
export async function enqueueMail(conn: Conn, draft: MailDraft, now = new Date()): Promise<boolean> {
  if (draft.workspaceId && (await isDemoWorkspace(conn, draft.workspaceId))) return false;
  const at = now.toISOString();
  const data: Stored = { ...draft.data, ...(draft.secret ? { secret: draft.secret } : {}) };
  const res = await conn
    .insertInto('mail_outbox')
    .values({
      id: newId(),
      workspace_id: draft.workspaceId,
      dedupe_key: draft.key,
      kind: draft.data.kind,
      to_address: draft.to.address,
      to_name: draft.to.name,
      user_id: draft.to.userId ?? null,
      share_link_id: draft.to.shareLinkId ?? null,
      data: JSON.stringify(data),
      base_url: draft.baseUrl ?? null,
      contains_secret: draft.secret ? 1 : 0,
      status: 'pending',
      attempts: 0,
      next_attempt_at: (draft.notBefore ?? now).toISOString(),
      claimed_until: null,
      claim_token: null,
      last_error: null,
      created_at: at,
      updated_at: at,
      sent_at: null,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Whether a workspace is the public demo, which mails nobody. */
export async function isDemoWorkspace(conn: Conn, workspaceId: string): Promise<boolean> {
  const row = await conn.selectFrom('workspaces').select('is_demo').where('id', '=', workspaceId).executeTakeFirst();
  return !!row?.is_demo;
}

/**
 * An email a person asked for (a share link sent by email, an invitation) in the demo workspace: 422
 * `rule_violation` naming the field that asked for it, rather than a mail that silently never comes.
 */
export async function refuseMailInDemo(conn: Conn, workspaceId: string, field: string, message: string): Promise<void> {
  if (await isDemoWorkspace(conn, workspaceId)) throw ruleViolation(message, [{ path: field, message }]);
}

export const isPreferenceKind = (kind: string): kind is MailPreferenceKind => kind in MAIL_PREFERENCES;

/** Whether a person wants this kind of mail: their choice, or the kind's default. */
export async function wantsMail(conn: Conn, userId: string, kind: MailPreferenceKind): Promise<boolean> {
  const row = await conn.selectFrom('mail_preferences').select('enabled').where('user_id', '=', userId).where('kind', '=', kind).executeTakeFirst();
  return row ? row.enabled === 1 : MAIL_PREFERENCES[kind].default;
}

/** Whether an address without an account stopped this kind of mail (invitations). */
export async function addressSuppressed(conn: Conn, address: string, kind: MailKind): Promise<boolean> {
  const hash = addressHash(address).slice(0, 32);
  return !!(await conn.selectFrom('mail_suppressions').select('kind').where('address_hash', '=', hash).where('kind', '=', kind).executeTakeFirst());
}

/** An active person of the workspace as a recipient, in their time zone (or the workspace's). */
export async function userRecipient(scope: Scope, userId: string): Promise<Recipient | null> {
  const row = await scope
    .selectFrom('users')
    .innerJoin('workspaces as ws', 'ws.id', 'users.workspace_id')
    .select(['users.id', 'users.email', 'users.name', 'users.time_zone', 'users.status', 'ws.default_time_zone', 'ws.is_demo'])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  // The demo's people have made-up addresses: nothing is mailed to them.
  if (!row || row.status !== 'active' || row.is_demo) return null;
  return { address: row.email, name: row.name, timeZone: row.time_zone ?? row.default_time_zone, userId: row.id };
}

/**
 * Queues a notification mail for a person of the workspace, if they are active and want this kind.
 * `data` is written for them (their name and zone are filled in here).
 */
export async function mailPerson(
  scope: Scope,
  userId: string,
  key: string,
  data: DistributiveOmit<MailData, 'name' | 'timeZone'> & { kind: MailPreferenceKind },
  opts: { notBefore?: Date; now?: Date } = {},
): Promise<boolean> {
  const to = await userRecipient(scope, userId);
  if (!to || !(await wantsMail(scope.db, userId, data.kind))) return false;
  return enqueueMail(scope.db, { workspaceId: scope.workspaceId, key, to, data: { ...data, name: to.name, timeZone: to.timeZone } as MailData, notBefore: opts.notBefore }, opts.now);
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
