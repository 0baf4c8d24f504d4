import type { Actor } from '../../core/actor.js';

/**
 * Who sets and who reads yearly targets and account planning.
 *
 * - A rep's yearly target is set by the manager of the rep's team or by an admin. Nobody but an
 *   admin sets their own: a target is agreed with someone, not written by the person measured by it.
 * - A rep reads their own planning; a manager their own and their team's; an admin everyone's.
 */
export type Person = { id: string; name: string; team_id: string | null; status: 'active' | 'deactivated' };

const leads = (actor: Actor, teamId: string | null) => actor.role === 'manager' && teamId !== null && actor.ledTeamIds.includes(teamId);

/** Whose targets this person sets, whatever the state of the other person's account. */
export function setsTargetsOf(actor: Actor, person: Pick<Person, 'id' | 'team_id'>): boolean {
  if (actor.role === 'admin') return true;
  if (person.id === actor.id) return false;
  return leads(actor, person.team_id);
}

/** Whether this person's target can be set by the actor now (a deactivated person's targets stay as they were). */
export const canSetTarget = (actor: Actor, person: Pick<Person, 'id' | 'team_id' | 'status'>): boolean => person.status === 'active' && setsTargetsOf(actor, person);

/** Why this person may not set that person's target, in words that say who can. */
export function targetRefusal(actor: Actor, person: Pick<Person, 'id' | 'name'>): string {
  if (person.id === actor.id) {
    return actor.role === 'rep'
      ? 'Reps cannot set their own yearly target: your manager or an admin sets it with you.'
      : 'You cannot set your own yearly target: an admin sets it.';
  }
  if (actor.role === 'rep') return 'Reps cannot set yearly targets: the manager of the rep’s team or an admin sets them.';
  return `Only the manager of ${person.name}’s team or an admin can set their yearly target.`;
}

export function canReadPlanning(actor: Actor, person: Pick<Person, 'id' | 'team_id'>): boolean {
  return actor.role === 'admin' || person.id === actor.id || leads(actor, person.team_id);
}

export const PLANNING_REFUSED = 'You see your own account planning; a manager also sees their team’s, and an admin everyone’s.';

export function canReadTeam(actor: Actor, teamId: string): boolean {
  return actor.role === 'admin' || leads(actor, teamId);
}

export const TEAM_REFUSED = 'Only the team’s manager or an admin sees the team’s account planning.';
