import { describe, expect, it } from 'vitest';
import { classifyCommitment, todayBuckets, type CommitmentFacts } from '../../../domain/commitments.js';
import { planHealth } from '../../../domain/plan-health.js';
import { DEMO_PEOPLE } from './catalogue.js';
import type { PlannedMutualPlan } from './mutual-plans.js';
import { planDemo } from './plan.js';

/**
 * The demo's plans must look the same whenever the demo is created: at any hour, in any season,
 * for owners from New York to Berlin. Pure checks with the app's own rules, without a database.
 */

const EXPECTED_HEALTH: Record<string, string | null> = {
  'Lumen Telecom': 'on_track',
  'Hoffmann Medizintechnik': 'on_track',
  'Wexford Insurance': 'on_track',
  'Blanc Cosmétiques': 'on_track',
  'Orchard Pharma': 'at_risk',
  'Vireo Santé': 'at_risk',
  'Vantage Hospitality': 'at_risk',
  'Harbour Health Trust': 'at_risk',
  'Iris Telecomunicazioni': 'stalled',
  'Van Dijk Bouw': 'stalled',
  'Brightwater Foods': null,
  'Bakker Agri': null,
};

// Just after midnight UTC (New York still on the day before), late evening UTC (Paris and Berlin
// already on the next day), the nights European clocks change, a summer afternoon.
const MOMENTS = ['2026-11-23T17:37:00Z', '2027-01-15T00:20:00Z', '2026-07-01T03:30:00Z', '2026-11-02T23:50:00Z', '2026-10-25T00:30:00Z', '2027-03-28T01:30:00Z'];

function factsOf(plan: PlannedMutualPlan): CommitmentFacts[] {
  return plan.commitments.map((c, i) => ({
    id: String(i),
    title: c.title,
    side: c.side,
    ownerKey: c.ownerUser ?? `contact:${c.ownerContact}`,
    ownerTimeZone: c.ownerUser ? DEMO_PEOPLE[c.ownerUser].timeZone : plan.customerTimeZone,
    mustDo: c.mustDo,
    status: c.status,
    dueDate: c.dueDate,
    originalDueDate: c.originalDueDate,
    doneAt: c.doneAt,
    dateChanges: c.renegotiations.map((r) => ({ fromDate: r.fromDate, toDate: r.toDate, requestedAt: r.requestedAt, decidedAt: r.decidedAt, status: r.status })),
    createdAt: c.createdAt,
  }));
}

describe('demo mutual plans', () => {
  it.each(MOMENTS)('keeps every plan in its intended state when the demo is created at %s', (moment) => {
    const now = new Date(moment);
    const demo = planDemo(now);
    expect(demo.mutualPlans).toHaveLength(12);

    for (const plan of demo.mutualPlans) {
      const name = demo.accounts[plan.account].name;
      const inProgress = plan.status === 'draft' || plan.status === 'active';
      const health = inProgress ? planHealth({ commitments: factsOf(plan), lastActivityAt: plan.lastActivityAt, now }).status : null;
      expect({ name, health }).toEqual({ name, health: EXPECTED_HEALTH[name] });
      const instants = [
        plan.createdAt,
        plan.lastActivityAt,
        ...plan.commitments.flatMap((c) => [c.createdAt, c.updatedAt, ...c.renegotiations.map((r) => r.decidedAt ?? r.requestedAt)]),
        ...plan.comments.map((c) => c.at),
        ...(plan.shareLink?.visits ?? []),
      ];
      expect(instants.every((at) => Date.parse(at) < now.getTime())).toBe(true);
    }

    // The demo manager's Today has something in every list.
    const managerOwn = demo.mutualPlans
      .filter((p) => p.status === 'active' || p.status === 'draft')
      .flatMap((p) => factsOf(p).filter((_, i) => p.commitments[i].ownerUser === 'manager'));
    const today = todayBuckets(managerOwn, now);
    // (Due today and to confirm share one list: nothing is listed twice.)
    expect([today.dueToday.length + today.confirmOrRedate.length, today.overdue.length, today.next7Days.length].every((n) => n > 0)).toBe(true);

    // Re-dates keep their meaning: at least one in advance and one late, judged as the app judges them.
    const verdicts = demo.mutualPlans.flatMap((p) => factsOf(p).map((f) => classifyCommitment(f, now)));
    expect(verdicts.some((v) => v.redatedInAdvance)).toBe(true);
    expect(verdicts.some((v) => v.redatedLate)).toBe(true);
    expect(verdicts.filter((v) => v.awaitingAnswer)).toHaveLength(3);
  });

  it('is the same story for everyone who opens the demo on the same day', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    expect(planDemo(now).mutualPlans).toEqual(planDemo(new Date(now)).mutualPlans);
  });
});
