import type { Actor } from './actor.js';
import { forbidden, invalid } from './errors.js';
import { canEditOwned } from './policies.js';
import type { Scope } from './scope.js';

/**
 * Checks a proposed owner: an active person of this workspace whom the actor may hand records to
 * (themselves; their team, for a manager; anyone, for an admin).
 */
export async function assertAssignableOwner(scope: Scope, actor: Actor, ownerId: string, path = 'ownerId') {
  const owner = await scope.selectFrom('users').select(['id', 'team_id', 'status']).where('users.id', '=', ownerId).executeTakeFirst();
  if (!owner || owner.status !== 'active') throw invalid(path, 'Choose an active person in this workspace.');
  if (!canEditOwned(actor, { id: owner.id, teamId: owner.team_id })) {
    throw forbidden('You can only give records to yourself or, as a manager, to your team.');
  }
  return owner;
}
