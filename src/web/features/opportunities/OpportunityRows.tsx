import { Link } from 'react-router';
import { accountOpportunitiesParams } from '../../app/lists';
import { useRecordList } from '../../app/records';
import { formatDate, formatMoney } from '../../lib/format';
import { RecordRows } from '../records/RecordRows';
import { StatusBadge } from './StatusBadge';

/** An account's opportunities, soonest close date first. */
export function OpportunityRows({ accountId }: { accountId: string }) {
  const list = useRecordList('opportunities', accountOpportunitiesParams(accountId), { limit: 50 });
  return (
    <RecordRows list={list} empty="No opportunities on this account yet.">
      {(o) => (
        <>
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
        </>
      )}
    </RecordRows>
  );
}
