import type { CreateTeamBody, Team, UpdateTeamBody } from '../../../shared/people.js';
import type { Actor } from '../../core/actor.js';
import { audit } from '../../core/audit.js';
import { invalid, notFound } from '../../core/errors.js';
import { newId, nowIso } from '../../core/ids.js';
import { columnsOf, writeVersioned } from '../../core/records.js';
import type { Scope } from '../../core/scope.js';
import { presentTeam, selectTeams } from './presenters.js';

type Op<T> = { scope: Scope; actor: Actor } & T;

export async function listTeams(scope: Scope): Promise<{ data: Team[] }> {
  const rows = await selectTeams(scope).orderBy('teams.name').orderBy('teams.id').execute();
  return { data: rows.map(presentTeam) };
}

export async function findTeam(scope: Scope, id: string): Promise<Team> {
  const row = await selectTeams(scope).where('teams.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Team');
  return presentTeam(row);
}

/** A team is led by an active manager or admin of the same workspace. */
async function assertEligibleManager(scope: Scope, managerId: string): Promise<void> {
  const user = await scope.selectFrom('users').select(['role', 'status']).where('users.id', '=', managerId).executeTakeFirst();
  if (!user || user.status !== 'active' || user.role === 'rep') {
    throw invalid('managerId', 'Choose an active manager or admin of this workspace.');
  }
}

export async function createTeam({ scope, actor, input }: Op<{ input: CreateTeamBody }>): Promise<Team> {
  return scope.transaction(async (tx) => {
    if (input.managerId) await assertEligibleManager(tx, input.managerId);
    const now = nowIso();
    const row = { id: newId(), name: input.name, manager_id: input.managerId ?? null, version: 1, created_at: now, updated_at: now };
    await tx.insert('teams', row);
    await audit(tx, actor, { entityType: 'team', entityId: row.id, action: 'create', before: null, after: row });
    return findTeam(tx, row.id);
  });
}

export async function updateTeam({ scope, actor, id, input, version }: Op<{ id: string; input: UpdateTeamBody; version?: number }>): Promise<Team> {
  return scope.transaction(async (tx) => {
    const current = await tx.selectFrom('teams').selectAll().where('teams.id', '=', id).executeTakeFirst();
    if (!current) throw notFound('Team');
    if (input.managerId && input.managerId !== current.manager_id) await assertEligibleManager(tx, input.managerId);
    const patch = columnsOf(input, { name: 'name', managerId: 'manager_id' });
    return writeVersioned({ scope: tx, actor, table: 'teams', entityType: 'team', action: 'update', current, expectedVersion: version, patch, present: () => findTeam(tx, id) });
  });
}

/** Teams led by someone who no longer may lead (deactivated, or now a rep) lose their manager, audited. */
export async function releaseLedTeams(scope: Scope, actor: Pick<Actor, 'id' | 'name'>, userId: string): Promise<void> {
  const released = await scope
    .updateTable('teams')
    .set((eb) => ({ manager_id: null, version: eb('version', '+', 1), updated_at: nowIso() }))
    .where('teams.manager_id', '=', userId)
    .returning('teams.id')
    .execute();
  await audit(
    scope,
    actor,
    released.map((t) => ({ entityType: 'team' as const, entityId: t.id, action: 'update' as const, before: { manager_id: userId }, after: { manager_id: null } })),
  );
}
