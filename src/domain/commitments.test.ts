import { describe, expect, it } from 'vitest';
import { classifyCommitment, isMissed, todayBuckets, type CommitmentFacts, type DateChangeFacts } from './commitments.js';

// March 2026: New York is on EDT (UTC−4) from the 8th; Paris is on CET (UTC+1) until the 29th.
const NY = 'America/New_York';
const PARIS = 'Europe/Paris';

function commitment(over: Partial<CommitmentFacts> = {}): CommitmentFacts {
  const dueDate = over.dueDate ?? '2026-03-10';
  return {
    id: 'c1',
    title: 'Security review',
    side: 'customer',
    ownerKey: 'contact:1',
    ownerTimeZone: 'UTC',
    mustDo: false,
    status: 'open',
    dueDate,
    originalDueDate: dueDate,
    doneAt: null,
    dateChanges: [],
    createdAt: '2026-03-01T09:00:00Z',
    ...over,
  };
}

const change = (over: Partial<DateChangeFacts>): DateChangeFacts => ({
  fromDate: '2026-03-10',
  toDate: '2026-03-17',
  requestedAt: '2026-03-09T10:00:00Z',
  decidedAt: '2026-03-09T12:00:00Z',
  status: 'accepted',
  ...over,
});

const outcome = (c: CommitmentFacts, now: string) => classifyCommitment(c, new Date(now)).outcome;

describe('kept on time or late, at the edge of the due day in the owner’s time zone', () => {
  it('is on time until the due day ends where the owner lives', () => {
    const done = (ownerTimeZone: string, doneAt: string) => commitment({ ownerTimeZone, status: 'done', doneAt });
    const now = '2026-03-20T00:00:00Z';
    // 23:59 on the 10th in New York is already the 11th in UTC.
    expect(outcome(done(NY, '2026-03-11T03:59:00Z'), now)).toBe('kept_on_time');
    expect(outcome(done(NY, '2026-03-11T04:00:00Z'), now)).toBe('kept_late');
    // 00:00 on the 11th in Paris is still the 10th in UTC.
    expect(outcome(done(PARIS, '2026-03-10T22:59:00Z'), now)).toBe('kept_on_time');
    expect(outcome(done(PARIS, '2026-03-10T23:00:00Z'), now)).toBe('kept_late');
  });

  it('judges against the date in force when it was done, not a proposal still waiting then', () => {
    const proposal = change({ requestedAt: '2026-03-09T10:00:00Z', decidedAt: '2026-03-13T09:00:00Z' });
    const c = commitment({ status: 'done', doneAt: '2026-03-12T10:00:00Z', originalDueDate: '2026-03-10', dueDate: '2026-03-17', dateChanges: [proposal] });
    expect(outcome(c, '2026-03-20T00:00:00Z')).toBe('kept_late');
    const acceptedFirst = { ...c, dateChanges: [{ ...proposal, decidedAt: '2026-03-11T09:00:00Z' }] };
    expect(outcome(acceptedFirst, '2026-03-20T00:00:00Z')).toBe('kept_on_time');
  });
});

describe('re-dated before or after the due date, across time zones', () => {
  // Asked at 23:30 UTC on the 10th: still the 10th in New York, already the 11th in Paris.
  const lateEvening = change({ requestedAt: '2026-03-10T23:30:00Z', decidedAt: '2026-03-11T08:00:00Z' });
  const redated = (ownerTimeZone: string, over: Partial<CommitmentFacts> = {}) =>
    commitment({ ownerTimeZone, originalDueDate: '2026-03-10', dueDate: '2026-03-17', dateChanges: [lateEvening], ...over });

  it('counts a request made before the day ended as in advance, and moves the date kept to', () => {
    const verdict = classifyCommitment(redated(NY), new Date('2026-03-12T12:00:00Z'));
    expect(verdict).toMatchObject({ outcome: 'open', heldTo: '2026-03-17', redatedInAdvance: true, redatedLate: false });
    const kept = redated(NY, { status: 'done', doneAt: '2026-03-16T15:00:00Z' });
    expect(outcome(kept, '2026-03-20T00:00:00Z')).toBe('kept_on_time');
  });

  it('counts the same request as late for a Paris owner: it does not rescue the slip', () => {
    const verdict = classifyCommitment(redated(PARIS), new Date('2026-03-12T12:00:00Z'));
    expect(verdict).toMatchObject({ outcome: 'missed', heldTo: '2026-03-10', redatedInAdvance: false, redatedLate: true });
    // The plan shows the agreed new date rather than "missed"; reliability keeps the slip.
    expect(isMissed(redated(PARIS), new Date('2026-03-12T12:00:00Z'))).toBe(false);
    const keptByNewDate = redated(PARIS, { status: 'done', doneAt: '2026-03-16T15:00:00Z' });
    expect(outcome(keptByNewDate, '2026-03-20T00:00:00Z')).toBe('kept_late');
  });
});

describe('missed, or waiting for an answer to a new date', () => {
  const now = new Date('2026-03-12T12:00:00Z');

  it('is missed once the due day has ended with nothing done or asked', () => {
    const c = commitment();
    expect(classifyCommitment(c, now).outcome).toBe('missed');
    expect(isMissed(c, now)).toBe(true);
  });

  it('is not missed while on its due day in the owner’s zone', () => {
    // 23:30 UTC on the 10th: New York still on the 10th, Paris already on the 11th.
    const at = new Date('2026-03-10T23:30:00Z');
    expect(isMissed(commitment({ ownerTimeZone: NY }), at)).toBe(false);
    expect(classifyCommitment(commitment({ ownerTimeZone: NY }), at).outcome).toBe('open');
    expect(isMissed(commitment({ ownerTimeZone: PARIS }), at)).toBe(true);
  });

  it('stays open while a new date asked for in time waits for an answer', () => {
    const c = commitment({ dateChanges: [change({ requestedAt: '2026-03-10T20:00:00Z', decidedAt: null, status: 'pending' })] });
    expect(classifyCommitment(c, now)).toMatchObject({ outcome: 'open', awaitingAnswer: true });
    expect(isMissed(c, now)).toBe(false);
  });

  it('is missed when the waiting request came after the day ended, or the request was declined', () => {
    const askedLate = commitment({ dateChanges: [change({ requestedAt: '2026-03-11T08:00:00Z', decidedAt: null, status: 'pending' })] });
    expect(classifyCommitment(askedLate, now).outcome).toBe('missed');
    expect(isMissed(askedLate, now)).toBe(true);
    const declined = commitment({ dateChanges: [change({ status: 'declined' })] });
    expect(classifyCommitment(declined, now)).toMatchObject({ outcome: 'missed', redatedInAdvance: false });
  });

  it('treats a decision made after `now` as still pending then', () => {
    const c = commitment({ originalDueDate: '2026-03-10', dueDate: '2026-03-17', dateChanges: [change({ decidedAt: '2026-03-15T00:00:00Z' })] });
    expect(classifyCommitment(c, now)).toMatchObject({ outcome: 'open', heldTo: '2026-03-10', awaitingAnswer: true });
  });

  it('never judges a dropped commitment', () => {
    expect(classifyCommitment(commitment({ status: 'dropped' }), now).outcome).toBe('dropped');
    expect(isMissed(commitment({ status: 'dropped' }), now)).toBe(false);
  });
});

describe('Today page buckets', () => {
  it('sorts open commitments by day in each owner’s zone', () => {
    // 23:30 UTC on the 10th: the 10th in New York, the 11th in Paris.
    const now = new Date('2026-03-10T23:30:00Z');
    const list = [
      commitment({ id: 'ny-today', ownerTimeZone: NY, dueDate: '2026-03-10' }),
      commitment({ id: 'paris-overdue', ownerTimeZone: PARIS, dueDate: '2026-03-10' }),
      commitment({ id: 'paris-today', ownerTimeZone: PARIS, dueDate: '2026-03-11' }),
      commitment({ id: 'ny-in-2', ownerTimeZone: NY, dueDate: '2026-03-12' }),
      commitment({ id: 'ny-in-3', ownerTimeZone: NY, dueDate: '2026-03-13' }),
      commitment({ id: 'ny-in-7', ownerTimeZone: NY, dueDate: '2026-03-17' }),
      commitment({ id: 'ny-in-8', ownerTimeZone: NY, dueDate: '2026-03-18' }),
      commitment({ id: 'asked', ownerTimeZone: NY, dueDate: '2026-03-11', dateChanges: [change({ fromDate: '2026-03-11', decidedAt: null, status: 'pending' })] }),
      commitment({ id: 'done', ownerTimeZone: NY, dueDate: '2026-03-10', status: 'done', doneAt: '2026-03-10T12:00:00Z' }),
      commitment({ id: 'dropped', ownerTimeZone: NY, dueDate: '2026-03-01', status: 'dropped' }),
    ];
    const ids = (xs: CommitmentFacts[]) => xs.map((c) => c.id);
    const b = todayBuckets(list, now);
    expect(ids(b.overdue)).toEqual(['paris-overdue']);
    // Each commitment once: those to confirm or re-date are not repeated under due today / next 7 days.
    expect(ids(b.confirmOrRedate)).toEqual(['ny-today', 'paris-today', 'ny-in-2']);
    expect(ids(b.dueToday)).toEqual([]);
    expect(ids(b.next7Days)).toEqual(['asked', 'ny-in-3', 'ny-in-7']);
  });
});
