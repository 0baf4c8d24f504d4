import type { Actor } from '../../core/actor.js';
import { forbidden } from '../../core/errors.js';

/** The stage list is a workspace setting: everyone reads it, admins change it. */
export const canEditStages = (actor: Actor) => actor.role === 'admin';

export function assertCanEditStages(actor: Actor): void {
  if (!canEditStages(actor)) throw forbidden('Only an admin can change the stages.');
}
