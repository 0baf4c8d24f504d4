import { Link } from 'react-router';
import type { Notification } from '../../../shared/notifications';
import { formatDateTime, relativeTime } from '../../lib/format';
import { notificationText } from './NotificationText';

/** What happened and when, linking to the plan, objective or check-in; opening an unread one marks it read. */
export function NotificationLines({ n, timeZone, onOpen }: { n: Notification; timeZone: string; onOpen: (id: string) => void }) {
  const target = n.plan
    ? { to: `/plans/${n.plan.id}`, title: n.plan.title }
    : n.objective
      ? { to: `/objectives/${n.objective.id}`, title: n.objective.title }
      : n.checkIn
        ? { to: `/check-ins/${n.checkIn.id}`, title: 'Check-in' }
        : null;
  return (
    <>
      <p>
        {n.readAt ? null : <span className="sr-only">New: </span>}
        {target ? (
          <Link to={target.to} onClick={() => (n.readAt ? undefined : onOpen(n.id))}>
            {notificationText(n)}
          </Link>
        ) : (
          notificationText(n)
        )}
      </p>
      <p className="small muted">
        {target ? `${target.title} · ` : ''}
        <time dateTime={n.lastEventAt} title={formatDateTime(n.lastEventAt, timeZone)}>
          {relativeTime(n.lastEventAt, timeZone)}
        </time>
      </p>
    </>
  );
}
