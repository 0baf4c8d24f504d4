import {
  MAIL_PREFERENCE_KINDS,
  MAIL_PREFERENCES,
  type MailKind,
  type MailPreferences,
  type OutboxList,
  type OutboxMail,
  type OutboxMailDetail,
  type Unsubscribed,
  type UpdateMailPreferencesBody,
} from '../../../shared/mail.js';
import type { Actor } from '../../core/actor.js';
import { audit } from '../../core/audit.js';
import type { Config } from '../../core/config.js';
import type { Db } from '../../core/db/connect.js';
import type { MailOutboxTable } from '../../core/db/schema.js';
import { AppError, notFound, ruleViolation } from '../../core/errors.js';
import { nowIso } from '../../core/ids.js';
import { keyset, toPage } from '../../core/paging.js';
import { Scope } from '../../core/scope.js';
import { isPreferenceKind } from './outbox.js';
import { renderRow, UNSUBSCRIBE_KEY } from './render.js';
import { serverSecret } from './secrets.js';
import { verifyUnsubscribe } from './tokens.js';

const delivery = (config: Config) => (config.mail.smtpUrl ? ('smtp' as const) : ('outbox_only' as const));

// ——— Preferences ———

async function preferenceRows(conn: Scope['db'], userId: string): Promise<Map<string, boolean>> {
  const rows = await conn.selectFrom('mail_preferences').select(['kind', 'enabled']).where('user_id', '=', userId).execute();
  return new Map(rows.map((r) => [r.kind, r.enabled === 1]));
}

function present(chosen: Map<string, boolean>, config: Config): MailPreferences {
  const out = { delivery: delivery(config) } as MailPreferences;
  for (const kind of MAIL_PREFERENCE_KINDS) out[MAIL_PREFERENCES[kind].field] = chosen.get(kind) ?? MAIL_PREFERENCES[kind].default;
  return out;
}

export async function getMailPreferences(scope: Scope, actor: Actor, config: Config): Promise<MailPreferences> {
  return present(await preferenceRows(scope.db, actor.id), config);
}

/** Saves the kinds sent (the others keep their value), audited on the person. */
export async function updateMailPreferences(scope: Scope, actor: Actor, config: Config, body: UpdateMailPreferencesBody): Promise<MailPreferences> {
  return scope.transaction(async (tx) => {
    const before = present(await preferenceRows(tx.db, actor.id), config);
    const now = nowIso();
    for (const kind of MAIL_PREFERENCE_KINDS) {
      const value = body[MAIL_PREFERENCES[kind].field];
      if (value === undefined || value === before[MAIL_PREFERENCES[kind].field]) continue;
      await setPreference(tx, actor.id, kind, value, now);
    }
    const after = present(await preferenceRows(tx.db, actor.id), config);
    const changed = MAIL_PREFERENCE_KINDS.filter((k) => before[MAIL_PREFERENCES[k].field] !== after[MAIL_PREFERENCES[k].field]);
    if (changed.length) {
      const pick = (p: MailPreferences) => Object.fromEntries(changed.map((k) => [`mail_${k}`, p[MAIL_PREFERENCES[k].field]]));
      await audit(tx, actor, { entityType: 'user', entityId: actor.id, action: 'update', before: pick(before), after: pick(after) });
    }
    return after;
  });
}

async function setPreference(tx: Scope, userId: string, kind: string, enabled: boolean, now: string): Promise<void> {
  await tx.db
    .insertInto('mail_preferences')
    .values({ workspace_id: tx.workspaceId, user_id: userId, kind, enabled: enabled ? 1 : 0, updated_at: now })
    .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet({ enabled: enabled ? 1 : 0, updated_at: now }))
    .execute();
}

// ——— One-click unsubscribe ———

const badToken = () => new AppError('not_found', 'This unsubscribe link is not valid. Use the link from the email itself, or choose your emails in Settings.');

const KIND_WORDS: Partial<Record<MailKind, string>> = { invitation: 'Invitations to Advance', customer_reminder: 'Reminders about this plan' };
const kindWords = (kind: MailKind) => (isPreferenceKind(kind) ? MAIL_PREFERENCES[kind].label : (KIND_WORDS[kind] ?? kind));

/**
 * Stops the kind of mail a signed token names: a person's preference, a share link's reminders, or
 * a kind of mail to an address without an account. Needs no session (the token is the proof) and
 * doing it twice changes nothing.
 */
export async function unsubscribeWith(db: Db, token: string): Promise<Unsubscribed> {
  const target = verifyUnsubscribe(token, await serverSecret(db, UNSUBSCRIBE_KEY));
  if (!target) throw badToken();
  const now = nowIso();
  if (target.type === 'user') {
    const user = await db.selectFrom('users').select(['id', 'name', 'email', 'workspace_id']).where('id', '=', target.userId).executeTakeFirst();
    if (!user || !isPreferenceKind(target.kind)) throw badToken();
    const kind = target.kind;
    await new Scope(db, user.workspace_id).transaction(async (tx) => {
      const was = (await preferenceRows(tx.db, user.id)).get(kind) ?? MAIL_PREFERENCES[kind].default;
      if (!was) return;
      await setPreference(tx, user.id, kind, false, now);
      await audit(tx, { id: user.id, name: user.name }, { entityType: 'user', entityId: user.id, action: 'unsubscribe', before: { [`mail_${kind}`]: true }, after: { [`mail_${kind}`]: false } });
    });
    return { stopped: kindWords(kind), address: user.email };
  }
  if (target.type === 'share_link') {
    const link = await db.selectFrom('plan_share_links').select(['id', 'workspace_id', 'recipient_name', 'recipient_email', 'reminders_stopped_at']).where('id', '=', target.shareLinkId).executeTakeFirst();
    if (!link) throw badToken();
    if (!link.reminders_stopped_at) {
      await new Scope(db, link.workspace_id).transaction(async (tx) => {
        const res = await tx.updateTable('plan_share_links').set({ reminders_stopped_at: now }).where('plan_share_links.id', '=', link.id).where('plan_share_links.reminders_stopped_at', 'is', null).executeTakeFirst();
        if (Number(res.numUpdatedRows) === 1) {
          await audit(tx, { id: null, name: link.recipient_name }, { entityType: 'share_link', entityId: link.id, action: 'unsubscribe', before: { reminders_stopped_at: null }, after: { reminders_stopped_at: now } });
        }
      });
    }
    return { stopped: kindWords('customer_reminder'), address: link.recipient_email };
  }
  await db
    .insertInto('mail_suppressions')
    .values({ address_hash: target.addressHash, kind: target.kind, created_at: now })
    .onConflict((oc) => oc.columns(['address_hash', 'kind']).doNothing())
    .execute();
  return { stopped: kindWords(target.kind), address: null };
}

// ——— The outbox, for admins ———

async function presentMail(db: Db, config: Config, row: MailOutboxTable, readerBase?: string): Promise<OutboxMail & { rendered: Awaited<ReturnType<typeof renderRow>> }> {
  const rendered = await renderRow(db, config, row, readerBase);
  return {
    id: row.id,
    kind: row.kind as MailKind,
    to: { address: row.to_address, name: row.to_name },
    subject: rendered.subject,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? row.next_attempt_at : null,
    lastError: row.last_error,
    messageId: rendered.messageId,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    rendered,
  };
}

const strip = <T extends { rendered: unknown }>({ rendered: _r, ...rest }: T) => rest;

export async function listMails(scope: Scope, config: Config, query: { limit: number; cursor?: string; status?: MailOutboxTable['status'] }): Promise<OutboxList> {
  let q = scope.selectFrom('mail_outbox').selectAll('mail_outbox');
  if (query.status) q = q.where('mail_outbox.status', '=', query.status);
  const rows = await keyset(q, { column: 'mail_outbox.id', idColumn: 'mail_outbox.id', descending: true, cursor: query.cursor, limit: query.limit }).execute();
  const presented = await Promise.all(rows.slice(0, query.limit + 1).map(async (r) => ({ row: r, mail: strip(await presentMail(scope.db as Db, config, r)) })));
  const page = toPage(presented, query.limit, (p) => [p.row.id, p.row.id], (p) => p.mail);
  const dead = await scope
    .selectFrom('mail_outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('mail_outbox.status', '=', 'dead')
    .executeTakeFirstOrThrow();
  return { ...page, delivery: delivery(config), dead: Number(dead.n) };
}

/**
 * One mail as it is (or was) sent. A mail carrying a single-use link (invite, reset, share link) is
 * shown in full only on a server that does not send mail — the development mail page; where mail is
 * really sent, the link is the recipient's alone and its body stays hidden here.
 */
export async function getMail(scope: Scope, config: Config, id: string, readerBase?: string): Promise<OutboxMailDetail> {
  const row = await scope.selectFrom('mail_outbox').selectAll('mail_outbox').where('mail_outbox.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Mail');
  const { rendered, ...mail } = await presentMail(scope.db as Db, config, row, readerBase);
  const hidden = !!config.mail.smtpUrl && row.contains_secret === 1;
  return { ...mail, text: hidden ? null : rendered.text, html: hidden ? null : rendered.html, headers: rendered.headers };
}

/** A dead mail goes back in the queue with fresh attempts (and its Message-ID, so no duplicate can arise). */
export async function retryMail(scope: Scope, actor: Actor, config: Config, id: string): Promise<OutboxMail> {
  return scope.transaction(async (tx) => {
    const row = await tx.selectFrom('mail_outbox').selectAll('mail_outbox').where('mail_outbox.id', '=', id).executeTakeFirst();
    if (!row) throw notFound('Mail');
    if (row.status !== 'dead') throw ruleViolation(row.status === 'sent' ? 'This mail was already sent.' : 'Only a mail that gave up (dead) can be retried; this one is still on its way.');
    const now = nowIso();
    const res = await tx
      .updateTable('mail_outbox')
      .set({ status: 'pending', attempts: 0, next_attempt_at: now, claimed_until: null, claim_token: null, updated_at: now })
      .where('mail_outbox.id', '=', id)
      .where('mail_outbox.status', '=', 'dead')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw ruleViolation('This mail is already being retried.');
    await audit(tx, actor, { entityType: 'mail', entityId: id, action: 'retry', before: { status: 'dead', attempts: row.attempts }, after: { status: 'pending', attempts: 0 } });
    const fresh = await tx.selectFrom('mail_outbox').selectAll('mail_outbox').where('mail_outbox.id', '=', id).executeTakeFirstOrThrow();
    return strip(await presentMail(tx.db as Db, config, fresh));
  });
}
