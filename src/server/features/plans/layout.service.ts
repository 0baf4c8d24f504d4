import { sql } from 'kysely';
import type { PlanLayoutBody } from '../../../shared/commitments.js';
import type { Plan } from '../../../shared/plans.js';
import { audit, type AuditInput } from '../../core/audit.js';
import { AppError, conflict, type ErrorDetail } from '../../core/errors.js';
import { updateAtVersion } from '../../core/records.js';
import { dbKind } from '../../core/db/connect.js';
import { touchPlan, writablePlan } from './access.js';
import { presentPlan, type Op } from './plans.service.js';

/** Every active milestone once (null = "no milestone", at most once) and every commitment once. */
function checkLayout(input: PlanLayoutBody, milestoneIds: Set<string>, commitmentIds: Set<string>): ErrorDetail[] {
  const issues: ErrorDetail[] = [];
  const seenGroups = new Set<string | null>();
  const seen = new Set<string>();
  input.milestones.forEach((group, i) => {
    if (seenGroups.has(group.id)) issues.push({ path: `milestones.${i}.id`, message: 'Each milestone may appear only once.' });
    seenGroups.add(group.id);
    if (group.id !== null && !milestoneIds.has(group.id)) issues.push({ path: `milestones.${i}.id`, message: 'This is not an active milestone of this plan.' });
    group.commitmentIds.forEach((id, j) => {
      const path = `milestones.${i}.commitmentIds.${j}`;
      if (seen.has(id)) issues.push({ path, message: 'Each commitment may appear only once.' });
      else if (!commitmentIds.has(id)) issues.push({ path, message: 'This is not a commitment of this plan.' });
      seen.add(id);
    });
  });
  for (const id of milestoneIds) if (!seenGroups.has(id)) issues.push({ path: 'milestones', message: `Milestone ${id} is missing: list every milestone of the plan.` });
  for (const id of commitmentIds) if (!seen.has(id)) issues.push({ path: 'milestones', message: `Commitment ${id} is missing: list every commitment of the plan.` });
  return issues;
}

/**
 * Sets the whole order of a plan in one transaction: milestones in the order listed, commitments in
 * the order listed (across the plan) and each under the milestone it is listed with. Either all of
 * it applies or none does.
 */
export async function setPlanLayout({ scope, actor, planId, input }: Op<{ planId: string; input: PlanLayoutBody }>): Promise<Plan> {
  try {
    return await applyLayout({ scope, actor, planId, input });
  } catch (err) {
    // Rolled back whole; the answer shows the plan as it now is, so the page can lay it out again.
    if (err instanceof StaleLayout) throw conflict(await presentPlan(scope, actor, planId));
    throw err;
  }
}

/** A row of the plan changed between reading the layout and writing it. */
class StaleLayout extends Error {}

type Positioned = { id: string; position: number };
const inOrder = <T extends Positioned>(rows: readonly T[]) => [...rows].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/**
 * Whether the plan is in the order `basis` says: the same active milestones in the same order, and
 * under each (and under none) the same commitments in the same order — as GET /plans/{id} lists them.
 * Where the group without a milestone stands among the others does not matter.
 */
export function sameOrder(basis: PlanLayoutBody['basis'], milestones: readonly Positioned[], commitments: readonly (Positioned & { milestone_id: string | null })[]): boolean {
  const milestoneIds = inOrder(milestones).map((m) => m.id);
  const basisMilestones = basis.flatMap((g) => (g.id === null ? [] : [g.id]));
  if (basisMilestones.length !== milestoneIds.length || basisMilestones.some((id, i) => id !== milestoneIds[i])) return false;
  const active = new Set(milestoneIds);
  const groups = new Map<string | null, string[]>();
  for (const c of inOrder(commitments)) {
    const key = c.milestone_id !== null && active.has(c.milestone_id) ? c.milestone_id : null;
    groups.set(key, [...(groups.get(key) ?? []), c.id]);
  }
  if (basis.filter((g) => g.id === null).length > 1) return false;
  let listed = 0;
  for (const g of basis) {
    const current = groups.get(g.id) ?? [];
    if (current.length !== g.commitmentIds.length || current.some((id, i) => id !== g.commitmentIds[i])) return false;
    listed += current.length;
  }
  return listed === commitments.length;
}

async function applyLayout({ scope, actor, planId, input }: Op<{ planId: string; input: PlanLayoutBody }>): Promise<Plan> {
  return scope.transaction(async (tx) => {
    await writablePlan(tx, actor, planId);
    const [milestones, commitments] = await Promise.all([
      tx.selectFrom('plan_milestones').select(['id', 'position', 'version']).where('plan_milestones.plan_id', '=', planId).where('plan_milestones.archived_at', 'is', null).execute(),
      tx.selectFrom('commitments').select(['id', 'milestone_id', 'position', 'version']).where('commitments.plan_id', '=', planId).execute(),
    ]);
    // From the order its author read, like every other change: someone else's move meanwhile is a conflict, not overwritten.
    if (!sameOrder(input.basis, milestones, commitments)) throw new StaleLayout();
    const issues = checkLayout(input, new Set(milestones.map((m) => m.id)), new Set(commitments.map((c) => c.id)));
    if (issues.length) throw new AppError('validation_failed', 'The layout must list every milestone and every commitment of the plan exactly once.', issues);

    // Work out every move first, then write them commitments before milestones, each by id: every
    // writer on a plan takes its row locks in that one order (then the plan's), so two writers on
    // PostgreSQL wait for each other instead of deadlocking.
    type Move = { table: 'commitments' | 'plan_milestones'; id: string; version: number; set: Record<string, unknown>; event: AuditInput };
    const moves: Move[] = [];
    const milestoneById = new Map(milestones.map((m) => [m.id, m]));
    const commitmentById = new Map(commitments.map((c) => [c.id, c]));
    let milestonePosition = 0;
    let position = 0;
    for (const group of input.milestones) {
      if (group.id !== null) {
        const m = milestoneById.get(group.id);
        if (m && m.position !== milestonePosition) {
          const event: AuditInput = { entityType: 'milestone', entityId: m.id, action: 'update', before: { position: m.position }, after: { position: milestonePosition } };
          moves.push({ table: 'plan_milestones', id: m.id, version: m.version, set: { position: milestonePosition }, event });
        }
        milestonePosition += 1;
      }
      for (const id of group.commitmentIds) {
        const c = commitmentById.get(id);
        if (c && (c.position !== position || c.milestone_id !== group.id)) {
          const after = { milestone_id: group.id, position };
          const event: AuditInput = { entityType: 'commitment', entityId: id, action: 'update', before: { milestone_id: c.milestone_id, position: c.position }, after };
          moves.push({ table: 'commitments', id, version: c.version, set: after, event });
        }
        position += 1;
      }
    }
    moves.sort((a, b) => (a.table === b.table ? (a.id < b.id ? -1 : 1) : a.table === 'commitments' ? -1 : 1));
    // Milestones a commitment joins without moving themselves: on PostgreSQL each is taken too, in the
    // same id order as the moved ones, and must still be there — an archive under way (it takes the
    // milestone's row, then takes its commitments off) is waited for, and then the layout is stale.
    const joined = new Set(moves.filter((m) => m.table === 'commitments' && m.set.milestone_id !== null && m.set.milestone_id !== commitmentById.get(m.id)?.milestone_id).map((m) => m.set.milestone_id as string));
    for (const m of moves) if (m.table === 'plan_milestones') joined.delete(m.id);
    const held = dbKind(tx.db) === 'postgres' ? [...joined].sort() : [];
    const steps: (Move | { hold: string })[] = [...moves.filter((m) => m.table === 'commitments'), ...[...moves.filter((m) => m.table === 'plan_milestones'), ...held.map((id) => ({ hold: id }))].sort((a, b) => (('hold' in a ? a.hold : a.id) < ('hold' in b ? b.hold : b.id) ? -1 : 1))];
    for (const step of steps) {
      if ('hold' in step) {
        const still = await sql`select id from plan_milestones where id = ${step.hold} and workspace_id = ${tx.workspaceId} and archived_at is null for no key update`.execute(tx.db);
        if (still.rows.length === 0) throw new StaleLayout();
      } else if (!(await updateAtVersion(tx, step.table, step.id, step.version, step.set))) throw new StaleLayout();
    }
    const events = moves.map((m) => m.event);
    if (events.length) {
      await audit(tx, actor, events);
      await touchPlan(tx, planId);
    }
    return presentPlan(tx, actor, planId);
  });
}
