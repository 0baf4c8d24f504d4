import { Link } from 'react-router';
import type { Opportunity } from '../../../shared/opportunities';
import { accountOpportunitiesParams } from '../../app/lists';
import { useRecordList } from '../../app/records';
import { formatDate, formatMoney } from '../../lib/format';
import { Button } from '../../ui/Button';
import { ErrorState, SkeletonLines } from '../../ui/States';
import { StatusBadge } from './StatusBadge';

/** An account's opportunities, soonest close date first. */
export function OpportunityRows({ accountId }: { accountId: string }) {
  const list = useRecordList<Opportunity>('opportunities', accountOpportunitiesParams(accountId), { limit: 50 });
  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];
  if (list.isPending) return <SkeletonLines lines={3} padded />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (rows.length === 0) return <p className="empty-inline">No opportunities on this account yet.</p>;
  return (
    <div className="rows">
      {rows.map((o) => (
        <div className="row-item" key={o.id}>
          <div className="row-main">
            <Link to={`/opportunities/${o.id}`}>{o.name}</Link>
            <div className="row-sub">
              {o.stage.name} · closes {formatDate(o.closeDate)} · {o.owner.name}
            </div>
          </div>
          <div className="row-side">
            <div className="num">{formatMoney(o.amount)}</div>
            <StatusBadge status={o.status} />
          </div>
        </div>
      ))}
      {list.hasNextPage ? (
        <div className="timeline-more">
          <Button size="sm" variant="ghost" busy={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            Load more
          </Button>
        </div>
      ) : null}
    </div>
  );
}
