import { Link, useSearchParams } from 'react-router';
import { useMe } from '../../app/session';
import { useTitle } from '../../lib/hooks';
import { Card } from '../../ui/Card';
import { PageHeader } from '../../ui/PageHeader';
import { exportCheckIns } from '../../../shared/routes/operations/exports';
import { ExportLink } from '../records/ExportLink';
import { EmptyState, ErrorState, SkeletonLines } from '../../ui/States';
import { useSeriesList } from './api';
import { CheckInHistory } from './CheckInHistory';
import { QuestionsCard } from './QuestionsCard';
import { SeriesRow } from './SeriesRow';
import { SetUpSeriesForm } from './SetUpSeriesForm';
import './check-ins.css';

/**
 * Check-ins: a rep's regular 1:1 with their manager, and a manager's with each of their people — when
 * they meet next, the answers handed in, and what was agreed before. A manager sets one up per
 * person; an admin also edits the questions every new check-in asks.
 */
export function CheckInsPage() {
  useTitle('Check-ins');
  const me = useMe();
  const [search] = useSearchParams();
  const seriesId = search.get('series') ?? undefined;
  const list = useSeriesList();
  const mine = list.data?.data.filter((s) => s.rep.id === me.user.id) ?? [];
  const team = list.data?.data.filter((s) => s.rep.id !== me.user.id) ?? [];
  const canSetUp = me.user.role !== 'rep';
  return (
    <div className="page">
      <PageHeader
        title="Check-ins"
        meta={<span>A regular 1:1 about the process: the advance you planned, the commitment at risk, what you learned.</span>}
        actions={<ExportLink route={exportCheckIns} />}
      />
      {list.isPending ? (
        <div className="card card-pad">
          <SkeletonLines lines={4} />
        </div>
      ) : list.isError ? (
        <div className="card">
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        </div>
      ) : (
        <>
          {mine.length > 0 || !canSetUp ? (
            <Card title="With your manager" flush>
              {mine.length ? (
                <ul className="check-in-series-list">
                  {mine.map((s) => (
                    <SeriesRow key={s.id} series={s} />
                  ))}
                </ul>
              ) : (
                <EmptyState icon="talk" title="No check-ins yet">
                  Your manager sets up a regular check-in with you. Before each one you answer a few questions about how the work went.
                </EmptyState>
              )}
            </Card>
          ) : null}
          {canSetUp ? (
            <Card title={me.user.role === 'admin' ? 'Check-ins in the workspace' : 'Your team'} flush>
              {team.length ? (
                <ul className="check-in-series-list">
                  {team.map((s) => (
                    <SeriesRow key={s.id} series={s} />
                  ))}
                </ul>
              ) : (
                <p className="card-intro">No check-ins running yet{list.data.canSetUpFor.length ? ': set one up with each person of your team.' : '.'}</p>
              )}
              {list.data.canSetUpFor.length ? (
                <div className="card-pad">
                  <SetUpSeriesForm people={list.data.canSetUpFor} />
                </div>
              ) : null}
            </Card>
          ) : null}
        </>
      )}
      <CheckInHistory seriesId={seriesId} />
      {seriesId ? (
        <p>
          <Link to="/check-ins">All check-ins</Link>
        </p>
      ) : null}
      {me.user.role === 'admin' ? <QuestionsCard /> : null}
    </div>
  );
}
