import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { ProcessWins } from '../../../shared/retrospectives';
import { useReviewMode } from '../../app/reviewMode';
import { formatDate } from '../../lib/format';
import { Badge } from '../../ui/Badge';
import { Card } from '../../ui/Card';
import { ErrorState, SkeletonLines } from '../../ui/States';
import type { PeriodQuery } from '../coaching/api';
import { opportunityStatusLabel } from '../opportunities/statusWords';
import { teamRetrospectivesQuery } from './api';
import { QUADRANT_LABELS } from './words';

const rate = (w: ProcessWins['sound']) =>
  w.judgement.kind === 'rate'
    ? `${Math.round(w.judgement.rate * 100)} % [${Math.round(w.judgement.low * 100)}–${Math.round(w.judgement.high * 100)} %] · ${w.won} won of ${w.n}`
    : `too few to judge · ${w.won} won of ${w.n}`;

/** Does the process predict wins? Win rates of sound and weak processes, and the test's verdict in words. */
function ProcessWinsCard({ wins }: { wins: ProcessWins }) {
  return (
    <Card title="Does our process predict wins?">
      <p className="measure-figure">
        <strong>{wins.summary}</strong>
      </p>
      <dl className="outcome-counts">
        <div>
          <dt>Sound process</dt>
          <dd className="small">{rate(wins.sound)}</dd>
        </div>
        <div>
          <dt>Weak process</dt>
          <dd className="small">{rate(wins.weak)}</dd>
        </div>
      </dl>
      <p className="small muted">{`Deals closed in the period, won ÷ won or lost (walked away left out), by the process score the data shows; compared by the ${wins.test.name} at α = ${wins.test.alpha}.`}</p>
    </Card>
  );
}

/** The team's deals closed in the period and where each retrospective stands. */
export function TeamRetrospectives({ teamId, period }: { teamId: string; period: PeriodQuery }) {
  const query = useQuery(teamRetrospectivesQuery(teamId, period));
  const review = useReviewMode();
  if (query.isPending) return <SkeletonLines lines={3} padded />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const t = query.data;
  return (
    <>
      <Card title="Retrospectives on closed deals" flush>
        {t.deals.length === 0 ? (
          <p className="card-pad muted">No deal of the team closed in this period.</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Closed deals and their retrospectives">
            <table className="table coaching-table">
              <thead>
                <tr>
                  <th scope="col">Rep</th>
                  <th scope="col">Deal</th>
                  <th scope="col">Closed</th>
                  <th scope="col">Answers</th>
                  {review ? null : <th scope="col">Process and outcome</th>}
                </tr>
              </thead>
              <tbody>
                {t.deals.map((d) => (
                  <tr key={d.opportunity.id}>
                    <th scope="row">{d.rep.name}</th>
                    <td className="primary-cell">
                      <Link to={`/opportunities/${d.opportunity.id}/retrospective`}>{d.opportunity.name}</Link>
                    </td>
                    <td>{`${opportunityStatusLabel(d.opportunity.status)} · ${formatDate(d.opportunity.closedAt.slice(0, 10))}`}</td>
                    <td>{`rep ${d.repAnswered ? '✓' : '—'} · manager ${d.managerAnswered ? '✓' : '—'}`}</td>
                    {review ? null : <td>{d.placement ? <Badge tone="neutral">{QUADRANT_LABELS[d.placement]}</Badge> : <span className="muted">after your answers</span>}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      {review ? null : <ProcessWinsCard wins={t.processWins} />}
    </>
  );
}
