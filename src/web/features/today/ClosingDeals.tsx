import { Link } from 'react-router';
import { addDays, daysBetween, todayIn } from '../../../domain/dates';
import { closingDealsParams } from '../../app/lists';
import { useRecordList } from '../../app/records';
import { useMe } from '../../app/session';
import { formatDate, formatMoney } from '../../lib/format';
import { Badge } from '../../ui/Badge';
import { buttonClass } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { EmptyState, ErrorState, SkeletonLines } from '../../ui/States';

const HORIZON_DAYS = 30;
/** Deals listed here at most (the soonest, or those already past their date): the rest are one click away. */
const SHOWN = 8;

function whenLabel(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days > 1) return `in ${days} days`;
  return days === -1 ? '1 day past' : `${-days} days past`;
}

/** The signed-in rep's open deals with a close date in the next 30 days (or already past it). */
export function ClosingDeals() {
  const me = useMe();
  const today = todayIn(me.user.timeZone, new Date());
  const horizon = addDays(today, HORIZON_DAYS);
  const list = useRecordList('opportunities', closingDealsParams(me), { limit: 50 });
  const closing = (list.data?.pages[0]?.data ?? []).filter((o) => o.closeDate <= horizon);
  return (
    <Card
      // A deal past its close date is listed first and said so: it needs a new date or closing, not waiting.
      title={closing.some((o) => o.closeDate < today) ? `Deals past their close date or closing in ${HORIZON_DAYS} days` : `Deals closing in ${HORIZON_DAYS} days`}
      flush
      actions={
        <Link to={`/opportunities?ownerId=${me.user.id}&status=open&sort=closeDate`} className={buttonClass('ghost', 'sm')}>
          All my deals
        </Link>
      }
    >
      {list.isPending ? (
        <SkeletonLines lines={4} padded />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : closing.length === 0 ? (
        <EmptyState icon="calendar" title="Nothing closing soon">
          None of your open opportunities has a close date in the next {HORIZON_DAYS} days.
        </EmptyState>
      ) : (
        <div className="rows">
          {closing.slice(0, SHOWN).map((o) => {
            const days = daysBetween(today, o.closeDate);
            const when = `${formatDate(o.closeDate)} · ${whenLabel(days)}`;
            return (
              <div className="row-item" key={o.id}>
                <div className="row-main">
                  <Link to={`/opportunities/${o.id}`}>{o.name}</Link>
                  <div className="row-sub">
                    {o.account.name} · {o.stage.name}
                  </div>
                </div>
                <div className="row-side">
                  <div className="num">{formatMoney(o.amount)}</div>
                  <div className="small">{o.closeDatePassed ? <Badge tone="warning">{when}</Badge> : <span className="muted">{when}</span>}</div>
                </div>
              </div>
            );
          })}
          {closing.length > SHOWN ? (
            <p className="empty-inline">
              <Link to={`/opportunities?ownerId=${me.user.id}&status=open&sort=closeDate`}>{list.data?.pages[0]?.nextCursor ? 'More' : `${closing.length - SHOWN} more`} closing by {formatDate(horizon)}</Link>
            </p>
          ) : null}
        </div>
      )}
    </Card>
  );
}
