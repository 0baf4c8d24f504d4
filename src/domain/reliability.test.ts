import { describe, expect, it } from 'vitest';
import type { CommitmentFacts } from './commitments.js';
import { reliability, reliabilityBy } from './reliability.js';

// All owners in UTC; every commitment was due on 10 March and is judged on the 20th.
const NOW = new Date('2026-03-20T12:00:00Z');
let seq = 0;

type Kind = 'on_time' | 'late' | 'missed' | 'open' | 'dropped' | 'redated_then_kept' | 'slipped_then_redated';

function make(kind: Kind, over: Partial<CommitmentFacts> = {}): CommitmentFacts {
  const base: CommitmentFacts = {
    id: `c${++seq}`,
    title: kind,
    side: 'seller',
    ownerKey: 'user:rep',
    ownerTimeZone: 'UTC',
    mustDo: false,
    status: 'open',
    dueDate: '2026-03-10',
    originalDueDate: '2026-03-10',
    doneAt: null,
    dateChanges: [],
    createdAt: '2026-03-01T09:00:00Z',
  };
  const redate = (requestedAt: string) => ({
    fromDate: '2026-03-10', toDate: '2026-03-15', requestedAt, decidedAt: requestedAt, status: 'accepted' as const,
  });
  const byKind: Record<Kind, Partial<CommitmentFacts>> = {
    on_time: { status: 'done', doneAt: '2026-03-10T17:00:00Z' },
    late: { status: 'done', doneAt: '2026-03-12T09:00:00Z' },
    missed: {},
    open: { dueDate: '2026-03-25', originalDueDate: '2026-03-25' },
    dropped: { status: 'dropped' },
    redated_then_kept: { status: 'done', doneAt: '2026-03-14T09:00:00Z', dueDate: '2026-03-15', dateChanges: [redate('2026-03-09T09:00:00Z')] },
    slipped_then_redated: { status: 'done', doneAt: '2026-03-14T09:00:00Z', dueDate: '2026-03-15', dateChanges: [redate('2026-03-11T09:00:00Z')] },
  };
  return { ...base, ...byKind[kind], ...over };
}

const mustDo = { mustDo: true };

describe('reliability', () => {
  it('weighs must-do commitments double in the score', () => {
    const keptMustDo = reliability([make('on_time', mustDo), make('missed'), make('missed')], NOW);
    expect(keptMustDo.score).toBe(2 / 4);
    const missedMustDo = reliability([make('on_time'), make('missed', mustDo), make('missed')], NOW);
    expect(missedMustDo.score).toBe(1 / 4);
    // Same counts either way; only the weights differ.
    expect(keptMustDo).toMatchObject({ counted: 3, keptOnTime: 1, missed: 2 });
    expect(missedMustDo.weighted).toMatchObject({ counted: 4, keptOnTime: 1, missed: 3 });
  });

  it('puts each commitment in one bucket and leaves dropped and not-yet-due ones out of the shares', () => {
    const r = reliability(
      [make('on_time', mustDo), make('late'), make('missed'), make('open', mustDo), make('dropped', mustDo), make('dropped')],
      NOW,
    );
    expect(r).toMatchObject({ total: 6, counted: 3, keptOnTime: 1, keptLate: 1, missed: 1, open: 1, dropped: 2 });
    expect(r.weighted).toMatchObject({ counted: 4, keptOnTime: 2, keptLate: 1, missed: 1, open: 2 });
    expect(r.score).toBe(0.5);
    expect(r.shares).toEqual({ keptOnTime: 0.5, keptLate: 0.25, missed: 0.25, redatedInAdvance: 0, redatedLate: 0 });
  });

  it('counts a re-date made in advance and then kept as both re-dated in advance and kept on time', () => {
    const r = reliability([make('redated_then_kept'), make('missed')], NOW);
    expect(r).toMatchObject({ keptOnTime: 1, missed: 1, redatedInAdvance: 1, redatedLate: 0 });
    expect(r.score).toBe(0.5);
    expect(r.shares?.redatedInAdvance).toBe(0.5);
  });

  it('counts a re-date asked for after the due day as late; keeping the new date is still kept late', () => {
    const r = reliability([make('slipped_then_redated', mustDo), make('on_time')], NOW);
    expect(r).toMatchObject({ keptOnTime: 1, keptLate: 1, redatedInAdvance: 0, redatedLate: 1 });
    expect(r.score).toBe(1 / 3);
    expect(r.shares?.redatedLate).toBe(2 / 3);
  });

  it('has no score until something is judged, and flags small samples by weight', () => {
    const nothingYet = reliability([make('open'), make('dropped')], NOW);
    expect(nothingYet.score).toBeNull();
    expect(nothingYet.shares).toBeNull();
    expect(nothingYet.smallSample).toBe(true);
    // Weight 4 is a small sample; one more ordinary commitment makes 5.
    const four = [make('on_time', mustDo), make('on_time'), make('missed')];
    expect(reliability(four, NOW).smallSample).toBe(true);
    expect(reliability([...four, make('late')], NOW).smallSample).toBe(false);
    // Dropped and open ones add no weight to the sample.
    expect(reliability([...four, make('dropped', mustDo), make('open', mustDo)], NOW).smallSample).toBe(true);
  });
});

describe('reliabilityBy', () => {
  it('groups per side and per owner', () => {
    const list = [
      make('on_time', { side: 'customer', ownerKey: 'contact:ana' }),
      make('missed', { side: 'customer', ownerKey: 'guest:bo@example.com' }),
      make('on_time', { ownerKey: 'user:rep' }),
      make('late', { ownerKey: 'user:se' }),
    ];
    const bySide = reliabilityBy(list, (c) => c.side, NOW);
    expect([...bySide.keys()]).toEqual(['customer', 'seller']);
    expect(bySide.get('customer')).toMatchObject({ counted: 2, keptOnTime: 1, missed: 1, score: 0.5 });
    expect(bySide.get('seller')).toMatchObject({ counted: 2, keptOnTime: 1, keptLate: 1, score: 0.5 });
    const byOwner = reliabilityBy(list, (c) => c.ownerKey, NOW);
    expect(byOwner.get('guest:bo@example.com')?.score).toBe(0);
    expect(byOwner.get('user:rep')?.score).toBe(1);
  });

  it('groups by a key the caller carries, such as the customer company', () => {
    type WithCompany = CommitmentFacts & { companyId: string };
    const list: WithCompany[] = [
      { ...make('on_time', mustDo), companyId: 'acme' },
      { ...make('missed'), companyId: 'acme' },
      { ...make('missed'), companyId: 'globex' },
    ];
    const byCompany = reliabilityBy(list, (c) => c.companyId, NOW);
    expect(byCompany.get('acme')?.score).toBe(2 / 3);
    expect(byCompany.get('globex')?.score).toBe(0);
  });
});
