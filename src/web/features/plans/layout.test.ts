import { describe, expect, it } from 'vitest';
import { layoutOf, moveCommitment, moveMilestone, moveToMilestone, type Layout } from './layout';

const plan = {
  milestones: [{ id: 'm1' }, { id: 'm2' }],
  commitments: [
    { id: 'a', milestoneId: 'm1' },
    { id: 'b', milestoneId: null },
    { id: 'c', milestoneId: 'm1' },
    { id: 'd', milestoneId: 'm2' },
    { id: 'e', milestoneId: 'gone' },
  ],
} as unknown as Parameters<typeof layoutOf>[0];

const flat = (l: Layout | null) => l?.map((g) => `${g.id ?? '-'}:${g.commitmentIds.join('')}`).join(' ');

describe('plan layout', () => {
  it('groups commitments under their milestones, in order, with the rest last', () => {
    expect(flat(layoutOf(plan))).toBe('m1:ac m2:d -:be');
  });

  it('moves a commitment up or down within its milestone, and not past either end', () => {
    const l = layoutOf(plan);
    expect(flat(moveCommitment(l, 'c', -1))).toBe('m1:ca m2:d -:be');
    expect(flat(moveCommitment(l, 'a', 1))).toBe('m1:ca m2:d -:be');
    expect(moveCommitment(l, 'a', -1)).toBeNull();
    expect(moveCommitment(l, 'd', 1)).toBeNull();
    expect(flat(l)).toBe('m1:ac m2:d -:be');
  });

  it('moves a commitment to the end of another milestone, or out of milestones', () => {
    const l = layoutOf(plan);
    expect(flat(moveToMilestone(l, 'a', 'm2'))).toBe('m1:c m2:da -:be');
    expect(flat(moveToMilestone(l, 'd', null))).toBe('m1:ac m2: -:bed');
    expect(moveToMilestone(l, 'a', 'm1')).toBeNull();
  });

  it('reorders milestones and keeps their commitments with them', () => {
    const l = layoutOf(plan);
    expect(flat(moveMilestone(l, 'm2', -1))).toBe('m2:d m1:ac -:be');
    expect(moveMilestone(l, 'm1', -1)).toBeNull();
    expect(moveMilestone(l, 'm2', 1)).toBeNull();
  });
});
