import { hashPassword } from '../../core/auth/passwords.js';
import type { Db } from '../../core/db/connect.js';
import { AppError } from '../../core/errors.js';
import { DEMO_PASSWORD, DEMO_SIGN_IN_AS, demoEmail } from './catalogue.js';
import { planDemo } from './plan.js';
import { seedDemo } from './seed.js';

type SignInUser = { id: string; workspace_id: string };

/** The demo workspace's id, found through its manager's email (unique across all workspaces). */
async function findDemoWorkspace(db: Db): Promise<string | undefined> {
  const row = await db
    .selectFrom('users')
    .innerJoin('workspaces', 'workspaces.id', 'users.workspace_id')
    .select('users.workspace_id')
    .where('users.email', '=', demoEmail(DEMO_SIGN_IN_AS))
    .where('workspaces.is_demo', '=', 1)
    .executeTakeFirst();
  return row?.workspace_id;
}

/**
 * Whom a visitor becomes: the demo manager, or — if someone exploring as the admin deactivated
 * them — another active manager or admin of the demo workspace.
 */
async function pickVisitor(db: Db, workspaceId: string): Promise<SignInUser> {
  const candidates = await db
    .selectFrom('users')
    .select(['id', 'workspace_id', 'email', 'role'])
    .where('workspace_id', '=', workspaceId)
    .where('status', '=', 'active')
    .where('role', 'in', ['manager', 'admin'])
    .orderBy('created_at')
    .execute();
  const chosen =
    candidates.find((u) => u.email === demoEmail(DEMO_SIGN_IN_AS)) ?? candidates.find((u) => u.role === 'manager') ?? candidates[0];
  if (!chosen) throw new AppError('not_found', 'The demo workspace has nobody left to sign in as.');
  return { id: chosen.id, workspace_id: chosen.workspace_id };
}

/**
 * The person a demo visitor signs in as, creating the demo workspace on first use. Safe when
 * several first visits arrive at once, on one instance or many: the demo people's emails are
 * unique, so only one seeding commits and the others re-read what it wrote.
 */
export async function demoVisitor(db: Db, now = new Date()): Promise<SignInUser> {
  const existing = await findDemoWorkspace(db);
  if (existing) return pickVisitor(db, existing);
  try {
    await seedDemo(db, planDemo(now), await hashPassword(DEMO_PASSWORD));
  } catch (err) {
    const raced = await findDemoWorkspace(db);
    if (!raced) throw err;
    return pickVisitor(db, raced);
  }
  const created = await findDemoWorkspace(db);
  if (!created) throw new Error('the demo workspace was not found right after it was created');
  return pickVisitor(db, created);
}
