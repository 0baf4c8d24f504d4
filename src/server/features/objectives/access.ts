import type { Actor } from '../../core/actor.js';
import { forbidden, notFound } from '../../core/errors.js';
import { canEditOwned } from '../../core/policies.js';
import type { Scope } from '../../core/scope.js';

/**
 * Who may do what on an objective. Everyone in the workspace reads it. Its owner, their manager and
 * an admin change it and choose its contributors; they and the contributors add insights and tasks.
 */
export type ObjectiveAccess = { objectiveId: string; ownerId: string; canEdit: boolean; canContribute: boolean };

export async function objectiveAccess(scope: Scope, actor: Actor, objectiveId: string): Promise<ObjectiveAccess> {
  const row = await scope
    .selectFrom('account_objectives')
    .innerJoin('users as owner', 'owner.id', 'account_objectives.owner_id')
    .select(['account_objectives.id', 'account_objectives.owner_id', 'owner.team_id as owner_team_id'])
    .where('account_objectives.id', '=', objectiveId)
    .executeTakeFirst();
  if (!row) throw notFound('Objective');
  const canEdit = canEditOwned(actor, { id: row.owner_id, teamId: row.owner_team_id });
  const contributor = canEdit
    ? undefined
    : await scope
        .selectFrom('objective_contributors')
        .select('user_id')
        .where('objective_contributors.objective_id', '=', objectiveId)
        .where('objective_contributors.user_id', '=', actor.id)
        .executeTakeFirst();
  return { objectiveId: row.id, ownerId: row.owner_id, canEdit, canContribute: canEdit || contributor !== undefined };
}

export const CHANGE_REFUSED = 'Only the objective’s owner, their manager or an admin can change this objective.';
export const CONTRIBUTE_REFUSED = 'Only the objective’s owner and its contributors can add insights and tasks. Ask the owner to invite you.';

export async function editableObjective(scope: Scope, actor: Actor, objectiveId: string): Promise<ObjectiveAccess> {
  const access = await objectiveAccess(scope, actor, objectiveId);
  if (!access.canEdit) throw forbidden(CHANGE_REFUSED);
  return access;
}

export async function contributableObjective(scope: Scope, actor: Actor, objectiveId: string): Promise<ObjectiveAccess> {
  const access = await objectiveAccess(scope, actor, objectiveId);
  if (!access.canContribute) throw forbidden(CONTRIBUTE_REFUSED);
  return access;
}
