import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { TeamCoaching, TeamCoachingRow } from '../../../shared/coaching';
import { PROCESS_MEASURES, type CoachingMeasureKey } from '../../../shared/coaching-words';
import { useReviewMode } from '../../app/reviewMode';
import { Badge } from '../../ui/Badge';
import { Card } from '../../ui/Card';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyState, ErrorState, LoadingCard } from '../../ui/States';
import { teamCoachingQuery, type PeriodQuery } from './api';
import { TeamRetrospectives } from '../retrospectives/TeamRetrospectives';
import { MeasureCard } from './MeasureCard';
import { OutcomeCounts } from './OutcomeCounts';
import { PeriodBar } from './PeriodBar';
import { differenceWords, figureCell, goalProgressWords, MEASURE_WORDS } from './words';

function FigureCell({ row, measureKey }: { row: TeamCoachingRow; measureKey: CoachingMeasureKey }) {
  const figure = row.figures[measureKey];
  const difference = differenceWords(figure);
  return (
    <td className={difference ? 'figure-cell flagged' : 'figure-cell'}>
      <span>{figureCell(figure)}</span>
      {difference ? (
        <>
          {' '}
          <Badge tone="accent">Differs</Badge>
          <div className="sub">{difference}</div>
        </>
      ) : null}
    </td>
  );
}

/** How the rep's goals moved in the period: counts with their n — never a goal's why. */
function GoalsCell({ row }: { row: TeamCoachingRow }) {
  const words = goalProgressWords(row.goals);
  return (
    <td className="figure-cell">
      <span>{words.main}</span>
      {words.sub ? <div className="sub">{words.sub}</div> : null}
    </td>
  );
}

/**
 * A team's figures: each rep by name — never sorted by a figure, never a leaderboard — with a figure
 * highlighted only where the two-proportion test tells it apart from the rest of the team; then the
 * team's own weekly charts, process first and outcomes last.
 */
export function TeamCoachingView({ teamId, period, onPeriod, repHref, toolbar }: {
  teamId: string;
  period: PeriodQuery;
  onPeriod: (p: PeriodQuery) => void;
  repHref: (repId: string) => string;
  toolbar?: ReactNode;
}) {
  const coaching = useQuery(teamCoachingQuery(teamId, period));
  const review = useReviewMode();
  if (coaching.isPending) return <LoadingCard title="Coaching" />;
  if (coaching.isError) return <ErrorState error={coaching.error} onRetry={() => void coaching.refetch()} />;
  const t: TeamCoaching = coaching.data;
  const columns: CoachingMeasureKey[] = review ? [...PROCESS_MEASURES] : [...PROCESS_MEASURES, 'wins'];
  // Process first, then how their goals moved, then outcomes.
  const processColumns = columns.filter((k) => k !== 'wins');
  const outcomeColumns = columns.filter((k) => k === 'wins');
  const flagged = t.reps.some((r) => columns.some((k) => differenceWords(r.figures[k]) !== null));
  const common = { weekStarts: t.period.weekStarts, currentWeekStart: t.period.currentWeekStart, whose: t.team.name.toLowerCase().replace(/[^a-z0-9]+/g, '-') || 'team' };
  return (
    <div className="page coaching">
      <PageHeader
        title={`Coaching · ${t.team.name}`}
        meta={<span>Each rep’s process, then outcomes. A figure is highlighted only when a statistical test tells it apart from the rest of the team — otherwise the differences you see are within what chance produces.</span>}
      />
      {toolbar}
      <PeriodBar period={t.period} onPeriod={onPeriod} />
      <Card title={`${t.team.name} · reps`} flush>
        {t.reps.length === 0 ? (
          <EmptyState icon="team" title="No rep in this team yet">
            An admin adds people to the team under Team.
          </EmptyState>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-label={`${t.team.name}: each rep’s figures`}>
            <table className="table coaching-table coaching-figures">
              <thead>
                <tr>
                  <th scope="col">Rep</th>
                  {processColumns.map((k) => (
                    <th scope="col" key={k}>
                      {MEASURE_WORDS[k].title}
                    </th>
                  ))}
                  <th scope="col">Goals</th>
                  {outcomeColumns.map((k) => (
                    <th scope="col" key={k}>
                      {MEASURE_WORDS[k].title}
                    </th>
                  ))}
                  {review ? null : <th scope="col">Won · lost · walked away</th>}
                </tr>
              </thead>
              <tbody>
                {t.reps.map((r) => (
                  <tr key={r.rep.id}>
                    <th scope="row" className="primary-cell">
                      <Link to={repHref(r.rep.id)}>{r.rep.name}</Link>
                    </th>
                    {processColumns.map((k) => (
                      <FigureCell key={k} row={r} measureKey={k} />
                    ))}
                    <GoalsCell row={r} />
                    {outcomeColumns.map((k) => (
                      <FigureCell key={k} row={r} measureKey={k} />
                    ))}
                    {review ? null : <td>{`${r.outcomes.won} · ${r.outcomes.lost} · ${r.outcomes.walkedAway}`}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <div className="card-pad coaching-foot">
          <p className="small">
            <strong>Listed by name, never ranked.</strong>{' '}
            {`Each figure is the rate with its 95 % interval and n. A figure is highlighted (“Differs”) only when the ${t.test.name} at α = ${t.test.alpha} tells it apart — ${t.test.comparedWith}.`}
            {flagged ? '' : ' No figure differs from the rest of the team in this period.'}
          </p>
          <p className="small muted">Goals: the rep’s active goals and how many of them moved — a tiny step done — in the period, the steps done and the goals closed as done. The why behind a goal stays the rep’s.</p>
          <p className="small muted">With many figures on one page, about one comparison in twenty can come out “different” by chance alone: treat a highlight as a question to ask, not a verdict.</p>
        </div>
      </Card>
      <h2 className="coaching-section">The team’s process, week by week</h2>
      <div className="measure-grid">
        {PROCESS_MEASURES.map((key) => (
          <MeasureCard key={key} measureKey={key} measure={t.measures[key]} {...common} />
        ))}
      </div>
      <h2 className="coaching-section">The team’s outcomes</h2>
      {review ? (
        <p className="muted review-hidden">Outcomes are hidden in review mode.</p>
      ) : (
        <>
          <OutcomeCounts outcomes={t.outcomes} />
          <div className="measure-grid">
            <MeasureCard measureKey="wins" measure={t.measures.wins} {...common} />
          </div>
        </>
      )}
      <h2 className="coaching-section">Retrospectives</h2>
      <TeamRetrospectives teamId={teamId} period={period} />
    </div>
  );
}
