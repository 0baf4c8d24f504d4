import type { PlanLayoutBody } from '../../../shared/commitments';
import type { Plan } from '../../../shared/plans';

/** A plan's order as the layout call takes it: milestones in order, then the commitments without one. */
export type Layout = PlanLayoutBody['milestones'];

export function layoutOf(plan: Pick<Plan, 'milestones' | 'commitments'>): Layout {
  const milestoneIds = new Set(plan.milestones.map((m) => m.id));
  const groups: Layout = plan.milestones.map((m) => ({ id: m.id, commitmentIds: [] }));
  const loose: string[] = [];
  for (const c of plan.commitments) {
    const group = c.milestoneId && milestoneIds.has(c.milestoneId) ? groups.find((g) => g.id === c.milestoneId) : undefined;
    if (group) group.commitmentIds.push(c.id);
    else loose.push(c.id);
  }
  return [...groups, { id: null, commitmentIds: loose }];
}

const clone = (layout: Layout): Layout => layout.map((g) => ({ id: g.id, commitmentIds: [...g.commitmentIds] }));

/** One step up or down within its milestone; null when it is already at that end. */
export function moveCommitment(layout: Layout, commitmentId: string, step: -1 | 1): Layout | null {
  const next = clone(layout);
  const group = next.find((g) => g.commitmentIds.includes(commitmentId));
  if (!group) return null;
  const i = group.commitmentIds.indexOf(commitmentId);
  const j = i + step;
  if (j < 0 || j >= group.commitmentIds.length) return null;
  [group.commitmentIds[i], group.commitmentIds[j]] = [group.commitmentIds[j], group.commitmentIds[i]];
  return next;
}

/** To the end of another milestone (null: no milestone); null when it is already there. */
export function moveToMilestone(layout: Layout, commitmentId: string, milestoneId: string | null): Layout | null {
  const next = clone(layout);
  const from = next.find((g) => g.commitmentIds.includes(commitmentId));
  const to = next.find((g) => g.id === milestoneId);
  if (!from || !to || from === to) return null;
  from.commitmentIds = from.commitmentIds.filter((id) => id !== commitmentId);
  to.commitmentIds.push(commitmentId);
  return next;
}

/** A milestone one place earlier or later among the milestones; null at either end. */
export function moveMilestone(layout: Layout, milestoneId: string, step: -1 | 1): Layout | null {
  const milestones = clone(layout).filter((g) => g.id !== null);
  const loose = layout.find((g) => g.id === null) ?? { id: null, commitmentIds: [] };
  const i = milestones.findIndex((g) => g.id === milestoneId);
  const j = i + step;
  if (i < 0 || j < 0 || j >= milestones.length) return null;
  [milestones[i], milestones[j]] = [milestones[j], milestones[i]];
  return [...milestones, { id: null, commitmentIds: [...loose.commitmentIds] }];
}
