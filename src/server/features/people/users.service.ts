import { sql } from 'kysely';
import type { UpdateUserBody, User } from '../../../shared/people.js';
import type { Actor } from '../../core/actor.js';
import { forbidden, notFound, ruleViolation } from '../../core/errors.js';
import { columnsOf, writeVersioned } from '../../core/records.js';
import type { Scope } from '../../core/scope.js';
import { assertAnotherActiveAdmin, assertTeamOfWorkspace } from './guards.js';
import { canManagePeople } from './policies.js';
import { presentUser, selectUsers } from './presenters.js';
import { releaseLedTeams } from './teams.service.js';
import { moveOpenCommitmentsToRule } from '../commitments/zones.js';

type Op<T> = { scope: Scope; actor: Actor } & T;

/** Everyone in the workspace, by name (case-insensitive, the same on both databases). */
export async function listUsers(scope: Scope, actor: Actor, status: 'active' | 'deactivated' | 'all'): Promise<{ data: User[] }> {
  let q = selectUsers(scope);
  if (status !== 'all') q = q.where('users.status', '=', status);
  const rows = await q.orderBy(sql`lower(users.name)`).orderBy('users.id').execute();
  return { data: rows.map((r) => presentUser(r, actor)) };
}

export async function findUser(scope: Scope, actor: Actor, id: string): Promise<User> {
  const row = await selectUsers(scope).where('users.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Person');
  return presentUser(row, actor);
}

/**
 * An admin changes anyone's name, time zone, role and team; everyone else only their own name and
 * time zone. A null time zone means "use the workspace default".
 */
export async function updateUser({ scope, actor, id, input, version }: Op<{ id: string; input: UpdateUserBody; version?: number }>): Promise<User> {
  return scope.transaction(async (tx) => {
    const current = await tx.selectFrom('users').selectAll().where('users.id', '=', id).executeTakeFirst();
    if (!current) throw notFound('Person');
    const roleChanges = input.role !== undefined && input.role !== current.role;
    const teamChanges = input.teamId !== undefined && input.teamId !== current.team_id;
    if ((roleChanges || teamChanges) && !canManagePeople(actor)) throw forbidden('Only an admin can change a role or team.');
    if (current.status !== 'active') throw ruleViolation('This person has been deactivated; their profile no longer changes.');
    if (teamChanges && input.teamId) await assertTeamOfWorkspace(tx, input.teamId);
    if (roleChanges && current.role === 'admin') await assertAnotherActiveAdmin(tx, id);
    const patch = columnsOf(input, { name: 'name', timeZone: 'time_zone', role: 'role', teamId: 'team_id' });
    const user = await writeVersioned({
      scope: tx,
      actor,
      table: 'users',
      entityType: 'user',
      action: 'update',
      current,
      expectedVersion: version,
      patch,
      present: () => findUser(tx, actor, id),
    });
    // Their open commitments still ahead are judged in their new zone; the rest keep theirs (commitments/zones.ts).
    if (patch.time_zone !== undefined && patch.time_zone !== current.time_zone) await moveOpenCommitmentsToRule(tx, { ownerUserId: id });
    // A rep leads no team: the teams this person led are left without a manager.
    if (roleChanges && input.role === 'rep') {
      await releaseLedTeams(tx, actor, id);
      return findUser(tx, actor, id);
    }
    return user;
  });
}
