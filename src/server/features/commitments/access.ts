import type { Actor } from '../../core/actor.js';
import type { CommitmentTable, PlanTable } from '../../core/db/schema.js';
import { notFound } from '../../core/errors.js';
import type { Scope } from '../../core/scope.js';
import { interactionAccess } from '../interactions/access.js';
import { canManage, isParticipant } from '../check-ins/access.js';
import { objectiveAccess } from '../objectives/access.js';
import { planAccess } from '../plans/access.js';

/**
 * Who may change a commitment follows what it belongs to: a plan's (the deal's owner, their manager,
 * an admin), an objective's (the objective's owner, their manager, an admin). Either way the
 * seller-side owner of the commitment may too: it is their word (plans/access.ts canEditCommitment).
 */
export type CommitmentAccess = {
  canEdit: boolean;
  /** The deal whose contacts may own customer-side commitments (plans only). */
  opportunityId: string | null;
  /** A closed plan takes no changes (409 plan_closed); null when the subject is not a plan. */
  planStatus: PlanTable['status'] | null;
};

export async function commitmentAccess(scope: Scope, actor: Actor, row: Pick<CommitmentTable, 'subject_kind' | 'subject_id'>): Promise<CommitmentAccess> {
  switch (row.subject_kind) {
    case 'plan': {
      const plan = await planAccess(scope, actor, row.subject_id);
      return { canEdit: plan.canEdit, opportunityId: plan.opportunityId, planStatus: plan.status };
    }
    case 'objective': {
      const objective = await objectiveAccess(scope, actor, row.subject_id);
      return { canEdit: objective.canEdit, opportunityId: null, planStatus: null };
    }
    case 'interaction': {
      // Actions kept on an interaction: its editors change them; a contact of its account may own one.
      const interaction = await interactionAccess(scope, actor, row.subject_id);
      return { canEdit: interaction.canEdit, opportunityId: interaction.opportunityId, planStatus: null };
    }
    case 'check_in': {
      // Actions agreed in a check-in: its two people and admins see them (anyone else: 404); its manager (or an admin) changes them, their owner too.
      const checkIn = await scope.selectFrom('check_ins').select(['manager_id', 'rep_id']).where('check_ins.id', '=', row.subject_id).executeTakeFirst();
      if (!checkIn || !isParticipant(actor, checkIn)) throw notFound('Commitment');
      return { canEdit: canManage(actor, checkIn), opportunityId: null, planStatus: null };
    }
    default:
      throw notFound('Commitment');
  }
}
