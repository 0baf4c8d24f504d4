import type { Actor } from '../../core/actor.js';

/**
 * Who reads whose coaching figures. A rep reads their own; a manager their own and those of the
 * teams they lead; an admin anyone's. Nobody reads another team's: figures that judge people stay
 * between the person and the people who coach them.
 */
const leads = (actor: Actor, teamId: string | null) => actor.role === 'manager' && teamId !== null && actor.ledTeamIds.includes(teamId);

export const canReadRep = (actor: Actor, person: { id: string; team_id: string | null }): boolean =>
  actor.role === 'admin' || person.id === actor.id || leads(actor, person.team_id);

export const REP_REFUSED = 'You see your own coaching figures; a manager also sees those of their team, and an admin everyone’s.';

export const canReadTeam = (actor: Actor, teamId: string): boolean => actor.role === 'admin' || leads(actor, teamId);

export const TEAM_REFUSED = 'Only the team’s manager or an admin sees the team’s coaching figures.';
