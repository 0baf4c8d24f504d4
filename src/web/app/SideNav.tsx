import { useEffect, useRef } from 'react';
import { NavLink } from 'react-router';
import { Icon, type IconName } from '../ui/Icon';
import { useMe } from './session';

const ITEMS: { to: string; label: string; icon: IconName; soon?: boolean }[] = [
  { to: '/today', label: 'Today', icon: 'today' },
  { to: '/accounts', label: 'Accounts', icon: 'accounts' },
  { to: '/opportunities', label: 'Opportunities', icon: 'opportunities' },
  { to: '/plans', label: 'Plans', icon: 'plans' },
  { to: '/goals', label: 'Goals', icon: 'goals', soon: true },
  { to: '/team', label: 'Team', icon: 'team' },
  { to: '/settings', label: 'Settings', icon: 'settings' },
];

export function SideNav({ open, onClose }: { open: boolean; onClose: () => void }) {
  const me = useMe();
  const ref = useRef<HTMLElement>(null);

  // The phone drawer: focus its first link when it opens; Escape closes it.
  useEffect(() => {
    if (!open) return;
    ref.current?.querySelector<HTMLElement>('a')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        onClose();
        document.querySelector<HTMLElement>('.nav-toggle')?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open, onClose]);

  return (
    <nav id="sidenav" ref={ref} className="sidenav" aria-label="Main">
      <div className="sidenav-inner">
      <p className="sidenav-workspace">{me.workspace.name}</p>
      <ul className="sidenav-list">
        {ITEMS.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} className="sidenav-link">
              <Icon name={item.icon} />
              <span>{item.label}</span>
              {item.soon ? <span className="soon-pill">Soon</span> : null}
            </NavLink>
          </li>
        ))}
      </ul>
      <p className="sidenav-foot">
        <a href="/api/docs" target="_blank" rel="noreferrer">
          API docs
        </a>
      </p>
      </div>
    </nav>
  );
}
