import { NavLink } from 'react-router';
import { useUnreadCount } from '../features/sharing/api';
import { Icon } from '../ui/Icon';

/** The unread count on every page; opens the notification list. */
export function NotificationBell() {
  const unread = useUnreadCount();
  const n = unread.data ?? 0;
  const label = n === 0 ? 'Notifications' : `Notifications, ${n} unread`;
  return (
    <NavLink to="/notifications" className="icon-btn notification-bell" aria-label={label} title={label}>
      <Icon name="bell" size={20} />
      {n > 0 ? (
        <span className="notification-count" aria-hidden="true">
          {n > 99 ? '99+' : n}
        </span>
      ) : null}
    </NavLink>
  );
}
