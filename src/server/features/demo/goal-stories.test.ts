import { describe, expect, it } from 'vitest';
import { isOccurrence } from '../../../domain/check-in-schedule.js';
import { todayIn } from '../../../domain/dates.js';
import { ladderState } from '../../../domain/why-ladder.js';
import { DEMO_PEOPLE } from './catalogue.js';
import { planGoals, type RepKey } from './goal-stories.js';

const ACCOUNTS: Record<RepKey, string[]> = { rep1: ['Vireo Santé'], rep2: ['Halden Maschinenbau'], rep3: ['Kestrel Logistics'], rep4: ['Oakridge Retail Group'] };
const DAY = 86_400_000;
// Every fifth day of a year, at an hour that moves through the day: the story holds whatever the date.
const DAYS = Array.from({ length: 73 }, (_, i) => new Date(Date.parse('2026-01-03T00:00:00Z') + i * 5 * DAY + ((i * 7) % 24) * 3_600_000));

describe('the demo’s goals story', () => {
  it('ends each saved why’s ladder as the rep climbed it, and leaves one ladder climbing', () => {
    const { ladders } = planGoals(new Date('2026-11-26T10:00:00Z'), ACCOUNTS);
    for (const l of ladders) {
      const state = ladderState(
        l.rungs.map((r) => r.answer),
        l.stoppedChanging,
      );
      if (l.why === null) expect(state.status).toBe('climbing');
      else expect(state).toMatchObject({ status: 'ended', proposedWhy: l.why });
    }
    expect(ladders.filter((l) => l.sharedAt !== null).map((l) => l.owner)).toEqual(['rep1', 'rep3']);
  });

  it('gives every active goal exactly one current step, after steps done over weeks', () => {
    for (const now of DAYS) {
      for (const g of planGoals(now, ACCOUNTS).goals) {
        const current = g.steps.filter((s) => s.status === 'current');
        expect(current, g.title).toHaveLength(g.status === 'active' ? 1 : 0);
        expect(g.steps.every((s) => Date.parse(s.createdAt) < now.getTime() && (s.doneAt === null || Date.parse(s.doneAt) < now.getTime())), g.title).toBe(true);
        expect(Date.parse(g.createdAt)).toBeLessThan(now.getTime());
      }
    }
  });

  it('holds check-ins only at their series’ own times, with actions due after them', () => {
    for (const now of DAYS.slice(0, 20)) {
      for (const s of planGoals(now, ACCOUNTS).series) {
        const schedule = { cadence: s.cadence, weekday: s.weekday, dayOfMonth: s.dayOfMonth, time: s.time, timeZone: s.timeZone, startsOn: s.startsOn };
        expect(s.checkIns.length).toBeGreaterThanOrEqual(s.cadence === 'monthly' ? 4 : 8);
        for (const c of s.checkIns) {
          expect(isOccurrence(schedule, new Date(c.at))).toBe(true);
          expect(Date.parse(c.at)).toBeLessThan(now.getTime());
          for (const a of c.actions) {
            expect(a.dueDate > c.localDate).toBe(true);
            if (a.doneAt) expect(Date.parse(a.doneAt)).toBeLessThan(now.getTime());
          }
        }
      }
    }
  });

  it('ends Jonas’s stretch goal short of nine in ten, with enough actions to judge, whatever the day', () => {
    const zone = DEMO_PEOPLE.rep2.timeZone;
    for (const now of DAYS) {
      const plan = planGoals(now, ACCOUNTS);
      const goal = plan.goals.find((g) => g.stretch);
      expect(goal?.owner).toBe('rep2');
      const period = goal!.period;
      expect(period.end < todayIn(zone, now)).toBe(true);
      const judged = plan.series
        .find((s) => s.rep === 'rep2')!
        .checkIns.flatMap((c) => c.actions)
        .filter((a) => a.owner === 'rep' && a.dueDate >= period.start && a.dueDate <= period.end && a.status !== 'dropped');
      const onTime = judged.filter((a) => a.status === 'done' && todayIn(zone, new Date(a.doneAt!)) <= a.dueDate);
      expect(judged.length, now.toISOString()).toBeGreaterThanOrEqual(5);
      expect(onTime.length / judged.length, now.toISOString()).toBeLessThan(0.9);
      expect(onTime.length / judged.length, now.toISOString()).toBeGreaterThanOrEqual(0.5);
    }
  });

  it('is the same story for everyone who opens the demo at the same moment', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    expect(planGoals(now, ACCOUNTS)).toEqual(planGoals(new Date(now), ACCOUNTS));
  });
});
