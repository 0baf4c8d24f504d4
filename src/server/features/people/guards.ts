import { duplicate, invalid, ruleViolation } from '../../core/errors.js';
import type { Scope } from '../../core/scope.js';

export const emailHasAccount = () => duplicate('email', 'An account with this email already exists. Sign in instead.');

/**
 * What an admin inviting an email that already has an account needs to hear: the person is already
 * here (find them under People), or the email belongs to an account elsewhere (one email, one
 * account: ask them for another address).
 */
export { isUniqueViolation } from '../../core/unique.js';

export async function assertTeamOfWorkspace(scope: Scope, teamId: string, path = 'teamId'): Promise<void> {
  const team = await scope.selectFrom('teams').select('id').where('teams.id', '=', teamId).executeTakeFirst();
  if (!team) throw invalid(path, 'Choose a team of this workspace.');
}

/** Refuses a change that would leave the workspace without an active admin. */
export async function assertAnotherActiveAdmin(scope: Scope, userId: string): Promise<void> {
  await scope.lockWorkspace();
  const other = await scope
    .selectFrom('users')
    .select('id')
    .where('users.role', '=', 'admin')
    .where('users.status', '=', 'active')
    .where('users.id', '!=', userId)
    .limit(1)
    .executeTakeFirst();
  if (!other) throw ruleViolation('This is the last active admin. Make someone else an admin first.');
}
