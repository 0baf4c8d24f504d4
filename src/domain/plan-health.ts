/**
 * Internal health of a mutual plan, and advice on its length. Health is for the seller's team only;
 * its reasons name the commitment and the fact in plain words, never the person, so they read as a
 * prompt to act rather than blame.
 */
import { daysOverdue, todayIn, daysBetween, formatCalendarDate } from './dates.js';
import { hasPendingDateChange, type CommitmentFacts, type Instant } from './commitments.js';

export type PlanHealthStatus = 'on_track' | 'at_risk' | 'stalled';

export type PlanHealth = {
  status: PlanHealthStatus;
  /** Why, most serious first; empty when on track. */
  reasons: string[];
};

/** A must-do due today, tomorrow or the day after puts the plan at risk. */
export const MUST_DO_RISK_DAYS = 2;
/** Overdue this many days or more makes the plan stalled (1 to 6 days: at risk). */
export const STALLED_OVERDUE_DAYS = 7;
/** No activity on the plan for this many days makes it stalled. */
export const STALLED_QUIET_DAYS = 14;

const DAY_MS = 86_400_000;

type Finding = { status: Exclude<PlanHealthStatus, 'on_track'>; rank: number; text: string };

const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);

function dueWhen(daysAhead: number): string {
  if (daysAhead === 0) return 'today';
  if (daysAhead === 1) return 'tomorrow';
  return `in ${days(daysAhead)}`;
}

/**
 * - stalled: any open commitment overdue 7 days or more in its owner's zone, or no activity on the
 *   plan for 14 days (measured in elapsed time from `lastActivityAt`);
 * - at risk: any open commitment overdue 1 to 6 days, or an open must-do due today, tomorrow or the
 *   day after (in its owner's zone);
 * - at risk, at least, once the plan's target date has ended in the given zone (`target`) and the
 *   plan is still in progress: it says so, with the date;
 * - on track otherwise. Done and dropped commitments never count. "Overdue" is against the date in
 *   force: a new date that still waits for an answer does not move it, but the reason says it waits.
 * Only plans in progress are judged: the caller gives a draft, completed or abandoned plan no health.
 */
export function planHealth(input: {
  commitments: readonly CommitmentFacts[];
  lastActivityAt: Instant;
  now: Date;
  target?: { date: string; timeZone: string };
}): PlanHealth {
  const { commitments, lastActivityAt, now, target } = input;
  const findings: Finding[] = [];
  const pastTarget = target ? daysOverdue(target.date, target.timeZone, now) : 0;
  if (pastTarget > 0) {
    findings.push({ status: 'at_risk', rank: -pastTarget, text: `The target date (${formatCalendarDate(target?.date ?? '')}) passed ${days(pastTarget)} ago and the plan is not completed` });
  }
  for (const c of commitments) {
    if (c.status !== 'open') continue;
    const late = daysOverdue(c.dueDate, c.ownerTimeZone, now);
    const waits = hasPendingDateChange(c, now) ? ' (a new date waits for an answer)' : '';
    if (late > 0) {
      findings.push({
        status: late >= STALLED_OVERDUE_DAYS ? 'stalled' : 'at_risk',
        rank: -late,
        text: `“${c.title}” is ${days(late)} overdue${waits}`,
      });
      continue;
    }
    const ahead = daysBetween(todayIn(c.ownerTimeZone, now), c.dueDate);
    if (c.mustDo && ahead <= MUST_DO_RISK_DAYS) {
      findings.push({ status: 'at_risk', rank: ahead, text: `Must-do “${c.title}” is due ${dueWhen(ahead)}${waits}` });
    }
  }
  const quietDays = Math.floor((now.getTime() - Date.parse(lastActivityAt)) / DAY_MS);
  if (quietDays >= STALLED_QUIET_DAYS) {
    findings.push({ status: 'stalled', rank: -quietDays, text: `No activity for ${days(quietDays)}` });
  }
  // Stalled findings first, then the most overdue, then the soonest due.
  findings.sort((a, b) => (a.status === b.status ? a.rank - b.rank : a.status === 'stalled' ? -1 : 1));
  const status: PlanHealthStatus = findings.length === 0 ? 'on_track' : findings[0].status;
  return { status, reasons: findings.map((f) => f.text) };
}

export type PlanLengthLevel = 'ok' | 'warn' | 'strong_warn';

export type PlanLengthAdvice = { level: PlanLengthLevel; message: string };

/** Published data on mutual plans: 6 to 20 commitments do best. */
export const PLAN_LENGTH_SWEET_SPOT = { min: 6, max: 20 } as const;
/** Above this, the warning is a strong one. */
export const PLAN_LENGTH_STRONG_WARN_ABOVE = 30;

/** Advice for a plan with `count` commitments (the caller leaves dropped ones out). */
export function planLengthAdvice(count: number): PlanLengthAdvice {
  const { min, max } = PLAN_LENGTH_SWEET_SPOT;
  if (count > PLAN_LENGTH_STRONG_WARN_ABOVE) {
    return {
      level: 'strong_warn',
      message: `${count} commitments is far more than the ${min}–${max} that tend to work. A plan this long reads as a to-do list: keep what each side must do and cut the rest.`,
    };
  }
  if (count > max) {
    return {
      level: 'warn',
      message: `${count} commitments is more than the ${min}–${max} that tend to work. Consider merging or dropping the ones that are not a must.`,
    };
  }
  if (count === 0) {
    return { level: 'ok', message: 'No commitments yet. Agree who does what by when, on both sides.' };
  }
  if (count < min) {
    return {
      level: 'ok',
      message: `Plans of ${min}–${max} commitments tend to do best. Is there a step on either side still missing?`,
    };
  }
  return { level: 'ok', message: `A good length: plans of ${min}–${max} commitments tend to do best.` };
}
