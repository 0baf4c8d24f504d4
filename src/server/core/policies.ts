import type { Actor } from './actor.js';

/**
 * Who may change a record that has an owner: an admin anything, a manager what their team owns,
 * a rep what they own. Everyone in the workspace may read.
 */
export function canEditOwned(actor: Actor, owner: { id: string; teamId: string | null }): boolean {
  if (actor.role === 'admin') return true;
  if (owner.id === actor.id) return true;
  return actor.role === 'manager' && owner.teamId !== null && actor.ledTeamIds.includes(owner.teamId);
}

export const canManagePeople = (actor: Actor) => actor.role === 'admin';
export const canEditWorkspace = (actor: Actor) => actor.role === 'admin';
