import { Link } from 'react-router';
import type { Notification } from '../../../shared/notifications';
import { formatDateTime, relativeTime } from '../../lib/format';
import { notificationText } from './NotificationText';

/** What happened and when, linking to the plan; opening an unread one marks it read. */
export function NotificationLines({ n, timeZone, onOpen }: { n: Notification; timeZone: string; onOpen: (id: string) => void }) {
  return (
    <>
      <p>
        {n.readAt ? null : <span className="sr-only">New: </span>}
        {n.plan ? (
          <Link to={`/plans/${n.plan.id}`} onClick={() => (n.readAt ? undefined : onOpen(n.id))}>
            {notificationText(n)}
          </Link>
        ) : (
          notificationText(n)
        )}
      </p>
      <p className="small muted">
        {n.plan ? `${n.plan.title} · ` : ''}
        <time dateTime={n.lastEventAt} title={formatDateTime(n.lastEventAt, timeZone)}>
          {relativeTime(n.lastEventAt, timeZone)}
        </time>
      </p>
    </>
  );
}
