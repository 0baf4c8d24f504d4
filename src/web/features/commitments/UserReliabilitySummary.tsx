import { Link } from 'react-router';
import { ErrorState, SkeletonLines } from '../../ui/States';
import { useUserReliability } from './reliabilityApi';
import { RELIABILITY_NOTE, isSmallSample, percents, personLine, sampleLine } from './reliabilityWords';
import { SideReliability } from './SideReliability';

/**
 * A workspace user's word on the seller side, overall and per plan. For the person and their
 * colleagues to learn from — never ranked against anyone else.
 */
export function UserReliabilitySummary({ userId, name, you = false }: { userId: string; name: string; you?: boolean }) {
  const query = useUserReliability(userId);
  if (query.isPending) return <SkeletonLines lines={5} padded />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const { overall, plans } = query.data;
  if (overall.total === 0) {
    return <p className="card-pad muted">{you ? 'You have' : `${name} has`} no commitments on a plan yet.</p>;
  }
  return (
    <>
      <SideReliability title={you ? 'Your commitments' : 'Their commitments'} label={you ? 'Your reliability' : `${name} reliability`} r={overall} />
      {plans.length > 0 ? (
        <div className="reliability-people">
          <h3>By plan</h3>
          <ul>
            {plans.map((p) => (
              <li key={p.planId}>
                <div className="row-main">
                  <Link to={`/plans/${p.planId}`}>{p.title}</Link>
                  <div className="row-sub">{personLine(p.reliability)}</div>
                </div>
                <div className="row-side">
                  <div className="reliability-person-score">{percents(p.reliability)?.keptOnTime ?? '—'}{p.reliability.shares ? '%' : ''}</div>
                  <span className="small muted">{sampleLine(p.reliability)}</span>
                  {isSmallSample(p.reliability) ? <span className="small muted">small sample</span> : null}
                </div>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="reliability-note small muted">Seller-side commitments {you ? 'you own' : `${name} owns`} on plans. {RELIABILITY_NOTE}</p>
    </>
  );
}
