import type { ChangePasswordBody, OtherSessionsEnded } from '../../../shared/auth.js';
import type { Actor } from '../../core/actor.js';
import { audit } from '../../core/audit.js';
import { endOtherSessionsOf } from '../../core/auth/sessions.js';
import { hashPassword, normalizePassword, passwordWeakness, verifyPassword } from '../../core/auth/passwords.js';
import { beginSignIn } from '../../core/auth/rate-limit.js';
import type { Config } from '../../core/config.js';
import type { Db } from '../../core/db/connect.js';
import { AppError, invalid, notFound, ruleViolation, type ErrorDetail } from '../../core/errors.js';
import { nowIso } from '../../core/ids.js';
import { limitCurrentPasswordGuesses } from '../../core/limits.js';
import { Scope } from '../../core/scope.js';
import { enqueueMail, isDemoWorkspace } from '../mail/outbox.js';

/**
 * A signed-in person's own account security: changing the password with the current one, and signing
 * out every other session. Both take a signed-in session, never an API token (the routes are
 * `sessionOnly`), and both are refused in the demo workspace, whose people every visitor shares: a
 * visitor must not lock the others out, nor sign them out.
 */

const WRONG_CURRENT = 'This is not your current password.';
const DEMO_PASSWORD = 'The demo’s people share one published password, so it cannot be changed here: a visitor must not lock the others out.';
const DEMO_SESSIONS = 'Everyone exploring the demo shares its people, so signing out their other sessions would sign out other visitors.';

/** A refusal that names `currentPassword`: a guess, counted against the person (core/limits.ts). */
const wrongCurrent = (message: string, also: ErrorDetail[] = []) => new AppError('validation_failed', 'Some fields need attention.', [{ path: 'currentPassword', message }, ...also]);
const isWrongGuess = (error: unknown) => error instanceof AppError && error.details.some((d) => d.path === 'currentPassword' && d.message === WRONG_CURRENT);

/**
 * Changes the person's password. Refused before any work in the demo, and when the guesses allowed
 * are used up (failed sign-ins of the account from this address, and wrong current passwords of the
 * person from anywhere). A wrong current password changes nothing and counts as a failed sign-in;
 * the new one follows the rules of sign-up and reset. In one transaction: the new hash (argon2id,
 * claimed against the hash the current password was checked with, so of two changes at once only one
 * wins), every unused reset link of the person used up, every session of the person ended — the
 * route then gives this browser a fresh one — audited (no password or hash in it), and with SMTP a
 * notice to the person. API tokens and the calendar feed keep working: they have their own revoke.
 */
export async function changePassword(db: Db, config: Config, input: { actor: Actor; ip: string; body: ChangePasswordBody; baseUrl: string | null }): Promise<void> {
  const { actor, ip, body } = input;
  const scope = new Scope(db, actor.workspaceId);
  const user = await scope
    .selectFrom('users')
    .innerJoin('workspaces as ws', 'ws.id', 'users.workspace_id')
    .select(['users.id', 'users.email', 'users.name', 'users.password_hash', 'users.time_zone', 'ws.default_time_zone', 'ws.is_demo'])
    .where('users.id', '=', actor.id)
    .executeTakeFirst();
  if (!user) throw notFound('Person');
  if (user.is_demo) throw ruleViolation(DEMO_PASSWORD);
  const email = user.email.toLowerCase();
  const begun = await beginSignIn(db, config, email, ip);
  // Held back by the current-password limit below, the password is never checked: no failure then.
  let settled = false;
  const attempt = {
    failed: () => ((settled = true), begun.failed()),
    succeeded: () => ((settled = true), begun.succeeded()),
  };
  try {
    await limitCurrentPasswordGuesses(db, user.id, isWrongGuess, async () => {
      // Both fields' problems in one answer: the new password's rules need no check of the current one.
      const weakness = passwordWeakness(body.newPassword);
      if (!(await verifyPassword(user.password_hash, body.currentPassword))) {
        await attempt.failed();
        throw wrongCurrent(WRONG_CURRENT, weakness ? [{ path: 'newPassword', message: weakness }] : []);
      }
      await attempt.succeeded();
      const same = normalizePassword(body.newPassword) === normalizePassword(body.currentPassword);
      const refusal = weakness ?? (same ? 'This is your current password. Choose a new one.' : null);
      if (refusal) throw invalid('newPassword', refusal);
      const passwordHash = await hashPassword(body.newPassword);

      await scope.transaction(async (tx) => {
        const now = nowIso();
        const changed = await tx
          .updateTable('users')
          .set((eb) => ({ password_hash: passwordHash, updated_at: now, version: eb('users.version', '+', 1) }))
          .where('users.id', '=', user.id)
          .where('users.password_hash', '=', user.password_hash)
          .executeTakeFirst();
        // Changed by another request since it was checked (another change, a reset): not a guess.
        if (Number(changed.numUpdatedRows) !== 1) throw wrongCurrent('Your password was changed a moment ago. Enter the new one.');
        await tx.updateTable('password_resets').set({ used_at: now }).where('password_resets.user_id', '=', user.id).where('password_resets.used_at', 'is', null).execute();
        await tx.db.deleteFrom('sessions').where('user_id', '=', user.id).execute();
        await audit(tx, actor, { entityType: 'user', entityId: user.id, action: 'update', before: { password_changed_at: null }, after: { password_changed_at: now } });
        if (config.mail.smtpUrl) {
          const timeZone = user.time_zone ?? user.default_time_zone;
          await enqueueMail(tx.db, {
            workspaceId: actor.workspaceId,
            key: `password_changed:${user.id}:${now}`,
            to: { address: email, name: user.name, timeZone, userId: user.id },
            data: { kind: 'password_changed', name: user.name, timeZone, email, changedAt: now },
            baseUrl: input.baseUrl,
          });
        }
      });
    });
  } finally {
    if (!settled) await begun.abandon();
  }
}

/** Signs out every other session of the person (not their API tokens); refused in the demo. */
export async function endOtherSessions(db: Db, config: Config, actor: Actor): Promise<OtherSessionsEnded> {
  // The route is sessionOnly: a request with an API token never gets here.
  if (actor.sessionId === null) throw new AppError('forbidden', 'Sign in to do this: account security needs a signed-in session, not an API token.');
  if (await isDemoWorkspace(db, actor.workspaceId)) throw ruleViolation(DEMO_SESSIONS);
  return { ended: await endOtherSessionsOf(db, config, actor.id, actor.sessionId) };
}
