import type { CreateRenegotiationBody, RenegotiationResult } from '../../../shared/commitments.js';
import type { Actor } from '../../core/actor.js';
import type { CommitmentRenegotiationTable } from '../../core/db/schema.js';
import { notFound } from '../../core/errors.js';
import type { Scope } from '../../core/scope.js';
import type { CommitmentAccess } from '../commitments/access.js';
import { presentRenegotiation } from '../commitments/queries.js';
import { commitmentForChange, presentCommitmentById } from '../commitments/commitments.service.js';
import { answerDateChange, requestDateChange, type Party } from '../commitments/redate.js';
import type { Op } from '../plans/plans.service.js';

/** A seller's proposals and answers through the API; the rules are the engine's (commitments/redate.ts). */

async function result(tx: Scope, actor: Actor, access: Pick<CommitmentAccess, 'canEdit'>, reneg: CommitmentRenegotiationTable): Promise<RenegotiationResult> {
  const commitment = await presentCommitmentById(tx, actor, access, reneg.commitment_id);
  return {
    renegotiation: commitment.renegotiations.find((r) => r.id === reneg.id) ?? presentRenegotiation(reneg, false),
    commitment,
  };
}

const sellerParty = (actor: Actor): Party => ({ side: 'seller', userId: actor.id, name: actor.name });

export async function proposeNewDate({ scope, actor, commitmentId, input }: Op<{ commitmentId: string; input: CreateRenegotiationBody }>): Promise<RenegotiationResult> {
  return scope.transaction(async (tx) => {
    const { access } = await commitmentForChange(tx, actor, commitmentId);
    const reneg = await requestDateChange(tx, { commitmentId, by: sellerParty(actor), auditActor: actor, input });
    return result(tx, actor, access, reneg);
  });
}

export async function answerNewDate({ scope, actor, id, accept, note }: Op<{ id: string; accept: boolean; note?: string | null }>): Promise<RenegotiationResult> {
  return scope.transaction(async (tx) => {
    const reneg = await tx.selectFrom('commitment_renegotiations').select('commitment_id').where('commitment_renegotiations.id', '=', id).executeTakeFirst();
    if (!reneg) throw notFound('Renegotiation');
    const { access } = await commitmentForChange(tx, actor, reneg.commitment_id);
    const answered = await answerDateChange(tx, { renegotiationId: id, by: sellerParty(actor), auditActor: actor, accept, note });
    return result(tx, actor, access, answered);
  });
}
