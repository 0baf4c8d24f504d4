import { useQuery } from '@tanstack/react-query';
import type { Reliability } from '../../../shared/plan-reliability';
import type { PlanView } from '../../../shared/team-view';
import { getTeamSummary } from '../../../shared/routes/operations/plans';
import { call } from '../../app/api';
import { ErrorState, SkeletonLines } from '../../ui/States';
import { RELIABILITY_NOTE } from '../commitments/reliabilityWords';

function share(r: Reliability): string {
  if (r.counted === 0 || r.score === null) return `— · n = 0`;
  return `${Math.round(r.score * 100)} % on time · n = ${r.counted}`;
}

/** Per person in the view: their plans by health, and both sides' word, each with its n. */
export function TeamSummaryCard({ view }: { view: PlanView }) {
  const query = useQuery({ queryKey: ['plans', 'team-summary', view], queryFn: () => call(getTeamSummary, { query: { view } }) });
  return (
    <section className="card" aria-labelledby="team-summary-title">
      <header className="card-header">
        <h2 id="team-summary-title">{view === 'team' ? 'Your team at a glance' : 'Everyone at a glance'}</h2>
      </header>
      {query.isPending ? (
        <SkeletonLines lines={3} padded />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.rows.length === 0 ? (
        <p className="empty-inline">Nobody in this view has a plan yet.</p>
      ) : (
        <div className="table-wrap table-scroll" tabIndex={0} role="region" aria-label="Team summary (scrolls sideways)">
          <table className="table team-summary">
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">On track</th>
                <th scope="col">At risk</th>
                <th scope="col">Stalled</th>
                <th scope="col">Draft</th>
                <th scope="col">Their word (seller side)</th>
                <th scope="col">Customers’ word</th>
              </tr>
            </thead>
            <tbody>
              {query.data.rows.map((r) => (
                <tr key={r.user.id}>
                  <th scope="row">{r.user.name}</th>
                  <td>{r.plans.onTrack}</td>
                  <td>{r.plans.atRisk}</td>
                  <td>{r.plans.stalled}</td>
                  <td>{r.plans.draft}</td>
                  <td className="nowrap">{share(r.seller)}</td>
                  <td className="nowrap">{share(r.customer)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="card-pad small muted">n = commitments judged (must-do count double in the share). {RELIABILITY_NOTE}</p>
    </section>
  );
}
