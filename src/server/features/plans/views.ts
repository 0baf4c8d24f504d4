import type { PlanView } from '../../../shared/team-view.js';
import type { Actor } from '../../core/actor.js';
import type { Scope } from '../../core/scope.js';

/**
 * The people a view covers, as a subquery of user ids (null: everyone in the workspace). "My team"
 * is the teams the person leads and the team they belong to — members and the team's manager —
 * themselves included.
 */
export function peopleInView(scope: Scope, actor: Actor, view: PlanView) {
  if (view === 'everyone') return null;
  const teamIds = [...new Set([...actor.ledTeamIds, ...(actor.teamId ? [actor.teamId] : [])])];
  const managers = scope.selectFrom('teams').select('teams.manager_id').where('teams.id', 'in', teamIds.length ? teamIds : ['']);
  return scope
    .selectFrom('users')
    .select('users.id')
    .where((eb) =>
      view === 'team' && teamIds.length > 0
        ? eb.or([eb('users.id', '=', actor.id), eb('users.team_id', 'in', teamIds), eb('users.id', 'in', managers)])
        : eb('users.id', '=', actor.id),
    );
}
