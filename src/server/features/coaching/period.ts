import type { CoachingPeriod, CoachingQuery } from '../../../shared/coaching.js';
import { fiscalQuarterOf, mondayOf, previousQuarter, weeksOf } from '../../../domain/coaching.js';
import { addDays, todayIn } from '../../../domain/dates.js';
import { instantAt } from '../../../domain/zoned-time.js';
import type { Scope } from '../../core/scope.js';
import { loadCalendar } from '../targets/calendar.js';

/** The period a coaching page reads, with the instants its weeks start at (in the workspace's zone). */
export type ResolvedPeriod = {
  period: CoachingPeriod;
  /** The instant each week starts at, then the instant after the last week ends: weeks + 1 bounds. */
  bounds: string[];
  /** The last week that is over (charts stop there); null when none is. */
  lastCompleteWeek: string | null;
  now: Date;
};

export async function resolvePeriod(scope: Scope, query: CoachingQuery, now = new Date()): Promise<ResolvedPeriod> {
  const calendar = await loadCalendar(scope);
  const today = todayIn(calendar.timeZone, now);
  const current = fiscalQuarterOf(today, calendar.startMonth);
  const from = query.from ?? current.start;
  const to = query.to ?? current.end;
  const weekStarts = weeksOf(from, to);
  const lastDay = addDays(weekStarts[weekStarts.length - 1], 6);
  const bounds = [...weekStarts, addDays(lastDay, 1)].map((day) => instantAt(day, '00:00', calendar.timeZone).toISOString());
  const thisWeek = mondayOf(today);
  const complete = weekStarts.filter((w) => w < thisWeek);
  // The quarter the period starts in: its name when the period is exactly it, and its neighbours.
  const asked = fiscalQuarterOf(from, calendar.startMonth);
  const isQuarter = asked.start === from && asked.end === to;
  const before = previousQuarter(asked, calendar.startMonth);
  const after = fiscalQuarterOf(addDays(asked.end, 1), calendar.startMonth);
  return {
    period: {
      from,
      to,
      name: isQuarter ? asked.name : null,
      firstDay: weekStarts[0],
      lastDay,
      weekStarts,
      currentWeekStart: weekStarts.includes(thisWeek) ? thisWeek : null,
      timeZone: calendar.timeZone,
      previous: { from: before.start, to: before.end, name: before.name },
      next: { from: after.start, to: after.end, name: after.name },
    },
    bounds,
    lastCompleteWeek: complete.length ? complete[complete.length - 1] : null,
    now,
  };
}
