import { describe, expect, it } from 'vitest';
import { classifyCommitment, requestedInAdvance, type CommitmentFacts, type DateChangeFacts } from './commitments.js';
import { isBeforeToday } from './dates.js';
import { reliability } from './reliability.js';

// December 2026: Auckland is on NZDT (UTC+13), Los Angeles on PST (UTC−8).
// 10:59 UTC on 4 Dec is 23:59 on the 4th in Auckland and 02:59 on the 4th in Los Angeles;
// 11:00 UTC is already 00:00 on the 5th in Auckland, still 03:00 on the 4th in Los Angeles.
const AKL = 'Pacific/Auckland';
const LA = 'America/Los_Angeles';
const LAST_MINUTE_AKL = '2026-12-04T10:59:00Z';
const FIRST_MINUTE_AKL = '2026-12-04T11:00:00Z';

function commitment(ownerTimeZone: string, over: Partial<CommitmentFacts> = {}): CommitmentFacts {
  return {
    id: 'c1',
    title: 'Send the proposal',
    side: 'seller',
    ownerKey: 'user:rep',
    ownerTimeZone,
    mustDo: false,
    status: 'open',
    dueDate: '2026-12-04',
    originalDueDate: '2026-12-04',
    doneAt: null,
    dateChanges: [],
    createdAt: '2026-11-20T09:00:00Z',
    ...over,
  };
}

/** A change the owner made alone: accepted the moment it was asked. */
const redate = (requestedAt: string, toDate: string, fromDate = '2026-12-04'): DateChangeFacts => ({
  fromDate,
  toDate,
  requestedAt,
  decidedAt: requestedAt,
  status: 'accepted',
});

describe('a new date before today, at the day boundary in two zones', () => {
  it('is in the past once the owner’s day has moved on, not before', () => {
    expect(isBeforeToday('2026-12-04', AKL, new Date(LAST_MINUTE_AKL))).toBe(false);
    expect(isBeforeToday('2026-12-04', AKL, new Date(FIRST_MINUTE_AKL))).toBe(true);
    // The same instants are still the 4th in Los Angeles; the 3rd has passed there.
    expect(isBeforeToday('2026-12-04', LA, new Date(FIRST_MINUTE_AKL))).toBe(false);
    expect(isBeforeToday('2026-12-03', LA, new Date(FIRST_MINUTE_AKL))).toBe(true);
    // Los Angeles reaches the 5th at 08:00 UTC on the 5th.
    expect(isBeforeToday('2026-12-04', LA, new Date('2026-12-05T07:59:00Z'))).toBe(false);
    expect(isBeforeToday('2026-12-04', LA, new Date('2026-12-05T08:00:00Z'))).toBe(true);
  });
});

describe('re-dated in advance = asked before the old date ended AND moved to today or later', () => {
  it('counts a request in the last minute of the due day in Auckland, not one in the first minute after', () => {
    const lastMinute = commitment(AKL, { dueDate: '2026-12-08', dateChanges: [redate(LAST_MINUTE_AKL, '2026-12-08')] });
    expect(requestedInAdvance(lastMinute, lastMinute.dateChanges[0])).toBe(true);
    expect(classifyCommitment(lastMinute, new Date('2026-12-06T00:00:00Z'))).toMatchObject({ outcome: 'open', heldTo: '2026-12-08', redatedInAdvance: true });
    const firstMinuteAfter = commitment(AKL, { dueDate: '2026-12-08', dateChanges: [redate(FIRST_MINUTE_AKL, '2026-12-08')] });
    expect(classifyCommitment(firstMinuteAfter, new Date('2026-12-06T00:00:00Z'))).toMatchObject({ outcome: 'missed', heldTo: '2026-12-04', redatedInAdvance: false, redatedLate: true });
    // In Los Angeles both instants are on the 4th: both in advance.
    const la = commitment(LA, { dueDate: '2026-12-08', dateChanges: [redate(FIRST_MINUTE_AKL, '2026-12-08')] });
    expect(classifyCommitment(la, new Date('2026-12-06T00:00:00Z'))).toMatchObject({ outcome: 'open', heldTo: '2026-12-08', redatedInAdvance: true });
  });

  it('moving to the owner’s today counts; moving to the day before does not (Auckland a day ahead of Los Angeles)', () => {
    // Asked at 11:30 UTC on 4 Dec, well before the old date (10 Dec): the 5th in Auckland, the 4th in Los Angeles.
    const asked = '2026-12-04T11:30:00Z';
    const toThe4th = (zone: string) => commitment(zone, { originalDueDate: '2026-12-10', dueDate: '2026-12-04', dateChanges: [redate(asked, '2026-12-04', '2026-12-10')] });
    const at = new Date('2026-12-04T12:00:00Z');
    expect(classifyCommitment(toThe4th(LA), at)).toMatchObject({ outcome: 'open', heldTo: '2026-12-04', redatedInAdvance: true, redatedLate: false });
    // In Auckland the 4th had already passed: not in advance, and the date held to stays the 10th.
    expect(classifyCommitment(toThe4th(AKL), at)).toMatchObject({ outcome: 'open', heldTo: '2026-12-10', redatedInAdvance: false, redatedLate: true });
  });

  it('does not let a re-date to a long-gone day turn an open commitment into a miss (the 2020-01-01 case)', () => {
    const now = new Date('2026-11-26T15:00:00Z');
    for (const zone of [AKL, LA]) {
      const typo = commitment(zone, { dueDate: '2020-01-01', dateChanges: [redate('2026-11-26T14:00:00Z', '2020-01-01')] });
      expect(classifyCommitment(typo, now)).toMatchObject({ outcome: 'open', heldTo: '2026-12-04', redatedInAdvance: false, redatedLate: true });
      const r = reliability([typo], now);
      expect(r).toMatchObject({ counted: 0, missed: 0, open: 1, redatedInAdvance: 0 });
    }
  });

  it('does not hold off a miss with a pending proposal for a day already gone', () => {
    const c = commitment(LA, { dateChanges: [{ ...redate('2026-12-04T20:00:00Z', '2026-12-01'), decidedAt: null, status: 'pending' }] });
    expect(classifyCommitment(c, new Date('2026-12-06T12:00:00Z'))).toMatchObject({ outcome: 'missed', awaitingAnswer: true });
    const inTime = commitment(LA, { dateChanges: [{ ...redate('2026-12-04T20:00:00Z', '2026-12-09'), decidedAt: null, status: 'pending' }] });
    expect(classifyCommitment(inTime, new Date('2026-12-06T12:00:00Z'))).toMatchObject({ outcome: 'open', awaitingAnswer: true });
  });
});
