import type { AcceptInviteBody, CreateInviteBody, CreatedInvite, Invite, InvitePreview } from '../../../shared/people.js';
import type { Actor } from '../../core/actor.js';
import { audit } from '../../core/audit.js';
import { hashPassword } from '../../core/auth/passwords.js';
import type { Db } from '../../core/db/connect.js';
import { AppError, duplicate, notFound, ruleViolation } from '../../core/errors.js';
import { hashSecret, newId, newSecret, nowIso } from '../../core/ids.js';
import { Scope } from '../../core/scope.js';
import { assertAcceptablePassword, emailTaken } from '../auth/service.js';
import { assertTeamOfWorkspace, emailHasAccount, isUniqueViolation } from './guards.js';
import { inviteStatus, presentInvite, selectInvites } from './presenters.js';
import { addressSuppressed, enqueueMail, refuseMailInDemo } from '../mail/outbox.js';

type Op<T> = { scope: Scope; actor: Actor } & T;

/** Unknown, expired, revoked and used links get the same answer: nothing to learn by guessing. */
const inviteGone = () => new AppError('not_found', 'This invite link has expired, was revoked or was already used. Ask for a new one.');

async function present(scope: Scope, id: string): Promise<Invite> {
  const row = await selectInvites(scope).where('invites.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Invite');
  return presentInvite(row);
}

const NO_INVITATION_EMAILS = 'This address asked not to get invitation emails, and this server gives invite links only by email, so it cannot be invited.';
const DEMO_SENDS_NO_INVITATION = 'The demo workspace sends no email, so it invites nobody: sign up for a workspace of your own to invite your team.';

/**
 * `sendsMail`: the server mails (SMTP_URL set; the route passes it, and leaving it out is taken as
 * yes — the safe side). Then the link goes only to the invited address — not to the admin — so only
 * the mailbox's owner can accept: nobody else can claim an address or learn whether it has an
 * account. Without mail the admin gets the link (it reaches the person no other way).
 */
export async function createInvite({ scope, actor, input, baseUrl, ttlMs, sendsMail = true }: Op<{ input: CreateInviteBody; baseUrl: string; ttlMs: number; sendsMail?: boolean }>): Promise<CreatedInvite> {
  // An invite is its invitation mail (the demo's admin password is published: anyone could send it).
  await refuseMailInDemo(scope.db, scope.workspaceId, 'email', DEMO_SENDS_NO_INVITATION);
  const email = input.email.toLowerCase();
  // Someone of this workspace: the admin sees them under People anyway, so say so. An account in
  // another workspace is NOT said: anyone can sign up a workspace, and the answer would tell them
  // whether any address has an account. The invite is made as for a new address; its holder hears
  // at acceptance that the address has an account (409). With mail the holder is only the mailbox's
  // owner (the admin never gets the link); without mail the admin is, which is no worse than the
  // sign-up of such a server (it answers 409 for a registered address, as the README says).
  const here = await scope.selectFrom('users').select(['users.name']).where('users.email', '=', email).executeTakeFirst();
  if (here) throw duplicate('email', `${here.name} already has an account in this workspace with this email — find them under People.`);
  const token = newSecret();
  const suppressed = await addressSuppressed(scope.db, email, 'invitation');
  // With mail, an address that stopped invitation emails could get the link no other way.
  if (sendsMail && suppressed) throw ruleViolation(NO_INVITATION_EMAILS, [{ path: 'email', message: NO_INVITATION_EMAILS }]);
  const id = await scope.transaction(async (tx) => {
    if (input.teamId) await assertTeamOfWorkspace(tx, input.teamId);
    const now = new Date();
    const row = {
      id: newId(),
      email,
      role: input.role,
      team_id: input.teamId ?? null,
      token_hash: hashSecret(token),
      invited_by_id: actor.id,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + ttlMs).toISOString(),
      accepted_at: null,
      accepted_user_id: null,
      revoked_at: null,
    };
    await tx.insert('invites', row);
    const { token_hash: _secret, ...visible } = row;
    await audit(tx, actor, { entityType: 'invite', entityId: row.id, action: 'create', before: null, after: visible });
    // The invitation mail, in the same transaction: no invite without its mail, no mail without its invite.
    if (!suppressed) {
      const ws = await tx.db.selectFrom('workspaces').select(['name', 'default_time_zone']).where('id', '=', tx.workspaceId).executeTakeFirstOrThrow();
      await enqueueMail(tx.db, {
        workspaceId: tx.workspaceId,
        key: `invitation:${row.id}`,
        to: { address: email, name: null, timeZone: ws.default_time_zone },
        data: { kind: 'invitation', name: null, timeZone: ws.default_time_zone, inviteId: row.id, workspaceName: ws.name, inviterName: actor.name, role: input.role, expiresAt: row.expires_at },
        baseUrl,
        secret: token,
      });
    }
    return row.id;
  });
  // Without mail, the only response that ever carries the token (besides the invitation mail): only its hash is stored.
  return { invite: await present(scope, id), url: sendsMail ? null : `${baseUrl}/invite/${token}`, emailed: !suppressed };
}

export async function listInvites(scope: Scope, actor: Actor): Promise<{ data: Invite[] }> {
  const rows = await selectInvites(scope).orderBy('invites.created_at', 'desc').orderBy('invites.id', 'desc').execute();
  return { data: rows.map(presentInvite) };
}

export async function revokeInvite({ scope, actor, id }: Op<{ id: string }>): Promise<Invite> {
  return scope.transaction(async (tx) => {
    const row = await tx.selectFrom('invites').select(['id', 'accepted_at', 'revoked_at', 'expires_at']).where('invites.id', '=', id).executeTakeFirst();
    if (!row) throw notFound('Invite');
    if (row.accepted_at) throw ruleViolation('This invite was already used; deactivate the person instead.');
    if (!row.revoked_at) {
      const now = nowIso();
      await tx.updateTable('invites').set({ revoked_at: now }).where('invites.id', '=', id).execute();
      await audit(tx, actor, { entityType: 'invite', entityId: id, action: 'revoke', before: { revoked_at: null }, after: { revoked_at: now } });
    }
    return present(tx, id);
  });
}

/**
 * The invite a link stands for, if it can still be used. The token is the only thing that names the
 * workspace here, so this one lookup runs before a Scope exists; everything after it is scoped.
 */
async function findUsableInvite(db: Db, token: string) {
  const hit = await db.selectFrom('invites').select(['id', 'workspace_id']).where('token_hash', '=', hashSecret(token)).executeTakeFirst();
  if (!hit) throw inviteGone();
  const scope = new Scope(db, hit.workspace_id);
  const row = await selectInvites(scope).where('invites.id', '=', hit.id).executeTakeFirst();
  if (!row || inviteStatus(row) !== 'pending') throw inviteGone();
  return { scope, row };
}

export async function lookupInvite(db: Db, token: string): Promise<InvitePreview> {
  const { scope, row } = await findUsableInvite(db, token);
  const workspace = await db.selectFrom('workspaces').select('name').where('id', '=', scope.workspaceId).executeTakeFirstOrThrow();
  return {
    workspaceName: workspace.name,
    email: row.email,
    role: row.role,
    teamName: row.team_name,
    invitedByName: row.inviter_name,
    expiresAt: row.expires_at,
  };
}

/**
 * The invitee becomes a member with the invite's role and team. Single use: the invite is marked
 * accepted in the transaction that creates the person, guarded so a second use finds nothing. An
 * email that already has an account is refused and that account is left exactly as it was.
 */
export async function acceptInvite(db: Db, input: AcceptInviteBody): Promise<{ id: string; workspace_id: string }> {
  const { scope, row } = await findUsableInvite(db, input.token);
  assertAcceptablePassword(input.password);
  if (await emailTaken(db, row.email)) {
    // A simultaneous use of this same link may have created the account since we read the invite:
    // then the link is used up, and its second holder hears that (404), not that the address is taken.
    await findUsableInvite(db, input.token);
    throw emailHasAccount();
  }
  const passwordHash = await hashPassword(input.password);
  return scope.transaction(async (tx) => {
    const now = nowIso();
    const user = {
      id: newId(),
      email: row.email,
      name: input.name,
      password_hash: passwordHash,
      role: row.role,
      team_id: row.team_id,
      time_zone: input.timeZone ?? null,
      status: 'active' as const,
      deactivated_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    // Claim the invite first: a concurrent second use waits on this row, then finds it used.
    const claimed = await tx
      .updateTable('invites')
      .set({ accepted_at: now })
      .where('invites.id', '=', row.id)
      .where('invites.accepted_at', 'is', null)
      .where('invites.revoked_at', 'is', null)
      .where('invites.expires_at', '>', now)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw inviteGone();
    try {
      await tx.insert('users', user);
    } catch (err) {
      // The address got an account since we checked; the transaction (and the claim) is undone.
      if (isUniqueViolation(err)) throw emailHasAccount();
      throw err;
    }
    await tx.updateTable('invites').set({ accepted_user_id: user.id }).where('invites.id', '=', row.id).execute();
    const actor = { id: user.id, name: user.name };
    await audit(tx, actor, [
      { entityType: 'invite', entityId: row.id, action: 'accept', before: { accepted_at: null }, after: { accepted_at: now, accepted_user_id: user.id } },
      { entityType: 'user', entityId: user.id, action: 'create', before: null, after: { name: user.name, email: user.email, role: user.role, team_id: user.team_id, time_zone: user.time_zone } },
    ]);
    return { id: user.id, workspace_id: scope.workspaceId };
  });
}
