import type { ReactNode } from 'react';
import { todayIn } from '../../../domain/dates';
import { fiscalYearOf } from '../../../domain/fiscal-year';
import { useMe } from '../../app/session';
import { SelectField } from '../../ui/Field';
import { PageHeader } from '../../ui/PageHeader';
import { fiscalYearLabel, yearChoices } from './planningWords';

/** The page's title, what it shows, and the fiscal year picker (years named by the calendar year they start in). */
export function PlanningHeader({ meta, fiscalYear, startMonth, onYear, back }: {
  meta: ReactNode;
  fiscalYear: number;
  startMonth: number;
  onYear: (year: number) => void;
  back?: { to: string; label: string };
}) {
  const me = useMe();
  // The company's calendar: today in the workspace's default zone, as the server reads it.
  const current = fiscalYearOf(todayIn(me.workspace.defaultTimeZone, new Date()), startMonth);
  const options = yearChoices(current, fiscalYear).map((y) => ({ value: String(y), label: `${fiscalYearLabel(y, startMonth)}${y === current ? ' (current)' : ''}` }));
  return (
    <>
      <PageHeader title="Account planning" back={back} meta={meta} />
      <div className="planning-toolbar">
        <SelectField label="Fiscal year" name="fiscalYear" required value={String(fiscalYear)} onChange={(v) => onYear(Number(v))} options={options} />
      </div>
    </>
  );
}
