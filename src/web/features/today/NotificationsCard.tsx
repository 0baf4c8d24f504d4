import { Link } from 'react-router';
import { useMe } from '../../app/session';
import { formatDateTime, relativeTime } from '../../lib/format';
import { Badge } from '../../ui/Badge';
import { Card } from '../../ui/Card';
import { ErrorState, SkeletonLines } from '../../ui/States';
import { useMarkNotificationRead, useNotifications } from '../plans/sharing';
import { notificationText } from '../notifications/NotificationText';

/** What customers did on their plans: each links to the plan, and opening it marks it read. */
export function NotificationsCard() {
  const me = useMe();
  const query = useNotifications();
  const markRead = useMarkNotificationRead();
  const list = query.data?.data ?? [];
  const unread = query.data?.unreadCount ?? 0;
  return (
    <Card
      title="From your customers"
      flush
      actions={
        <>
          {unread > 0 ? <Badge tone="accent">{unread} new</Badge> : null}
          <Link to="/notifications" className="small">
            All notifications
          </Link>
        </>
      }
    >
      {query.isPending ? (
        <SkeletonLines lines={3} padded />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : list.length === 0 ? (
        <p className="empty-inline">When a customer ticks something off, comments or proposes a date on their plan page, it shows here.</p>
      ) : (
        <ul className="notifications">
          {list.map((n) => (
            <li key={n.id} className={n.readAt ? 'notification' : 'notification notification-unread'}>
              <p>
                {n.readAt ? null : <span className="sr-only">New: </span>}
                {n.plan ? (
                  <Link to={`/plans/${n.plan.id}`} onClick={() => (n.readAt ? undefined : markRead.mutate(n.id))}>
                    {notificationText(n)}
                  </Link>
                ) : (
                  notificationText(n)
                )}
              </p>
              <p className="small muted">
                {n.plan ? `${n.plan.title} · ` : ''}
                <time dateTime={n.lastEventAt} title={formatDateTime(n.lastEventAt, me.user.timeZone)}>
                  {relativeTime(n.lastEventAt, me.user.timeZone)}
                </time>
              </p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
