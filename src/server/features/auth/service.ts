import type { SignUpBody } from '../../../shared/auth.js';
import type { Me } from '../../../shared/auth.js';
import { DEFAULT_STAGES } from '../../../shared/stages.js';
import type { Actor } from '../../core/actor.js';
import { audit } from '../../core/audit.js';
import type { SessionProfile } from '../../core/auth/sessions.js';
import { burnVerifyTime, hashPassword, passwordWeakness, verifyPassword } from '../../core/auth/passwords.js';
import { beginSignIn } from '../../core/auth/rate-limit.js';
import type { Config } from '../../core/config.js';
import type { Db } from '../../core/db/connect.js';
import type { Database } from '../../core/db/schema.js';
import type { Transaction } from 'kysely';
import { scoped } from '../../core/db/prepared.js';
import { AppError, invalid, notFound } from '../../core/errors.js';
import { newId, nowIso } from '../../core/ids.js';
import { canEditWorkspace, canManagePeople } from '../../core/policies.js';
import { Scope } from '../../core/scope.js';
import { emailHasAccount, isUniqueViolation } from '../people/guards.js';
import { seedBuiltInTemplates } from '../templates/templates.js';
import { presentUser, presentWorkspace, selectUsers } from '../people/presenters.js';

/** A new password (sign-up, invite, reset): refused, naming the field, when only spaces, one character repeated or common. */
export function assertAcceptablePassword(password: string, path = 'password'): void {
  const weakness = passwordWeakness(password);
  if (weakness) throw invalid(path, weakness);
}

export async function emailTaken(db: Db, email: string): Promise<boolean> {
  return !!(await db.selectFrom('users').select('id').where('email', '=', email.toLowerCase()).executeTakeFirst());
}

/** A new workspace with its first admin and the default stages. */
export async function signUp(db: Db, input: SignUpBody): Promise<{ userId: string; workspaceId: string }> {
  assertAcceptablePassword(input.password);
  const email = input.email.toLowerCase();
  if (await emailTaken(db, email)) {
    throw emailHasAccount();
  }
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction().execute((trx) => insertWorkspace(trx, { ...input, email }, passwordHash));
  } catch (err) {
    // Two sign-ups with one address at once: both passed the check above, the database took one.
    if (isUniqueViolation(err)) throw emailHasAccount();
    throw err;
  }
}

/**
 * Writes a workspace, its first admin (with a password already hashed), the default stages and the
 * built-in templates, audited, in the caller's transaction (sign-up, or the confirmation of an
 * emailed sign-up).
 */
export async function insertWorkspace(trx: Transaction<Database>, input: Omit<SignUpBody, 'password'>, passwordHash: string): Promise<{ userId: string; workspaceId: string }> {
  const email = input.email.toLowerCase();
  const now = nowIso();
  const workspaceId = newId();
  const userId = newId();
  await trx
    .insertInto('workspaces')
    .values({ id: workspaceId, name: input.workspaceName, default_time_zone: input.timeZone, is_demo: 0, version: 1, created_at: now, updated_at: now })
    .execute();
  const scope = new Scope(trx, workspaceId);
  const user = {
    id: userId,
    email,
    name: input.name,
    password_hash: passwordHash,
    role: 'admin' as const,
    team_id: null,
    time_zone: input.timeZone,
    status: 'active' as const,
    deactivated_at: null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await scope.insert('users', user);
  await scope.insert(
    'stages',
    DEFAULT_STAGES.map((name, position) => ({ id: newId(), name, position, archived_at: null, version: 1, created_at: now, updated_at: now })),
  );
  await seedBuiltInTemplates(scope);
  const actor = { id: userId, name: input.name };
  await audit(scope, actor, [
    { entityType: 'workspace', entityId: workspaceId, action: 'create', before: null, after: { name: input.workspaceName, default_time_zone: input.timeZone } },
    { entityType: 'user', entityId: userId, action: 'create', before: null, after: { name: input.name, email, role: 'admin' } },
  ]);
  return { userId, workspaceId };
}

/**
 * Checks email and password. A wrong password and an unknown email get the same answer, in about
 * the same time; failures are counted per account and per address.
 */
export async function signIn(db: Db, config: Config, email: string, password: string, ip: string) {
  const normalized = email.trim().toLowerCase();
  const attempt = await beginSignIn(db, config, normalized, ip);
  const user = await db
    .selectFrom('users')
    .select(['id', 'workspace_id', 'password_hash', 'status'])
    .where('email', '=', normalized)
    .executeTakeFirst();
  const ok = user ? await verifyPassword(user.password_hash, password) : (await burnVerifyTime(password), false);
  if (!user || !ok || user.status !== 'active') {
    await attempt.failed();
    throw new AppError('invalid_credentials', 'That email and password do not match an active account.');
  }
  await attempt.succeeded();
  return user;
}

/** The signed-in person with their team and workspace: one query, built once per engine. */
const meQuery = scoped((scope, p: { id: string }) =>
  selectUsers(scope).select(['workspaces.name as workspace_name', 'workspaces.is_demo', 'workspaces.version as workspace_version']).where('users.id', '=', p.id),
);

/** The signed-in person; from `profile` when the session lookup already read it (core/auth/sessions.ts), else one query. */
export async function loadMe(db: Db, actor: Actor, profile?: SessionProfile | null): Promise<Me> {
  const row = profile ? { ...profile, id: actor.id, email: actor.email, name: actor.name, role: actor.role, team_id: actor.teamId } : await meQuery.first(new Scope(db, actor.workspaceId), { id: actor.id });
  if (!row) throw notFound('Person');
  return {
    user: presentUser(row, actor),
    workspace: presentWorkspace({ id: actor.workspaceId, name: row.workspace_name, default_time_zone: row.default_time_zone, is_demo: row.is_demo, version: row.workspace_version }),
    capabilities: { managePeople: canManagePeople(actor), editWorkspace: canEditWorkspace(actor), editStages: canEditWorkspace(actor) },
  };
}

export async function hasAnyWorkspace(db: Db): Promise<boolean> {
  return !!(await db.selectFrom('workspaces').select('id').where('is_demo', '=', 0).limit(1).executeTakeFirst());
}
