import { Link } from 'react-router';
import { useMe } from '../../app/session';
import { Badge } from '../../ui/Badge';
import { Card } from '../../ui/Card';
import { ErrorState, SkeletonLines } from '../../ui/States';
import { useMarkNotificationRead, useNotifications } from '../sharing/api';
import { NotificationLines } from '../notifications/NotificationLines';

/** How many of the latest notifications Today shows: on a phone this card comes before the rep's own lists. */
const SHOWN = 5;

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
        <>
          <ul className="notifications">
            {list.slice(0, SHOWN).map((n) => (
              <li key={n.id} className={n.readAt ? 'notification' : 'notification notification-unread'}>
                <NotificationLines n={n} timeZone={me.user.timeZone} onOpen={(id) => markRead.mutate(id)} />
              </li>
            ))}
          </ul>
          {list.length > SHOWN ? (
            <p className="empty-inline">
              <Link to="/notifications">{query.data?.nextCursor ? 'More' : `${list.length - SHOWN} more`} in all notifications</Link>
            </p>
          ) : null}
        </>
      )}
    </Card>
  );
}
