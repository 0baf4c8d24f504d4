import { describe, expect, it } from 'vitest';
import type { CommitmentFacts } from './commitments.js';
import { reliability, reliabilityBy, wholePercents } from './reliability.js';

// All owners in UTC; every commitment was due on 10 March and is judged on the 20th.
const NOW = new Date('2026-03-20T12:00:00Z');
let seq = 0;

type Kind = 'on_time' | 'late' | 'missed' | 'open' | 'dropped' | 'redated_then_kept' | 'redated_then_missed' | 'slipped_then_redated';

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
    redated_then_missed: { dueDate: '2026-03-15', dateChanges: [redate('2026-03-09T09:00:00Z')] },
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
    expect(r.shares).toEqual({ keptOnTime: 0.5, keptLate: 0.25, missed: 0.25 });
  });

  it('counts a re-date made in advance and then kept as both re-dated in advance and kept on time', () => {
    const r = reliability([make('redated_then_kept'), make('missed')], NOW);
    expect(r).toMatchObject({ keptOnTime: 1, missed: 1, redatedInAdvance: 1, redatedLate: 0 });
    expect(r.score).toBe(0.5);
    // A count inside "kept on time", not a fourth share.
    expect(r.redatedInAdvanceIn).toEqual({ keptOnTime: 1, keptLate: 0, missed: 0 });
    expect(r.shares).toEqual({ keptOnTime: 0.5, keptLate: 0, missed: 0.5 });
  });

  it('counts a re-date asked for after the due day as late; keeping the new date is still kept late', () => {
    const r = reliability([make('slipped_then_redated', mustDo), make('on_time')], NOW);
    expect(r).toMatchObject({ keptOnTime: 1, keptLate: 1, redatedInAdvance: 0, redatedLate: 1 });
    expect(r.score).toBe(1 / 3);
    expect(r.weighted.redatedLate).toBe(2);
    expect(r.shares).toEqual({ keptOnTime: 1 / 3, keptLate: 2 / 3, missed: 0 });
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

describe('the judged buckets add up', () => {
  // Worked by hand. Judged (weight): on time 2 + 1 (re-dated in advance, then kept) = 3; late 1;
  // missed 1 + 2 + 1 (re-dated in advance, then missed the new date) = 4. Judged weight 8.
  const fixture = [
    make('on_time', mustDo),
    make('late'),
    make('missed'),
    make('missed', mustDo),
    make('redated_then_kept'),
    make('redated_then_missed'),
    make('open'),
    make('dropped', mustDo),
  ];
  const r = reliability(fixture, NOW);

  it('shares kept on time, kept late and missed are 100 % of judged weight; open and dropped are counts apart', () => {
    expect(r).toMatchObject({ total: 8, counted: 6, keptOnTime: 2, keptLate: 1, missed: 3, open: 1, dropped: 1 });
    expect(r.weighted).toMatchObject({ counted: 8, keptOnTime: 3, keptLate: 1, missed: 4, open: 1 });
    expect(r.shares).toEqual({ keptOnTime: 3 / 8, keptLate: 1 / 8, missed: 4 / 8 });
    expect(r.weighted.keptOnTime + r.weighted.keptLate + r.weighted.missed).toBe(r.weighted.counted);
    expect(r.keptOnTime + r.keptLate + r.missed).toBe(r.counted);
    expect(r.counted + r.open + r.dropped).toBe(r.total);
    expect(Object.keys(r.shares ?? {})).toEqual(['keptOnTime', 'keptLate', 'missed']);
  });

  it('counts re-dated in advance inside the buckets it landed in', () => {
    expect(r.redatedInAdvance).toBe(2);
    expect(r.redatedInAdvanceIn).toEqual({ keptOnTime: 1, keptLate: 0, missed: 1 });
  });

  it('rounds the three shares to whole percents that still add up to 100', () => {
    // 37.5 / 12.5 / 50: both halves tie, so the point goes to the first bucket.
    expect(wholePercents(r.shares ?? { keptOnTime: 0, keptLate: 0, missed: 0 })).toEqual({ keptOnTime: 38, keptLate: 12, missed: 50 });
    expect(wholePercents({ keptOnTime: 1 / 3, keptLate: 1 / 3, missed: 1 / 3 })).toEqual({ keptOnTime: 34, keptLate: 33, missed: 33 });
    // 16.67 / 16.67 / 66.67 → 16 + 16 + 66 = 98, the two points go to the largest fractions.
    expect(wholePercents({ keptOnTime: 1 / 6, keptLate: 1 / 6, missed: 4 / 6 })).toEqual({ keptOnTime: 17, keptLate: 17, missed: 66 });
    expect(wholePercents({ keptOnTime: 1, keptLate: 0, missed: 0 })).toEqual({ keptOnTime: 100, keptLate: 0, missed: 0 });
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
