import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { CurrencyTotal, TeamPlanning } from '../../../shared/targets';
import { formatMoney, plural } from '../../lib/format';
import { Badge } from '../../ui/Badge';
import { Card } from '../../ui/Card';
import { EmptyState, ErrorState, LoadingCard } from '../../ui/States';
import { teamPlanningQuery } from './api';
import { PlanningHeader } from './PlanningHeader';
import { fiscalYearSentence, gapTone, gapWords, perCurrency } from './planningWords';

/** A team's year: each rep (by name, never ranked) with their target, objectives and gap, and the team's totals per currency. */
export function TeamPlanningView({ teamId, year, onYear, repHref, picker }: {
  teamId: string;
  year: number | undefined;
  onYear: (year: number) => void;
  /** Where a rep's own planning opens. */
  repHref: (repId: string, fiscalYear: number) => string;
  /** The team picker, when there is a choice. */
  picker?: ReactNode;
}) {
  const planning = useQuery(teamPlanningQuery(teamId, year));
  if (planning.isPending) return <LoadingCard title="Account planning" />;
  if (planning.isError) return <ErrorState error={planning.error} onRetry={() => void planning.refetch()} />;
  const p = planning.data;
  const fy = p.fiscalYear;
  return (
    <div className="page">
      <PlanningHeader
        fiscalYear={fy.fiscalYear}
        startMonth={p.fiscalYearStartMonth}
        onYear={onYear}
        meta={<span>{`Each rep’s yearly target against the objectives due in ${fy.name}, and the team’s total. ${fiscalYearSentence(fy, p.fiscalYearStartMonth)}`}</span>}
      />
      {picker}
      <TeamTotals planning={p} />
      <Card title={`${p.team.name} · reps`} flush>
        {p.reps.data.length === 0 ? (
          <EmptyState icon="team" title="No rep in this team yet">
            An admin adds people to the team under Team.
          </EmptyState>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-label={`${p.team.name}: each rep’s target and gap`}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Rep</th>
                  <th scope="col" className="num">
                    Yearly target
                  </th>
                  <th scope="col" className="num">
                    Objectives
                  </th>
                  <th scope="col">Gap</th>
                  <th scope="col">Other currencies</th>
                </tr>
              </thead>
              <tbody>
                {p.reps.data.map((r) => (
                  <tr key={r.rep.id}>
                    <td className="primary-cell">
                      <Link to={repHref(r.rep.id, fy.fiscalYear)}>{r.rep.name}</Link>
                      <div className="sub">{plural(r.objectiveCount, 'objective')}</div>
                    </td>
                    <td className="num">{r.target ? formatMoney(r.target.amount) : <span className="muted">not set</span>}</td>
                    <td className="num">{r.gap ? formatMoney({ amountMinor: r.gap.objectivesMinor, currency: r.gap.currency }) : perCurrency(r.objectives)}</td>
                    <td>{r.gap ? <Badge tone={gapTone(r.gap)}>{gapWords(r.gap)}</Badge> : <span className="muted">no target</span>}</td>
                    <td>{r.gap && r.otherCurrencies.length ? perCurrency(r.otherCurrencies) : <span className="muted">—</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <div className="card-pad planning-foot">
          <p className="small muted">
            Listed by name, not ranked. {p.reps.nextCursor ? `Showing the first ${p.reps.data.length} of ${p.repCount} reps.` : null} Open a rep to see their objectives{p.reps.data.some((r) => r.canSetTarget) ? ' and set their target' : ''}.
          </p>
        </div>
      </Card>
    </div>
  );
}

function totalLine(t: CurrencyTotal): string {
  const objectives = formatMoney({ amountMinor: t.objectivesMinor, currency: t.currency });
  if (t.targetMinor === null || t.gapMinor === null) return `No target in ${t.currency}; objectives ${objectives} (kept apart, never converted)`;
  return `Target ${formatMoney({ amountMinor: t.targetMinor, currency: t.currency })}, objectives ${objectives}: ${gapWords({ currency: t.currency, gapMinor: t.gapMinor })}`;
}

function TeamTotals({ planning }: { planning: TeamPlanning }) {
  const { totals, repCount, repsWithoutTarget } = planning;
  return (
    <Card title={`${planning.team.name} · team total`}>
      {totals.length === 0 ? (
        <p className="muted">No target and no objective with a financial target in {planning.fiscalYear.name} yet.</p>
      ) : (
        <ul className="planning-totals">
          {/* Currencies with a target first (their gap), then objectives in other currencies. */}
          {[...totals.filter((t) => t.targetMinor !== null), ...totals.filter((t) => t.targetMinor === null)].map((t) => (
            <li key={t.currency}>{totalLine(t)}</li>
          ))}
        </ul>
      )}
      <p className="small muted">
        {plural(repCount, 'rep')}
        {repsWithoutTarget ? `, ${repsWithoutTarget} without a target for ${planning.fiscalYear.name}` : ''}. Each currency is summed on its own; within one, a rep ahead offsets one behind.
      </p>
    </Card>
  );
}
