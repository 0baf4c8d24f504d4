import { describe, expect, it } from 'vitest';
import { todayIn } from '../../../domain/dates.js';
import { wilsonInterval } from '../../../domain/proportions.js';
import { reliability } from '../../../domain/reliability.js';
import type { CommitmentFacts } from '../../../domain/commitments.js';
import { DEMO_PEOPLE, DEMO_TIME_ZONE, type DemoPersonKey } from './catalogue.js';
import { DEMO_FISCAL_YEAR_START_MONTH } from './objective-stories.js';
import { fiscalYearBounds, fiscalYearOf } from '../../../domain/fiscal-year.js';
import { planDemo, type DemoPlan } from './plan.js';
import { DEMO_STAGE_GATE } from './qualification.js';

/**
 * The demo's objectives, targets, interactions and qualification must tell the same story whenever
 * the demo is written: at any hour, in any season, near the end of the fiscal year too. Pure checks
 * on the plan, with the app's own rules where they exist.
 */

const MOMENTS = ['2026-11-23T17:37:00Z', '2027-01-15T00:20:00Z', '2026-07-01T03:30:00Z', '2026-04-01T06:00:00Z', '2027-03-28T01:30:00Z', '2026-10-25T00:30:00Z'];
const REPS: DemoPersonKey[] = ['rep1', 'rep2', 'rep3', 'rep4'];
const DAY = 86_400_000;

const finalState = (demo: DemoPlan, i: number) => demo.opportunities[i].changes.reduce((s, c) => ({ ...s, ...c.set }), demo.opportunities[i].initial);
const dealName = (demo: DemoPlan, i: number) => `${demo.accounts[demo.opportunities[i].account].name} / ${demo.opportunities[i].name}`;

/** The chased-deal rules of issue 11 with the workspace's default thresholds (3 results, 30 days, 3 interactions). */
function chasedBy(demo: DemoPlan, now: Date): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  demo.opportunities.forEach((o, i) => {
    if (finalState(demo, i).status !== 'open') return;
    const reasons: string[] = [];
    const { resultsCount, noAdvanceStreak } = demo.counters[i];
    if (noAdvanceStreak >= 3) reasons.push('no advance');
    const ageDays = (now.getTime() - Date.parse(o.createdAt)) / DAY;
    if (demo.qualification[i].changeCommitment === 'none' && (ageDays > 30 || resultsCount >= 3)) reasons.push('no commitment');
    if (reasons.length) out[dealName(demo, i)] = reasons;
  });
  return out;
}

describe('the demo story beyond the plans', () => {
  it.each(MOMENTS)('gives every rep a year of judged calls, a target with a gap and chased deals to focus on, when written at %s', (moment) => {
    const now = new Date(moment);
    const demo = planDemo(now);

    // Calls with results: enough per rep to judge an advance rate, in all three kinds of result.
    for (const rep of REPS) {
      const judged = demo.interactions.filter((i) => i.owner === rep && i.result !== null);
      expect(judged.length, rep).toBeGreaterThanOrEqual(20);
      expect(new Set(judged.map((i) => i.result)), rep).toEqual(new Set(['advanced', 'continuation', 'no_advance']));
      const rate = wilsonInterval(judged.filter((i) => i.result === 'advanced').length, judged.length);
      expect(rate.low, rep).toBeGreaterThan(0.25);
      expect(rate.high, rep).toBeLessThan(0.9);
      expect(judged.every((i) => i.recordedAt !== null && i.recordedAt > (i.startsAt ?? i.createdAt))).toBe(true);
      // A year of them, not a burst.
      const first = Math.min(...judged.map((i) => Date.parse(i.sortAt)));
      expect(now.getTime() - first, rep).toBeGreaterThan(250 * DAY);
      // Something ahead for each rep.
      expect(demo.interactions.some((i) => i.owner === rep && Date.parse(i.sortAt) > now.getTime())).toBe(true);
    }
    // Everything recorded happened before now; only the calls ahead are in the future.
    for (const i of demo.interactions) {
      expect(Date.parse(i.createdAt)).toBeLessThan(now.getTime());
      if (i.recordedAt) expect(Date.parse(i.recordedAt)).toBeLessThan(now.getTime());
      if (Date.parse(i.sortAt) > now.getTime()) expect(i.result).toBeNull();
      expect(i.statement.length).toBeGreaterThan(20);
      expect(i.needsSeveralCalls).toBe(i.firstCallGoal !== null);
    }
    // Two calls whose time has passed wait for their outcome: the manager's and Emily's.
    const pending = demo.interactions.filter((i) => i.result === null && Date.parse(i.sortAt) < now.getTime());
    expect(pending.map((i) => i.owner).sort()).toEqual(['manager', 'rep3']);

    // The Focus rules point at the featured chased deals, and only at them.
    expect(chasedBy(demo, now)).toEqual({
      'Solvent Chemie / Analytics add-on': ['no advance', 'no commitment'],
      'Lumen Telecom / Analytics add-on': ['no commitment'],
      'Harbour Health Trust / Premium support upgrade': ['no advance', 'no commitment'],
      'Vantage Hospitality / Renewal and seat expansion': ['no commitment'],
      'Colombo Costruzioni / Demand forecasting pilot': ['no advance', 'no commitment'],
    });

    // Every open deal past the stage gate has an evidenced commitment to change: who said it, when, in words.
    demo.qualification.forEach((q, i) => {
      const s = finalState(demo, i);
      if (s.status !== 'open' || s.stage < DEMO_STAGE_GATE) return;
      expect({ deal: dealName(demo, i), level: q.changeCommitment }).toEqual({ deal: dealName(demo, i), level: 'evidenced' });
      expect(q.evidence?.length).toBeGreaterThan(30);
      expect(q.saidBy).not.toBeNull();
      expect(q.saidOn !== null && q.saidOn <= todayIn(DEMO_PEOPLE[demo.opportunities[i].owner].timeZone, now)).toBe(true);
    });

    // Each rep's target is for the fiscal year of today; their objectives due in it leave a gap.
    const fy = fiscalYearOf(todayIn(DEMO_TIME_ZONE, now), DEMO_FISCAL_YEAR_START_MONTH);
    const { start, end } = fiscalYearBounds(fy, DEMO_FISCAL_YEAR_START_MONTH);
    let counted = 0;
    for (const rep of REPS) {
      const target = demo.targets.find((t) => t.user === rep);
      expect(target?.fiscalYear).toBe(fy);
      const planned = demo.objectives
        // As account planning counts them: every status but dropped.
        .filter((o) => o.owner === rep && o.status !== 'dropped' && o.target?.currency === target?.currency && o.targetDate >= start && o.targetDate <= end)
        .reduce((sum, o) => sum + (o.target?.amountMinor ?? 0), 0);
      counted += planned;
      expect((target?.amountMinor ?? 0) - planned, rep).toBeGreaterThan(0.2 * (target?.amountMinor ?? 0));
    }
    expect(counted).toBeGreaterThan(0);
  });

  it('shows a customer who keeps few of their commitments on the chased Iris deal', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    const demo = planDemo(now);
    const plan = demo.mutualPlans.find((p) => demo.accounts[p.account].name === 'Iris Telecomunicazioni');
    const facts: CommitmentFacts[] = (plan?.commitments ?? [])
      .filter((c) => c.side === 'customer')
      .map((c, i) => ({
        id: String(i),
        title: c.title,
        side: c.side,
        ownerKey: `contact:${c.ownerContact}`,
        ownerTimeZone: plan?.customerTimeZone ?? 'UTC',
        mustDo: c.mustDo,
        status: c.status,
        dueDate: c.dueDate,
        originalDueDate: c.originalDueDate,
        doneAt: c.doneAt,
        dateChanges: c.renegotiations.map((r) => ({ fromDate: r.fromDate, toDate: r.toDate, requestedAt: r.requestedAt, decidedAt: r.decidedAt, status: r.status })),
        createdAt: c.createdAt,
      }));
    const customer = reliability(facts, now);
    expect(customer.counted).toBeGreaterThanOrEqual(3);
    expect(customer.score).toBeLessThan(0.5);
  });

  it('walks away from one deal after calls that led nowhere, and says why', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    const demo = planDemo(now);
    const i = demo.opportunities.findIndex((o) => demo.accounts[o.account].name === 'Blanc Cosmétiques' && o.name === 'Analytics add-on');
    expect(finalState(demo, i)).toMatchObject({ status: 'walked_away', closeReason: expect.stringMatching(/^Walked away: .*no budget owner/) });
    expect(demo.counters[i].noAdvanceStreak).toBeGreaterThanOrEqual(3);
    const calls = demo.interactions.filter((x) => x.opportunity === i);
    expect(calls.every((x) => Date.parse(x.sortAt) < Date.parse(finalState(demo, i).closedAt as string))).toBe(true);
  });

  it('is the same story for everyone who opens the demo on the same day', () => {
    const a = planDemo(new Date('2026-11-23T10:00:00Z'));
    const b = planDemo(new Date('2026-11-23T10:00:00Z'));
    expect(a.interactions).toEqual(b.interactions);
    expect(a.qualification).toEqual(b.qualification);
    expect(a.objectives).toEqual(b.objectives);
  });
});
