import { useMe } from '../../app/session';
import { useTitle } from '../../lib/hooks';
import { Button } from '../../ui/Button';
import { FormAlert } from '../../ui/FormAlert';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyState, ErrorState, SkeletonLines } from '../../ui/States';
import { ListFooter } from '../records/ListFooter';
import { useMarkAllNotificationsRead, useMarkNotificationRead, useNotificationPages } from '../sharing/api';
import { NotificationLines } from './NotificationLines';
import { notificationText } from './NotificationText';
import '../../styles/plans.css';

/** Everything customers did on your plans, newest first: open one, mark one read, or all of them. */
export function NotificationsPage() {
  useTitle('Notifications');
  const me = useMe();
  const list = useNotificationPages();
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];
  const unread = list.data?.pages[0]?.unreadCount ?? 0;

  return (
    <div className="page">
      <PageHeader
        title="Notifications"
        meta={<span>{unread === 0 ? 'All read.' : `${unread} unread`}</span>}
        actions={
          unread > 0 ? (
            <Button busy={markAll.isPending} onClick={() => markAll.mutate()}>
              Mark all read
            </Button>
          ) : null
        }
      />
      <FormAlert message={markAll.isError || markRead.isError ? 'That did not work. Check your connection and try again.' : null} tone="warning" />
      <section className="card" aria-label="Notification list">
        {list.isPending ? (
          <SkeletonLines lines={5} padded />
        ) : list.isError && rows.length === 0 ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState icon="bell" title="Nothing yet">
            When a customer ticks something off, comments or proposes a date on their plan page, it shows here.
          </EmptyState>
        ) : (
          <ul className="notifications notifications-page">
            {rows.map((n) => (
              <li key={n.id} className={n.readAt ? 'notification' : 'notification notification-unread'}>
                <div className="notification-body">
                  <NotificationLines n={n} timeZone={me.user.timeZone} onOpen={(id) => markRead.mutate(id)} />
                </div>
                {n.readAt ? null : (
                  <Button size="sm" variant="ghost" onClick={() => markRead.mutate(n.id)} aria-label={`Mark read: ${notificationText(n)}`}>
                    Mark read
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
        <ListFooter count={rows.length} list={list} />
      </section>
    </div>
  );
}
