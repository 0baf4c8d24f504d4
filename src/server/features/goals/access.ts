import type { Actor } from '../../core/actor.js';

/**
 * Who sees and changes goals.
 *
 * WHY LADDERS (and the why goal each leads to) are private: only their owner reads them — unless the
 * owner shared one with their manager, who then reads it too. "Their manager" is whoever manages the
 * team the rep is in when it is read. Nobody else — other reps, other managers, admins — reads one
 * through any route: to them it answers exactly like a record that does not exist. Only the owner
 * changes one. Their history is the owner's alone.
 *
 * WHAT GOALS are read by their owner, the manager of the owner's team and admins (for coaching);
 * other reps do not see them (no leaderboards). Their terms — title, period, measure, target,
 * stretch — belong to whoever set the goal: the owner, or for an outcome goal a manager or admin set
 * for them (a quota), that manager (any manager of the owner's team) or an admin. The steps, notes,
 * the link to a why, closing and reopening belong to the owner alone.
 */

const leads = (actor: Actor, teamId: string | null) => actor.role === 'manager' && teamId !== null && actor.ledTeamIds.includes(teamId);

export type LadderFacts = { owner_id: string; owner_team_id: string | null; shared_with_manager: number };

export function canReadWhy(actor: Actor, ladder: LadderFacts): boolean {
  if (ladder.owner_id === actor.id) return true;
  return ladder.shared_with_manager === 1 && leads(actor, ladder.owner_team_id);
}

export const canEditWhy = (actor: Actor, ladder: Pick<LadderFacts, 'owner_id'>): boolean => ladder.owner_id === actor.id;

export const WHY_CHANGE_REFUSED = 'Only its owner changes a why ladder; you can read it because they shared it with you.';

/** A manager reading a rep's whys sees only those shared; everyone else, none (an empty list, like no whys at all). */
export function sharedWhysVisibleTo(actor: Actor, owner: { id: string; team_id: string | null }): 'all' | 'shared' | 'none' {
  if (owner.id === actor.id) return 'all';
  return leads(actor, owner.team_id) ? 'shared' : 'none';
}

export type GoalFacts = { owner_id: string; owner_team_id: string | null; set_by_id: string };

export function canReadGoal(actor: Actor, goal: Pick<GoalFacts, 'owner_id' | 'owner_team_id'>): boolean {
  return goal.owner_id === actor.id || actor.role === 'admin' || leads(actor, goal.owner_team_id);
}

/** Whether this person sets goals for that one (their manager, or an admin; never for themselves through this rule). */
export function setsGoalsFor(actor: Actor, owner: { id: string; team_id: string | null }): boolean {
  return actor.role === 'admin' || leads(actor, owner.team_id);
}

export function canEditTerms(actor: Actor, goal: GoalFacts): boolean {
  if (goal.set_by_id === goal.owner_id) return goal.owner_id === actor.id;
  return setsGoalsFor(actor, { id: goal.owner_id, team_id: goal.owner_team_id });
}

export const canTakeSteps = (actor: Actor, goal: Pick<GoalFacts, 'owner_id'>): boolean => goal.owner_id === actor.id;

export const TERMS_REFUSED = 'The title, period, measure, target and stretch of this goal belong to whoever set it: for a quota, the manager of the team or an admin; otherwise its owner.';
export const STEPS_REFUSED = 'Only the goal’s owner takes its steps, writes its notes, links it to their why, and closes or reopens it.';
export const SET_FOR_REFUSED = 'Only the manager of their team or an admin can set a goal for someone else.';
