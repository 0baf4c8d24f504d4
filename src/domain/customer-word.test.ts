import { describe, expect, it } from 'vitest';
import type { CommitmentFacts } from './commitments.js';
import { customerWordSnapshot, dayEndsAt } from './customer-word.js';

const base: CommitmentFacts = {
  id: 'c',
  title: 'Step',
  side: 'customer',
  ownerKey: 'guest:carla',
  ownerTimeZone: 'Europe/Paris',
  mustDo: false,
  status: 'open',
  dueDate: '2026-06-12',
  originalDueDate: '2026-06-12',
  doneAt: null,
  dateChanges: [],
  createdAt: '2026-06-01T09:00:00.000Z',
};
const c = (over: Partial<CommitmentFacts>): CommitmentFacts => ({ ...base, ...over, originalDueDate: over.originalDueDate ?? over.dueDate ?? base.dueDate });
const NOW = new Date('2026-06-10T10:30:00.000Z');

describe('dayEndsAt', () => {
  it('is the next day’s start in the zone', () => {
    expect(dayEndsAt('2026-06-12', 'Europe/Paris').toISOString()).toBe('2026-06-12T22:00:00.000Z'); // UTC+2 in summer
    expect(dayEndsAt('2026-12-12', 'Europe/Paris').toISOString()).toBe('2026-12-12T23:00:00.000Z'); // UTC+1 in winter
    expect(dayEndsAt('2026-06-12', 'Pacific/Kiritimati').toISOString()).toBe('2026-06-12T10:00:00.000Z'); // UTC+14
    expect(dayEndsAt('2026-06-12', 'Pacific/Pago_Pago').toISOString()).toBe('2026-06-13T11:00:00.000Z'); // UTC−11
    expect(dayEndsAt('2026-06-12', 'Asia/Kathmandu').toISOString()).toBe('2026-06-12T18:15:00.000Z'); // UTC+5:45
  });

  it('answers again from memory, a fresh Date each time, the same day in another zone apart', () => {
    const first = dayEndsAt('2026-10-25', 'Europe/Paris'); // the night clocks go back: a 25-hour day
    first.setTime(0);
    expect(dayEndsAt('2026-10-25', 'Europe/Paris').toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect(dayEndsAt('2026-10-25', 'America/New_York').toISOString()).toBe('2026-10-26T04:00:00.000Z');
  });
});

describe('customerWordSnapshot', () => {
  it('counts what is judged now and says until when the counts hold', () => {
    const s = customerWordSnapshot(
      [
        c({ id: 'kept', status: 'done', dueDate: '2026-06-08', doneAt: '2026-06-08T08:00:00.000Z' }),
        c({ id: 'late', status: 'done', dueDate: '2026-06-05', doneAt: '2026-06-07T08:00:00.000Z', mustDo: true }),
        c({ id: 'missed', dueDate: '2026-06-09' }),
        c({ id: 'soon', dueDate: '2026-06-11' }),
        c({ id: 'later', dueDate: '2026-06-20' }),
        c({ id: 'dropped', status: 'dropped', dueDate: '2026-06-01' }),
      ],
      NOW,
    );
    // kept 1 (w1), late 1 (w2), missed 1 (w1): judged 3 (w4), score 1/4 → flagged now.
    expect(s).toEqual({
      judged: 3,
      keptOnTime: 1,
      keptLate: 1,
      missed: 1,
      open: 2,
      judgedWeight: 4,
      keptWeight: 1,
      countsUntil: '2026-06-11T22:00:00.000Z',
      unreliableFrom: NOW.toISOString(),
    });
  });

  it('puts the flag at the miss that takes the score below one half, never before three are judged', () => {
    const facts = [
      c({ id: 'kept', status: 'done', dueDate: '2026-06-08', doneAt: '2026-06-08T08:00:00.000Z' }),
      c({ id: 'a', dueDate: '2026-06-11' }), // 1 of 2: 50 %, and only 2 judged
      c({ id: 'b', dueDate: '2026-06-13' }), // 1 of 3: 33 % → up
    ];
    expect(customerWordSnapshot(facts, NOW)).toMatchObject({ judged: 1, open: 2, countsUntil: '2026-06-11T22:00:00.000Z', unreliableFrom: '2026-06-13T22:00:00.000Z' });
  });

  it('a new date waiting for an answer, asked in time, is never missed without a write', () => {
    const waiting = c({ id: 'w', dueDate: '2026-06-11', dateChanges: [{ fromDate: '2026-06-11', toDate: '2026-06-18', requestedAt: '2026-06-10T09:00:00.000Z', decidedAt: null, status: 'pending' }] });
    const missed = [c({ id: 'm1', dueDate: '2026-06-01' }), c({ id: 'm2', dueDate: '2026-06-02' })];
    expect(customerWordSnapshot([waiting, ...missed], NOW)).toMatchObject({ judged: 2, missed: 2, open: 1, countsUntil: null, unreliableFrom: null });
  });
});
