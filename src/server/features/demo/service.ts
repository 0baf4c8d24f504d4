import { hashPassword } from '../../core/auth/passwords.js';
import type { Actor } from '../../core/actor.js';
import type { Db } from '../../core/db/connect.js';
import { AppError, forbidden } from '../../core/errors.js';
import { DEMO_PASSWORD, DEMO_SIGN_IN_AS, demoEmail } from './catalogue.js';
import { planDemo } from './plan.js';
import { seedDemo } from './seed.js';

type SignInUser = { id: string; workspace_id: string };

/** The demo's story is told relative to the day it was written: after this, it is written again. */
export const DEMO_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** The demo workspace's id and when its story was written, found through its manager's email. */
async function findDemoWorkspace(db: Db): Promise<{ id: string; seededAt: string | null } | undefined> {
  const row = await db
    .selectFrom('users')
    .innerJoin('workspaces', 'workspaces.id', 'users.workspace_id')
    .select(['users.workspace_id', 'workspaces.demo_seeded_at'])
    .where('users.email', '=', demoEmail(DEMO_SIGN_IN_AS))
    .where('workspaces.is_demo', '=', 1)
    .executeTakeFirst();
  return row ? { id: row.workspace_id, seededAt: row.demo_seeded_at ?? null } : undefined;
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

const isStale = (seededAt: string | null, now: Date) => seededAt === null || now.getTime() - Date.parse(seededAt) > DEMO_MAX_AGE_MS;

/**
 * Writes the demo's story as of `now`, replacing `replacing` (the stale demo) in the same
 * transaction. Safe when several visits arrive at once, on one instance or many: the demo people's
 * emails are unique, so only one seeding commits and the others re-read what it wrote.
 */
async function writeDemo(db: Db, now: Date, replacing?: string, resetBy?: { name: string; previousSeededAt: string | null }): Promise<string> {
  try {
    return (await seedDemo(db, planDemo(now), await hashPassword(DEMO_PASSWORD), { seededAt: now.toISOString(), replacing, resetBy })).workspaceId;
  } catch (err) {
    const raced = await findDemoWorkspace(db);
    if (!raced || raced.id === replacing) throw err;
    return raced.id;
  }
}

/**
 * The person a demo visitor signs in as, creating the demo workspace on first use — and writing it
 * again when its story is over a day old, so "due tomorrow" still means tomorrow and on-track plans
 * stay on track. No other workspace is touched.
 */
export async function demoVisitor(db: Db, now = new Date()): Promise<SignInUser> {
  const existing = await findDemoWorkspace(db);
  if (existing && !isStale(existing.seededAt, now)) return pickVisitor(db, existing.id);
  return pickVisitor(db, await writeDemo(db, now, existing?.id));
}

/**
 * "Reset demo": writes the demo's story afresh, whatever its age, and records who asked. Refused in
 * any workspace but the demo. The caller's session ends with the old workspace: they sign in again
 * as the new demo's visitor.
 */
export async function resetDemo(db: Db, actor: Actor, now = new Date()): Promise<SignInUser> {
  const ws = await db.selectFrom('workspaces').select(['id', 'is_demo', 'demo_seeded_at']).where('id', '=', actor.workspaceId).executeTakeFirst();
  if (!ws || ws.is_demo !== 1) throw forbidden('Only the demo workspace can be reset.');
  return pickVisitor(db, await writeDemo(db, now, ws.id, { name: actor.name, previousSeededAt: ws.demo_seeded_at ?? null }));
}
