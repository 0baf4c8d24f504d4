/**
 * Dates of a plan laid out from a template. A template says "7 days after the start" or "14 days
 * before the target"; the plan needs calendar dates that are fair from its first minute:
 * - never before today where the item is judged (the owner's zone; the caller passes that today);
 * - a must-do never within MUST_DO_LEAD_DAYS of the start (or of today, if later), so a fresh plan is
 *   not "at risk" before anyone could act (plan health flags must-dos due within 2 days);
 * and every date moved is reported, so the person creating the plan is told.
 */
import { addDays, formatCalendarDate } from './dates.js';

/** A must-do from a template is due at least this many days after the start. */
export const MUST_DO_LEAD_DAYS = 3;

export type TemplateDue = { anchor: 'start' | 'target'; days: number };

export type TemplateItem = {
  kind: 'milestone' | 'commitment';
  title: string;
  due: TemplateDue | null;
  mustDo: boolean;
  /** Today where this item's date is judged (its owner's zone), YYYY-MM-DD. */
  today: string;
};

export type DateAdjustmentReason = 'before_today' | 'must_do_too_soon';

export type DateAdjustment = {
  kind: 'milestone' | 'commitment';
  title: string;
  /** The date the template's offset gave. */
  from: string;
  /** The date used instead. */
  to: string;
  reason: DateAdjustmentReason;
  message: string;
};

const max = (a: string, b: string) => (a > b ? a : b);

/** Calendar dates for each item (null when the template gives none), and what was moved and why. */
export function layOutTemplateDates(input: { startDate: string; targetDate: string; items: readonly TemplateItem[] }): {
  dates: (string | null)[];
  adjustments: DateAdjustment[];
} {
  const { startDate, targetDate } = input;
  const adjustments: DateAdjustment[] = [];
  const dates = input.items.map((item) => {
    if (!item.due) return null;
    const planned = addDays(item.due.anchor === 'start' ? startDate : targetDate, item.due.days);
    let date = max(planned, item.today);
    let reason: DateAdjustmentReason = 'before_today';
    if (item.mustDo) {
      const earliest = addDays(max(startDate, item.today), MUST_DO_LEAD_DAYS);
      if (date < earliest) {
        date = earliest;
        reason = 'must_do_too_soon';
      }
    }
    if (date !== planned) {
      const why =
        reason === 'before_today'
          ? 'that day has already passed'
          : `a must-do is due at least ${MUST_DO_LEAD_DAYS} days after the start, so nobody starts behind`;
      adjustments.push({
        kind: item.kind,
        title: item.title,
        from: planned,
        to: date,
        reason,
        message: `“${item.title}” is due ${formatCalendarDate(date)} instead of ${formatCalendarDate(planned)}: ${why}.`,
      });
    }
    return date;
  });
  return { dates, adjustments };
}
