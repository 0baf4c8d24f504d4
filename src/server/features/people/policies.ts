import type { Actor } from '../../core/actor.js';
import { forbidden } from '../../core/errors.js';
import { canEditWorkspace, canManagePeople } from '../../core/policies.js';

/**
 * Who may do what with people, teams, invites and the workspace. Admins run the workspace; anyone
 * may read who is in it; a person may change their own name and time zone.
 */
export { canEditWorkspace, canManagePeople };

/** Name and time zone: an admin for anyone, everyone for themselves. */
export const canEditProfile = (actor: Actor, userId: string) => canManagePeople(actor) || actor.id === userId;

export function assertCanManagePeople(actor: Actor, what = 'manage people'): void {
  if (!canManagePeople(actor)) throw forbidden(`Only an admin can ${what}.`);
}

export function assertCanEditWorkspace(actor: Actor): void {
  if (!canEditWorkspace(actor)) throw forbidden('Only an admin can change the workspace settings.');
}
