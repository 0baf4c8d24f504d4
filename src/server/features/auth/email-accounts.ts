import type { SignUpBody } from '../../../shared/auth.js';
import type { EmailSent, PasswordResetPreview } from '../../../shared/mail.js';
import { audit } from '../../core/audit.js';
import { hashPassword } from '../../core/auth/passwords.js';
import type { Config } from '../../core/config.js';
import type { Db } from '../../core/db/connect.js';
import { AppError, ruleViolation } from '../../core/errors.js';
import { hashSecret, newId, newSecret, nowIso } from '../../core/ids.js';
import { hit } from '../../core/limits.js';
import { Scope } from '../../core/scope.js';
import { enqueueMail } from '../mail/outbox.js';
import { addressHash } from '../mail/tokens.js';
import { emailHasAccount, isUniqueViolation } from '../people/guards.js';
import { assertAcceptablePassword, insertWorkspace } from './service.js';

/**
 * Accounts by email: password reset and sign-up confirmation links. They follow the invites' rules —
 * 256 random bits, only the hash stored, single use (claimed by a conditional update), an expiry —
 * and every answer that takes an address is the same whether or not it has an account.
 */

const HOUR = 3_600_000;
const MINUTE = 60_000;
/** Requests naming one address per hour (reset or sign-up), whatever the address: counting tells nothing. */
export const MAILS_PER_ADDRESS_PER_HOUR = 5;
/** Token checks (lookups and uses) per IP address per 15 minutes. */
export const TOKEN_TRIES_PER_IP = 60;

const sent = (email: string): EmailSent => ({ status: 'check_your_email', email });
const tooMany = 'Too many requests for this address. Please wait a while and try again.';
const resetGone = () => new AppError('not_found', 'This password reset link has expired or was already used. Ask for a new one.');
const signupGone = () => new AppError('not_found', 'This confirmation link has expired or was already used. Sign up again to get a new one.');

async function limitAddress(db: Db, what: string, email: string) {
  await hit(db, `${what}-address:${addressHash(email).slice(0, 32)}`, MAILS_PER_ADDRESS_PER_HOUR, HOUR, tooMany);
}

export async function limitTokenTries(db: Db, ip: string) {
  await hit(db, `mail-token-ip:${ip}`, TOKEN_TRIES_PER_IP, 15 * MINUTE, 'Too many tries from this address. Please wait a few minutes.');
}

// ——— Password reset ———

/**
 * Emails a reset link to an active account with this address. Unknown addresses, deactivated
 * accounts and the demo's made-up people get the same answer, and no mail.
 */
export async function requestPasswordReset(db: Db, config: Config, input: { email: string; ip: string; baseUrl: string | null }): Promise<EmailSent> {
  const email = input.email.trim().toLowerCase();
  await hit(db, `reset-ip:${input.ip}`, config.mail.passwordResetMaxPerIpPerHour, HOUR, tooMany);
  await limitAddress(db, 'reset', email);
  const user = await db
    .selectFrom('users')
    .innerJoin('workspaces as ws', 'ws.id', 'users.workspace_id')
    .select(['users.id', 'users.name', 'users.workspace_id', 'users.status', 'users.time_zone', 'ws.default_time_zone', 'ws.is_demo'])
    .where('users.email', '=', email)
    .executeTakeFirst();
  if (!user || user.status !== 'active' || user.is_demo) return sent(email);
  const token = newSecret();
  await new Scope(db, user.workspace_id).transaction(async (tx) => {
    const now = new Date();
    const row = { id: newId(), user_id: user.id, token_hash: hashSecret(token), created_at: now.toISOString(), expires_at: new Date(now.getTime() + config.mail.passwordResetTtlMs).toISOString(), used_at: null };
    await tx.insert('password_resets', row);
    const timeZone = user.time_zone ?? user.default_time_zone;
    await enqueueMail(tx.db, {
      workspaceId: user.workspace_id,
      key: `password_reset:${row.id}`,
      to: { address: email, name: user.name, timeZone, userId: user.id },
      data: { kind: 'password_reset', name: user.name, timeZone, email, expiresAt: row.expires_at },
      baseUrl: input.baseUrl,
      secret: token,
    });
  });
  return sent(email);
}

async function usableReset(db: Db, token: string) {
  const row = await db
    .selectFrom('password_resets')
    .innerJoin('users as u', 'u.id', 'password_resets.user_id')
    .select(['password_resets.id', 'password_resets.user_id', 'password_resets.workspace_id', 'password_resets.expires_at', 'password_resets.used_at', 'u.email', 'u.name', 'u.status'])
    .where('password_resets.token_hash', '=', hashSecret(token))
    .executeTakeFirst();
  if (!row || row.used_at || Date.parse(row.expires_at) <= Date.now() || row.status !== 'active') throw resetGone();
  return row;
}

export async function lookupPasswordReset(db: Db, token: string): Promise<PasswordResetPreview> {
  const row = await usableReset(db, token);
  return { email: row.email, expiresAt: row.expires_at };
}

/**
 * Sets the new password. Single use: the link is claimed by a conditional update in the transaction
 * that changes the password, so of two uses at once only one wins; every other open link of the
 * account is used up with it, and every session of the account ends (whoever had it is out).
 */
export async function completePasswordReset(db: Db, input: { token: string; password: string }): Promise<void> {
  const row = await usableReset(db, input.token);
  assertAcceptablePassword(input.password);
  const passwordHash = await hashPassword(input.password);
  await new Scope(db, row.workspace_id).transaction(async (tx) => {
    const now = nowIso();
    const claimed = await tx
      .updateTable('password_resets')
      .set({ used_at: now })
      .where('password_resets.id', '=', row.id)
      .where('password_resets.used_at', 'is', null)
      .where('password_resets.expires_at', '>', now)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw resetGone();
    await tx.updateTable('password_resets').set({ used_at: now }).where('password_resets.user_id', '=', row.user_id).where('password_resets.used_at', 'is', null).execute();
    await tx
      .updateTable('users')
      .set((eb) => ({ password_hash: passwordHash, updated_at: now, version: eb('users.version', '+', 1) }))
      .where('users.id', '=', row.user_id)
      .execute();
    await tx.db.deleteFrom('sessions').where('user_id', '=', row.user_id).execute();
    await audit(tx, { id: row.user_id, name: row.name }, { entityType: 'user', entityId: row.user_id, action: 'reset', before: { password_reset_at: null }, after: { password_reset_at: now } });
  });
}

// ——— Sign-up confirmed by email ———

/** Sign-up by email needs a server that sends mail (the route checks before counting the request). */
export function assertSignUpByEmail(config: Config): void {
  if (!config.mail.smtpUrl) throw ruleViolation('This server does not send mail: create the workspace directly (POST /api/v1/signup).');
}

/**
 * With SMTP set, a sign-up is a request until the address is confirmed. The answer is the same
 * whether or not the address has an account, and takes the same work (the password is hashed either
 * way): a new address gets a confirmation link; a known one a note that it already has an account.
 */
export async function requestSignUp(db: Db, config: Config, input: SignUpBody & { baseUrl: string | null }): Promise<EmailSent> {
  assertSignUpByEmail(config);
  const email = input.email.trim().toLowerCase();
  await limitAddress(db, 'signup', email);
  assertAcceptablePassword(input.password);
  const passwordHash = await hashPassword(input.password);
  const existing = await db
    .selectFrom('users')
    .innerJoin('workspaces as ws', 'ws.id', 'users.workspace_id')
    .select(['users.id', 'users.name', 'users.workspace_id', 'users.time_zone', 'ws.default_time_zone', 'ws.is_demo'])
    .where('users.email', '=', email)
    .executeTakeFirst();
  const now = new Date();
  if (existing) {
    if (!existing.is_demo) {
      const timeZone = existing.time_zone ?? existing.default_time_zone;
      await enqueueMail(db, {
        workspaceId: existing.workspace_id,
        key: `signup_existing:${newId()}`,
        to: { address: email, name: existing.name, timeZone, userId: existing.id },
        data: { kind: 'signup_existing', name: existing.name, timeZone, email },
        baseUrl: input.baseUrl,
      });
    }
    return sent(email);
  }
  const token = newSecret();
  await db.transaction().execute(async (trx) => {
    const row = {
      id: newId(),
      email,
      token_hash: hashSecret(token),
      workspace_name: input.workspaceName,
      name: input.name,
      password_hash: passwordHash,
      time_zone: input.timeZone,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + config.mail.signupConfirmTtlMs).toISOString(),
      used_at: null,
    };
    await trx.insertInto('signup_requests').values(row).execute();
    await enqueueMail(trx, {
      workspaceId: null,
      key: `signup_confirm:${row.id}`,
      to: { address: email, name: input.name, timeZone: input.timeZone },
      data: { kind: 'signup_confirm', name: input.name, timeZone: input.timeZone, workspaceName: input.workspaceName, expiresAt: row.expires_at },
      baseUrl: input.baseUrl,
      secret: token,
    });
  });
  // Requests nobody confirmed are forgotten a day after they expire.
  await db.deleteFrom('signup_requests').where('expires_at', '<', new Date(now.getTime() - 24 * HOUR).toISOString()).execute();
  return sent(email);
}

/** The address is confirmed: the workspace and its admin are created, once. */
export async function confirmSignUp(db: Db, token: string): Promise<{ userId: string; workspaceId: string }> {
  const request = await db.selectFrom('signup_requests').selectAll().where('token_hash', '=', hashSecret(token)).executeTakeFirst();
  if (!request || request.used_at || Date.parse(request.expires_at) <= Date.now()) throw signupGone();
  try {
    return await db.transaction().execute(async (trx) => {
      const now = nowIso();
      const claimed = await trx
        .updateTable('signup_requests')
        .set({ used_at: now })
        .where('id', '=', request.id)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) throw signupGone();
      return insertWorkspace(trx, { workspaceName: request.workspace_name, name: request.name, email: request.email, timeZone: request.time_zone }, request.password_hash);
    });
  } catch (err) {
    // The address got an account since the request (another confirmed sign-up, an invite): the
    // holder of this link owns the mailbox, so saying so tells them nothing new.
    if (isUniqueViolation(err)) throw emailHasAccount();
    throw err;
  }
}
