import type { FiscalYear } from '../../../shared/targets.js';
import { todayIn } from '../../../domain/dates.js';
import { fiscalYearBounds, fiscalYearName, fiscalYearOf } from '../../../domain/fiscal-year.js';
import { notFound } from '../../core/errors.js';
import type { Scope } from '../../core/scope.js';

/** The workspace's fiscal calendar: its start month, target currency and the zone "today" is read in. */
export type Calendar = { id: string; startMonth: number; targetCurrency: string; timeZone: string; version: number };

// The workspace row is the tenant itself, not a table inside it: it is read by the scope's own id.
export async function loadCalendar(scope: Scope): Promise<Calendar> {
  const row = await scope.db
    .selectFrom('workspaces')
    .select(['id', 'fiscal_year_start_month', 'target_currency', 'default_time_zone', 'version'])
    .where('id', '=', scope.workspaceId)
    .executeTakeFirst();
  if (!row) throw notFound('Workspace');
  return { id: row.id, startMonth: row.fiscal_year_start_month, targetCurrency: row.target_currency, timeZone: row.default_time_zone, version: row.version };
}

/** The fiscal year today falls in, today being read in the workspace's default time zone (the company's calendar). */
export const currentFiscalYear = (calendar: Calendar, now = new Date()): number => fiscalYearOf(todayIn(calendar.timeZone, now), calendar.startMonth);

export function presentFiscalYear(calendar: Calendar, fiscalYear: number, now = new Date()): FiscalYear {
  const { start, end } = fiscalYearBounds(fiscalYear, calendar.startMonth);
  return { fiscalYear, name: fiscalYearName(fiscalYear), start, end, isCurrent: currentFiscalYear(calendar, now) === fiscalYear };
}
