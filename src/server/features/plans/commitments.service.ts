import type { Commitment, CreateCommitmentBody, UpdateCommitmentBody } from '../../../shared/commitments.js';
import { instantOn, isBeforeToday } from '../../../domain/dates.js';
import type { Actor } from '../../core/actor.js';
import { audit } from '../../core/audit.js';
import { forbidden, invalid, notFound, ruleViolation } from '../../core/errors.js';
import { newId, nowIso } from '../../core/ids.js';
import { columnsOf, writeVersioned } from '../../core/records.js';
import type { Scope } from '../../core/scope.js';
import { scoped } from '../../core/db/prepared.js';
import type { CommitmentTable } from '../../core/db/schema.js';
import { assertPlanOpen, canEditCommitment, planAccess, touchPlan, writablePlan, type PlanAccess } from './access.js';
import { findCommitment } from './commitment-queries.js';
import { assertNotPast, ownerZoneFor } from './date-rules.js';
import { hasOwnerInput, resolveOwner } from './owners.js';
import type { Op } from './plans.service.js';

export async function presentCommitmentById(scope: Scope, actor: Actor, access: PlanAccess, id: string): Promise<Commitment> {
  const c = await findCommitment(scope, actor, access, id);
  if (!c) throw notFound('Commitment');
  return c;
}

export async function getCommitment(scope: Scope, actor: Actor, id: string): Promise<Commitment> {
  const row = await scope.selectFrom('commitments').select('plan_id').where('commitments.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Commitment');
  return presentCommitmentById(scope, actor, await planAccess(scope, actor, row.plan_id), id);
}

/** The commitment row and its plan's access, refusing a person who may not change it. */
const commitmentRow = scoped((scope, p: { id: string }) => scope.selectFrom('commitments').selectAll('commitments').where('commitments.id', '=', p.id));

export async function commitmentForChange(scope: Scope, actor: Actor, id: string): Promise<{ row: CommitmentTable; access: PlanAccess }> {
  const row = await commitmentRow.first(scope, { id });
  if (!row) throw notFound('Commitment');
  const access = await planAccess(scope, actor, row.plan_id);
  if (!canEditCommitment(access, actor, row)) {
    throw forbidden('Only the commitment’s owner, the opportunity’s owner, their manager or an admin can change this commitment.');
  }
  assertPlanOpen(access);
  return { row, access };
}

export async function assertActiveMilestone(scope: Scope, planId: string, milestoneId: string, path = 'milestoneId'): Promise<void> {
  const m = await scope
    .selectFrom('plan_milestones')
    .select('id')
    .where('plan_milestones.id', '=', milestoneId)
    .where('plan_milestones.plan_id', '=', planId)
    .where('plan_milestones.archived_at', 'is', null)
    .executeTakeFirst();
  if (!m) throw invalid(path, 'Choose a milestone of this plan.');
}

export async function nextCommitmentPosition(scope: Scope, planId: string): Promise<number> {
  const last = await scope
    .selectFrom('commitments')
    .select('position')
    .where('commitments.plan_id', '=', planId)
    .orderBy('position', 'desc')
    .limit(1)
    .executeTakeFirst();
  return last ? last.position + 1 : 0;
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
    const row: CommitmentTable = {
      id: newId(),
      workspace_id: tx.workspaceId,
      plan_id: planId,
      milestone_id: input.milestoneId ?? null,
      position: await nextCommitmentPosition(tx, planId),
      side: input.side,
      ...owner,
      role: input.role ?? null,
      title: input.title,
      detail: input.detail ?? null,
      due_date: input.dueDate,
      original_due_date: input.dueDate,
      must_do: input.mustDo ? 1 : 0,
      internal_only: input.internalOnly ? 1 : 0,
      status: done ? 'done' : 'open',
      drop_reason: null,
      done_at: done ? doneAt : null,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    const { workspace_id: _ws, ...values } = row;
    await tx.insert('commitments', values);
    await audit(tx, actor, { entityType: 'commitment', entityId: row.id, action: 'create', before: null, after: values });
    await touchPlan(tx, planId, now);
    return presentCommitmentById(tx, actor, access, row.id);
  });
}

/** done stamps done_at (once); reopening clears it; only a dropped commitment keeps a reason. */
export function statusColumns(current: Pick<CommitmentTable, 'status' | 'done_at' | 'drop_reason'>, status: CommitmentTable['status'] | undefined, dropReason: string | null | undefined) {
  const next = status ?? current.status;
  return {
    status: next,
    done_at: next === 'done' ? (current.status === 'done' ? current.done_at : nowIso()) : null,
    drop_reason: next === 'dropped' ? (dropReason !== undefined ? dropReason : current.drop_reason) : null,
  };
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
      if (!access.canEdit) throw forbidden('Only the opportunity’s owner, their manager or an admin can hand a commitment to someone else.');
      const keepName = current.owner_name && input.ownerName === undefined && input.ownerContactId === undefined ? { ownerName: current.owner_name } : {};
      owner = await resolveOwner(tx, access, current.side, { ...keepName, ...input }, null);
    }
    const status = statusColumns(current, input.status, input.dropReason);
    if (status.status === 'dropped' && !status.drop_reason) throw invalid('dropReason', 'Say why this commitment is dropped.');
    const patch = {
      ...columnsOf(input, { role: 'role', title: 'title', detail: 'detail' }),
      ...(input.mustDo !== undefined ? { must_do: input.mustDo ? 1 : 0 } : {}),
      ...(input.internalOnly !== undefined ? { internal_only: input.internalOnly ? 1 : 0 } : {}),
      ...owner,
      ...status,
    };
    const out = await writeVersioned({
      scope: tx,
      actor,
      table: 'commitments',
      entityType: 'commitment',
      action: 'update',
      current,
      expectedVersion: version,
      patch,
      present: () => presentCommitmentById(tx, actor, access, id),
    });
    if (out.version !== current.version) await touchPlan(tx, current.plan_id);
    return out;
  });
}
