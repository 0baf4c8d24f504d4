import type { Actor } from '../../core/actor.js';
import { forbidden, notFound } from '../../core/errors.js';
import { canEditOwned } from '../../core/policies.js';
import type { Scope } from '../../core/scope.js';

/**
 * Who may do what on an interaction. Everyone in the workspace reads it (as they read accounts and
 * deals). Its owner, their manager and an admin plan, move, cancel it and record or correct its
 * result — and so own the actions kept on it.
 */
export type InteractionAccess = { interactionId: string; ownerId: string; accountId: string; opportunityId: string | null; canEdit: boolean };

export const CHANGE_REFUSED = 'Only the interaction’s owner, their manager or an admin can change it or record its result.';

export async function interactionAccess(scope: Scope, actor: Actor, id: string): Promise<InteractionAccess> {
  const row = await scope
    .selectFrom('interactions')
    .innerJoin('users as owner', 'owner.id', 'interactions.owner_id')
    .select(['interactions.id', 'interactions.owner_id', 'interactions.account_id', 'interactions.opportunity_id', 'owner.team_id as owner_team_id'])
    .where('interactions.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Interaction');
  return {
    interactionId: row.id,
    ownerId: row.owner_id,
    accountId: row.account_id,
    opportunityId: row.opportunity_id,
    canEdit: canEditOwned(actor, { id: row.owner_id, teamId: row.owner_team_id }),
  };
}

export async function editableInteraction(scope: Scope, actor: Actor, id: string): Promise<InteractionAccess> {
  const access = await interactionAccess(scope, actor, id);
  if (!access.canEdit) throw forbidden(CHANGE_REFUSED);
  return access;
}
