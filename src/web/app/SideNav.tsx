import { useEffect, useRef } from 'react';
import { NavLink } from 'react-router';
import { Icon, type IconName } from '../ui/Icon';
import { useMe } from './session';

const ITEMS: { to: string; label: string; icon: IconName; soon?: boolean }[] = [
  { to: '/today', label: 'Today', icon: 'today' },
  { to: '/accounts', label: 'Accounts', icon: 'accounts' },
  { to: '/opportunities', label: 'Opportunities', icon: 'opportunities' },
  { to: '/focus', label: 'Focus', icon: 'focus' },
  { to: '/plans', label: 'Plans', icon: 'plans' },
  { to: '/planning', label: 'Account planning', icon: 'planning' },
  { to: '/coaching', label: 'Coaching', icon: 'coaching' },
  { to: '/goals', label: 'Goals', icon: 'goals' },
  { to: '/check-ins', label: 'Check-ins', icon: 'talk' },
  { to: '/team', label: 'Team', icon: 'team' },
  { to: '/settings', label: 'Settings', icon: 'settings' },
];

export function SideNav({ open, onClose }: { open: boolean; onClose: () => void }) {
  const me = useMe();
  const ref = useRef<HTMLElement>(null);

  // The phone drawer (only a drawer when the menu button shows): focus moves into it when it opens,
  // Tab stays between it and the menu button, and focus goes back to the button when it closes
  // without navigating (navigation moves focus to the new page's heading instead).
  useEffect(() => {
    const toggle = document.querySelector<HTMLElement>('.nav-toggle');
    if (!open || !toggle || toggle.offsetParent === null) return;
    const nav = ref.current;
    const links = () => [...(nav?.querySelectorAll<HTMLElement>('a[href]') ?? [])];
    // Try for a few frames: the drawer must be rendered visible before it can take focus.
    let tries = 0;
    let frame = 0;
    const focusIn = () => {
      (nav?.querySelector<HTMLElement>('a[aria-current="page"]') ?? links()[0])?.focus();
      if (!nav?.contains(document.activeElement) && ++tries < 20) frame = requestAnimationFrame(focusIn);
    };
    frame = requestAnimationFrame(focusIn);
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        onClose();
        toggle.focus();
        return;
      }
      if (e.key !== 'Tab') return;
      const list = links();
      const first = list[0];
      const last = list[list.length - 1];
      if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        toggle.focus();
      } else if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        toggle.focus();
      } else if (document.activeElement === toggle) {
        e.preventDefault();
        (e.shiftKey ? last : first)?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('keydown', onKey);
      // Closed with focus still inside (e.g. by the menu button): hand it back to the button.
      if (nav?.contains(document.activeElement)) toggle.focus();
    };
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
