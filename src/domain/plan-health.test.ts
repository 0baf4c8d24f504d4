import { describe, expect, it } from 'vitest';
import type { CommitmentFacts } from './commitments.js';
import { planHealth, planLengthAdvice } from './plan-health.js';

// 23:30 UTC on 10 March 2026: still the 10th in New York, already the 11th in Paris.
const NOW = new Date('2026-03-10T23:30:00Z');
const RECENT = '2026-03-10T09:00:00Z';

function commitment(over: Partial<CommitmentFacts> = {}): CommitmentFacts {
  const dueDate = over.dueDate ?? '2026-03-20';
  return {
    id: 'c1',
    title: 'Security review',
    side: 'seller',
    ownerKey: 'user:rep',
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

const health = (commitments: CommitmentFacts[], lastActivityAt = RECENT, now = NOW) =>
  planHealth({ commitments, lastActivityAt, now });

describe('plan health', () => {
  it('is on track with nothing due soon or overdue', () => {
    expect(health([commitment(), commitment({ mustDo: true, dueDate: '2026-03-14' })])).toEqual({ status: 'on_track', reasons: [] });
  });

  it('is at risk for anything 1 to 6 days overdue, and stalled from 7 days, in the owner’s zone', () => {
    expect(health([commitment({ dueDate: '2026-03-09' })])).toEqual({
      status: 'at_risk',
      reasons: ['“Security review” is 1 day overdue'],
    });
    // Due on the 4th: 6 days overdue in New York, 7 in Paris.
    expect(health([commitment({ dueDate: '2026-03-04', ownerTimeZone: 'America/New_York' })])).toEqual({
      status: 'at_risk',
      reasons: ['“Security review” is 6 days overdue'],
    });
    expect(health([commitment({ dueDate: '2026-03-04', ownerTimeZone: 'Europe/Paris' })])).toEqual({
      status: 'stalled',
      reasons: ['“Security review” is 7 days overdue'],
    });
    // Due on the 10th: not yet overdue in New York.
    expect(health([commitment({ dueDate: '2026-03-10', ownerTimeZone: 'America/New_York' })]).status).toBe('on_track');
  });

  it('is at risk for a must-do due within 2 days, and not for one due in 3 or for an ordinary one', () => {
    const mustDoIn = (days: number) => commitment({ mustDo: true, dueDate: `2026-03-${String(10 + days).padStart(2, '0')}` });
    expect(health([mustDoIn(0)]).reasons).toEqual(['Must-do “Security review” is due today']);
    expect(health([mustDoIn(1)]).reasons).toEqual(['Must-do “Security review” is due tomorrow']);
    expect(health([mustDoIn(2)])).toEqual({ status: 'at_risk', reasons: ['Must-do “Security review” is due in 2 days'] });
    expect(health([mustDoIn(3)]).status).toBe('on_track');
    expect(health([commitment({ dueDate: '2026-03-10' })]).status).toBe('on_track');
  });

  it('never counts done or dropped commitments', () => {
    const plan = [
      commitment({ dueDate: '2026-02-01', status: 'done', doneAt: '2026-02-03T10:00:00Z' }),
      commitment({ dueDate: '2026-02-01', status: 'dropped' }),
      commitment({ dueDate: '2026-03-11', mustDo: true, status: 'done', doneAt: '2026-03-09T10:00:00Z' }),
    ];
    expect(health(plan).status).toBe('on_track');
  });

  it('is stalled after exactly 14 days without activity', () => {
    expect(health([commitment()], '2026-02-24T23:30:00Z')).toEqual({ status: 'stalled', reasons: ['No activity for 14 days'] });
    expect(health([commitment()], '2026-02-24T23:31:00Z').status).toBe('on_track');
  });

  it('lists the most serious reasons first and says when a new date waits for an answer', () => {
    const waiting = {
      fromDate: '2026-03-08', toDate: '2026-03-15', requestedAt: '2026-03-07T10:00:00Z', decidedAt: null, status: 'pending' as const,
    };
    const plan = [
      commitment({ title: 'Pricing call', mustDo: true, dueDate: '2026-03-11' }),
      commitment({ title: 'Legal sign-off', dueDate: '2026-03-08', dateChanges: [waiting] }),
      commitment({ title: 'Security review', dueDate: '2026-03-01' }),
    ];
    expect(health(plan)).toEqual({
      status: 'stalled',
      reasons: [
        '“Security review” is 9 days overdue',
        '“Legal sign-off” is 2 days overdue (a new date waits for an answer)',
        'Must-do “Pricing call” is due tomorrow',
      ],
    });
  });
});

describe('a plan past its target date', () => {
  // NOW is 23:30 UTC on 10 March: the 10th in New York, the 11th in Paris.
  const target = (date: string, timeZone: string) => planHealth({ commitments: [commitment()], lastActivityAt: RECENT, now: NOW, target: { date, timeZone } });

  it('is at risk, with that reason, once the target day has ended in the plan’s zone', () => {
    expect(target('2026-03-10', 'Europe/Paris')).toEqual({
      status: 'at_risk',
      reasons: ['The target date (Tue 10 Mar 2026) passed 1 day ago and the plan is not completed'],
    });
    expect(target('2026-03-10', 'America/New_York')).toEqual({ status: 'on_track', reasons: [] });
  });

  it('stays stalled when something else makes it stalled', () => {
    const h = planHealth({ commitments: [commitment({ dueDate: '2026-03-01' })], lastActivityAt: RECENT, now: NOW, target: { date: '2026-03-05', timeZone: 'UTC' } });
    expect(h.status).toBe('stalled');
    expect(h.reasons).toContain('The target date (Thu 5 Mar 2026) passed 5 days ago and the plan is not completed');
  });
});

describe('plan length advice', () => {
  it('keeps 6–20 as the sweet spot, warns above 20 and strongly above 30', () => {
    expect(planLengthAdvice(0).level).toBe('ok');
    expect(planLengthAdvice(5)).toMatchObject({ level: 'ok', message: expect.stringContaining('6–20') });
    expect(planLengthAdvice(6).level).toBe('ok');
    expect(planLengthAdvice(20).level).toBe('ok');
    expect(planLengthAdvice(21)).toMatchObject({ level: 'warn', message: expect.stringContaining('21 commitments') });
    expect(planLengthAdvice(30).level).toBe('warn');
    expect(planLengthAdvice(31).level).toBe('strong_warn');
  });
});
