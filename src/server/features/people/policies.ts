import type { Actor } from '../../core/actor.js';
import { canEditWorkspace, canManagePeople } from '../../core/policies.js';

/**
 * Who may do what with people, teams, invites and the workspace. Admins run the workspace (routes
 * declare `{ role: 'admin' }`); anyone may read who is in it; a person may change their own name and
 * time zone (`{ owns: 'user' }`).
 */
export { canEditWorkspace, canManagePeople };

/** Name and time zone: an admin for anyone, everyone for themselves. */
export const canEditProfile = (actor: Actor, userId: string) => canManagePeople(actor) || actor.id === userId;
