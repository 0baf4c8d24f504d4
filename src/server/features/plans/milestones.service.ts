import { sql } from 'kysely';
import type { CreateMilestoneBody, Milestone, UpdateMilestoneBody } from '../../../shared/plans.js';
import type { Actor } from '../../core/actor.js';
import { audit } from '../../core/audit.js';
import { notFound } from '../../core/errors.js';
import { newId, nowIso } from '../../core/ids.js';
import { assertVersionRead, columnsOf, lockRow, writeVersioned } from '../../core/records.js';
import type { Scope } from '../../core/scope.js';
import { planAccess, touchPlan, writablePlan, type PlanAccess } from './access.js';
import { assertNewDatesNotPast } from '../commitments/date-rules.js';
import type { Op } from './plans.service.js';
import { presentMilestone } from './queries.js';

async function present(scope: Scope, access: PlanAccess, id: string): Promise<Milestone> {
  const row = await scope.selectFrom('plan_milestones').selectAll('plan_milestones').where('plan_milestones.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Milestone');
  return presentMilestone(row, access);
}

export async function findMilestone(scope: Scope, actor: Actor, id: string): Promise<Milestone> {
  const row = await scope.selectFrom('plan_milestones').select('plan_id').where('plan_milestones.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Milestone');
  return present(scope, await planAccess(scope, actor, row.plan_id), id);
}

async function loadForChange(scope: Scope, actor: Actor, id: string) {
  const row = await scope.selectFrom('plan_milestones').selectAll('plan_milestones').where('plan_milestones.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Milestone');
  return { row, access: await writablePlan(scope, actor, row.plan_id) };
}

/**
 * The place after the plan's last milestone, read with the plan's row held (PostgreSQL): two writers
 * adding at once would otherwise both read the same last place and both take the next. The second
 * waits, then reads the first one's milestone (lockSubject in commitments/subjects.ts, for commitments).
 */
async function nextPosition(scope: Scope, planId: string): Promise<number> {
  await lockRow(scope, 'plans', planId);
  const last = await scope
    .selectFrom('plan_milestones')
    .select('position')
    .where('plan_milestones.plan_id', '=', planId)
    .orderBy('position', 'desc')
    .limit(1)
    .executeTakeFirst();
  return last ? last.position + 1 : 0;
}

export async function createMilestone({ scope, actor, planId, input }: Op<{ planId: string; input: CreateMilestoneBody }>): Promise<Milestone> {
  return scope.transaction(async (tx) => {
    const access = await writablePlan(tx, actor, planId);
    assertNewDatesNotPast(actor.timeZone, { dueDate: input.dueDate });
    const now = nowIso();
    const row = {
      id: newId(),
      plan_id: planId,
      title: input.title,
      due_date: input.dueDate ?? null,
      position: await nextPosition(tx, planId),
      archived_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await tx.insert('plan_milestones', row);
    await audit(tx, actor, { entityType: 'milestone', entityId: row.id, action: 'create', before: null, after: row });
    await touchPlan(tx, planId, now);
    return presentMilestone({ ...row, workspace_id: tx.workspaceId }, access);
  });
}

export async function updateMilestone({ scope, actor, id, input, version }: Op<{ id: string; input: UpdateMilestoneBody; version?: number }>): Promise<Milestone> {
  return scope.transaction(async (tx) => {
    const { row, access } = await loadForChange(tx, actor, id);
    assertNewDatesNotPast(actor.timeZone, { dueDate: input.dueDate }, { dueDate: row.due_date });
    const patch = columnsOf(input, { title: 'title', dueDate: 'due_date' });
    const out = await writeVersioned({
      scope: tx,
      actor,
      table: 'plan_milestones',
      entityType: 'milestone',
      action: 'update',
      current: row,
      expectedVersion: version,
      patch,
      present: () => present(tx, access, id),
    });
    if (out.version !== row.version) await touchPlan(tx, row.plan_id);
    return out;
  });
}

/** Takes a milestone's commitments off it (they stay on the plan): the ids that left. */
async function leaveMilestone(tx: Scope, id: string): Promise<{ id: string }[]> {
  return tx
    .updateTable('commitments')
    .set({ milestone_id: null, version: sql<number>`commitments.version + 1`, updated_at: nowIso() })
    .where('commitments.milestone_id', '=', id)
    .returning('commitments.id')
    .execute();
}

/**
 * Archiving a milestone keeps its commitments on the plan, without a milestone; restoring puts it
 * back at the end.
 */
export async function setMilestoneArchived({ scope, actor, id, archived, version }: Op<{ id: string; archived: boolean; version?: number }>): Promise<Milestone> {
  return scope.transaction(async (tx) => {
    const { row, access } = await loadForChange(tx, actor, id);
    await assertVersionRead(row, version, () => present(tx, access, id));
    if ((row.archived_at !== null) === archived) return presentMilestone(row, access);
    // Restoring reads the next place with the plan held: the milestone's row first, the lock order
    // of every plan writer (milestones, then the plan), so an archive of it meanwhile cannot deadlock.
    if (!archived) await lockRow(tx, 'plan_milestones', id);
    // Its commitments leave whatever their versions: leaving does not depend on what anyone saw of
    // them, so an edit of one committed meanwhile is no conflict (PostgreSQL re-reads each row it
    // waited for and skips one moved elsewhere). Their version moves on, so an edit from before fails.
    // Commitments before the milestone, the lock order of every plan writer (layout.service.ts).
    const moved = archived ? await leaveMilestone(tx, id) : [];
    const out = await writeVersioned({
      scope: tx,
      actor,
      table: 'plan_milestones',
      entityType: 'milestone',
      action: archived ? 'archive' : 'restore',
      current: row,
      expectedVersion: version,
      patch: archived ? { archived_at: nowIso() } : { archived_at: null, position: await nextPosition(tx, row.plan_id) },
      present: () => present(tx, access, id),
    });
    // A commitment added to it meanwhile (PostgreSQL): its writer shared the lock the archive just took
    // (assertActiveMilestone), so it has committed by now, and it leaves too; later ones are refused.
    if (archived) moved.push(...(await leaveMilestone(tx, id)));
    if (moved.length > 0) {
      await audit(
        tx,
        actor,
        moved.map((c) => ({ entityType: 'commitment' as const, entityId: c.id, action: 'update' as const, before: { milestone_id: id }, after: { milestone_id: null } })),
      );
    }
    await touchPlan(tx, row.plan_id);
    return out;
  });
}
