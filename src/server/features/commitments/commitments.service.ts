import type { Commitment, CreateCommitmentBody, UpdateCommitmentBody } from '../../../shared/commitments.js';
import { instantOn, isBeforeToday } from '../../../domain/dates.js';
import type { Actor } from '../../core/actor.js';
import { forbidden, invalid, notFound, ruleViolation } from '../../core/errors.js';
import { nowIso } from '../../core/ids.js';
import { columnsOf } from '../../core/records.js';
import type { Scope } from '../../core/scope.js';
import { scoped } from '../../core/db/prepared.js';
import { dbKind } from '../../core/db/connect.js';
import type { CommitmentTable } from '../../core/db/schema.js';
import { assertPlanOpen, canEditCommitment, writablePlan } from '../plans/access.js';
import { commitmentAccess, type CommitmentAccess } from './access.js';
import { changeCommitment, insertCommitments } from './engine.js';
import { planSubject } from './subjects.js';
import { findCommitment } from './queries.js';
import { assertNotPast, ownerZoneFor } from './date-rules.js';
import { hasOwnerInput, resolveOwner } from './owners.js';
import type { Op } from '../plans/plans.service.js';

export async function presentCommitmentById(scope: Scope, actor: Actor, access: Pick<CommitmentAccess, 'canEdit'>, id: string): Promise<Commitment> {
  const c = await findCommitment(scope, actor, access, id);
  if (!c) throw notFound('Commitment');
  return c;
}

export async function getCommitment(scope: Scope, actor: Actor, id: string): Promise<Commitment> {
  const row = await scope.selectFrom('commitments').select(['subject_kind', 'subject_id']).where('commitments.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Commitment');
  return presentCommitmentById(scope, actor, await commitmentAccess(scope, actor, row), id);
}

const commitmentRow = scoped((scope, p: { id: string }) => scope.selectFrom('commitments').selectAll('commitments').where('commitments.id', '=', p.id));

type ForChange = { row: CommitmentTable; access: CommitmentAccess };
const known = (id: string) => `commitment:${id}`;

/**
 * The commitment row and who may do what with it (undefined when there is none): what the route's
 * policy judges (features/ownership.ts), remembered for the service in the same request.
 */
export async function readCommitmentForChange(scope: Scope, actor: Actor, id: string): Promise<ForChange | undefined> {
  const found = await read(scope, actor, id);
  if (found) scope.remember(known(id), found);
  return found;
}

async function read(scope: Scope, actor: Actor, id: string): Promise<ForChange | undefined> {
  const row = await commitmentRow.first(scope, { id });
  return row ? { row, access: await commitmentAccess(scope, actor, row) } : undefined;
}

/** The commitment row and who may do what with it, refusing a person who may not change it (and a closed plan). */
export async function commitmentForChange(scope: Scope, actor: Actor, id: string): Promise<ForChange> {
  const found = scope.recall<ForChange>(known(id)) ?? (await read(scope, actor, id));
  if (!found) throw notFound('Commitment');
  const { row, access } = found;
  if (!canEditCommitment(access, actor, row)) {
    throw forbidden(
      row.subject_kind === 'plan'
        ? 'Only the commitment’s owner, the opportunity’s owner, their manager or an admin can change this commitment.'
        : 'Only the task’s owner, the objective’s owner, their manager or an admin can change this task.',
    );
  }
  if (access.planStatus) assertPlanOpen({ status: access.planStatus });
  return { row, access };
}

/**
 * The milestone a commitment joins is one of its plan's, not archived — and stays so until the
 * commitment is written: on PostgreSQL the read shares the lock an archive takes first, so an archive
 * under way is waited for (and then refused here), and a later one sees the new commitment.
 */
export async function assertActiveMilestone(scope: Scope, planId: string, milestoneId: string, path = 'milestoneId'): Promise<void> {
  const m = await scope
    .selectFrom('plan_milestones')
    .select('id')
    .where('plan_milestones.id', '=', milestoneId)
    .where('plan_milestones.plan_id', '=', planId)
    .where('plan_milestones.archived_at', 'is', null)
    .$if(dbKind(scope.db) === 'postgres', (q) => q.forShare())
    .executeTakeFirst();
  if (!m) throw invalid(path, 'Choose a milestone of this plan.');
}

export async function createCommitment({ scope, actor, planId, input }: Op<{ planId: string; input: CreateCommitmentBody }>): Promise<Commitment> {
  return scope.transaction(async (tx) => {
    const access = await writablePlan(tx, actor, planId);
    if (input.side === 'customer' && input.internalOnly) throw invalid('internalOnly', 'Only seller-side commitments can be internal.');
    if (input.milestoneId) await assertActiveMilestone(tx, planId, input.milestoneId);
    const owner = await resolveOwner(tx, access, input.side, input, actor.id);
    const done = input.status === 'done';
    const zone = await ownerZoneFor(tx, { side: input.side, ownerUserId: owner.owner_user_id, customerTimeZone: access.customerTimeZone });
    if (!done) assertNotPast('dueDate', input.dueDate, zone);
    const now = nowIso();
    // Something already kept is recorded as kept on the day it was due (a day gone by), not today:
    // writing it down late must not make it "kept late".
    const doneAt = isBeforeToday(input.dueDate, zone, new Date(now)) ? instantOn(input.dueDate, zone).toISOString() : now;
    const [id] = await insertCommitments(tx, actor, planSubject(planId), [
      {
        side: input.side,
        ...owner,
        role: input.role,
        title: input.title,
        detail: input.detail,
        dueDate: input.dueDate,
        milestoneId: input.milestoneId,
        mustDo: input.mustDo,
        internalOnly: input.internalOnly,
        doneAt: done ? doneAt : null,
      },
    ], { now });
    return presentCommitmentById(tx, actor, access, id);
  });
}

export async function updateCommitment({ scope, actor, id, input, version }: Op<{ id: string; input: UpdateCommitmentBody; version?: number }>): Promise<Commitment> {
  return scope.transaction(async (tx) => {
    const { row: current, access } = await commitmentForChange(tx, actor, id);
    if (input.dueDate !== undefined && input.dueDate !== current.due_date) {
      throw ruleViolation('A due date changes through a renegotiation, with a reason: POST /api/v1/commitments/{id}/renegotiations.', [
        { path: 'dueDate', message: 'Re-date it with a reason instead, so both sides see the change.' },
      ]);
    }
    if (current.side === 'customer' && input.internalOnly) throw invalid('internalOnly', 'Only seller-side commitments can be internal.');
    let owner = {};
    if (hasOwnerInput(input)) {
      if (!access.canEdit) throw forbidden('Only the owner of what it belongs to, their manager or an admin can hand a commitment to someone else.');
      // An action agreed in a check-in stays between its two people (check-ins/service.ts addAction):
      // handed to anyone else it would reach their Today, calendar feed and figures.
      if (current.subject_kind === 'check_in' && input.ownerUserId !== undefined) {
        const pair = await tx.selectFrom('check_ins').select(['rep_id', 'manager_id']).where('check_ins.id', '=', current.subject_id).executeTakeFirstOrThrow();
        if (input.ownerUserId !== pair.rep_id && input.ownerUserId !== pair.manager_id) throw invalid('ownerUserId', 'An action agreed in a check-in is the manager’s or the rep’s.');
      }
      // A task of an objective is its owner's or a contributor's, as when it was added
      // (objectives/service.ts addTask): handed to anyone else it would reach their Today, calendar
      // feed and figures from an objective they were never invited to.
      if (current.subject_kind === 'objective' && input.ownerUserId !== undefined) {
        const to = input.ownerUserId;
        const objective = await tx.selectFrom('account_objectives').select('owner_id').where('account_objectives.id', '=', current.subject_id).executeTakeFirstOrThrow();
        // Keeping the owner it has (a contributor since removed keeps their task) is no handover.
        const onIt =
          to === current.owner_user_id ||
          to === objective.owner_id ||
          (await tx
            .selectFrom('objective_contributors')
            .select('objective_contributors.user_id')
            .where('objective_contributors.objective_id', '=', current.subject_id)
            .where('objective_contributors.user_id', '=', to)
            .executeTakeFirst()) !== undefined;
        if (!onIt) throw invalid('ownerUserId', 'Choose the objective’s owner or one of its contributors.');
      }
      const keepName = current.owner_name && input.ownerName === undefined && input.ownerContactId === undefined ? { ownerName: current.owner_name } : {};
      owner = await resolveOwner(tx, access, current.side, { ...keepName, ...input }, null);
    }
    const patch = {
      ...columnsOf(input, { role: 'role', title: 'title', detail: 'detail' }),
      ...(input.mustDo !== undefined ? { must_do: input.mustDo ? 1 : 0 } : {}),
      ...(input.internalOnly !== undefined ? { internal_only: input.internalOnly ? 1 : 0 } : {}),
      ...owner,
      status: input.status,
      dropReason: input.dropReason,
    };
    return changeCommitment({ tx, actor, current, expectedVersion: version, patch, opportunityId: access.opportunityId, present: () => presentCommitmentById(tx, actor, access, id) });
  });
}
