import { Link } from 'react-router';
import { addDays, daysBetween, todayIn } from '../../../domain/dates';
import type { Opportunity } from '../../../shared/opportunities';
import { useRecordList } from '../../app/records';
import { useMe } from '../../app/session';
import { formatDate, formatMoney } from '../../lib/format';
import { useTitle } from '../../lib/hooks';
import { Badge } from '../../ui/Badge';
import { buttonClass } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Icon } from '../../ui/Icon';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyState, ErrorState, SkeletonLines } from '../../ui/States';

const HORIZON_DAYS = 30;

function greeting(timeZone: string): string {
  const hour = Number(new Intl.DateTimeFormat('en-US', { hour: 'numeric', hourCycle: 'h23', timeZone }).format(new Date()));
  return hour < 12 ? 'Good morning' : hour < 18 ? 'Good afternoon' : 'Good evening';
}

function whenLabel(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days > 1) return `in ${days} days`;
  return days === -1 ? '1 day past' : `${-days} days past`;
}

export function TodayPage() {
  useTitle('Today');
  const me = useMe();
  const tz = me.user.timeZone;
  const today = todayIn(tz, new Date());
  const horizon = addDays(today, HORIZON_DAYS);
  const list = useRecordList<Opportunity>('opportunities', { ownerId: me.user.id, status: 'open', sort: 'closeDate' }, { limit: 50 });
  const closing = (list.data?.pages[0]?.data ?? []).filter((o) => o.closeDate <= horizon);
  const longDate = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', timeZone: tz }).format(new Date());

  return (
    <div className="page">
      <PageHeader title={`${greeting(tz)}, ${me.user.name.split(' ')[0]}`} meta={<span>{longDate}</span>} />
      <div className="record-layout">
        <div>
          <Card
            title={`Your deals closing in the next ${HORIZON_DAYS} days`}
            flush
            actions={
              <Link to={`/opportunities?ownerId=${me.user.id}&status=open&sort=closeDate`} className={buttonClass('ghost', 'sm')}>
                All my open deals
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
                {closing.map((o) => {
                  const days = daysBetween(today, o.closeDate);
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
                        <div className="small">
                          {o.closeDatePassed ? (
                            <Badge tone="warning">{`${formatDate(o.closeDate)} · ${whenLabel(days)}`}</Badge>
                          ) : (
                            <span className="muted">{`${formatDate(o.closeDate)} · ${whenLabel(days)}`}</span>
                          )}
                        </div>
                      </div>
                    </div>
                  );
                })}
              </div>
            )}
          </Card>
        </div>
        <div>
          <Card title="Coming to Today">
            <ul className="today-soon">
              <li>
                <Icon name="chevronRight" size={16} />
                Commitments due today — yours and your customers’ — with a nudge to re-date before one slips.
              </li>
              <li>
                <Icon name="chevronRight" size={16} />
                Calls to plan: what will the customer agree to by the end of this call?
              </li>
              <li>
                <Icon name="chevronRight" size={16} />
                Your goal’s tiny next step, and re-dates waiting for your answer.
              </li>
            </ul>
          </Card>
        </div>
      </div>
    </div>
  );
}
