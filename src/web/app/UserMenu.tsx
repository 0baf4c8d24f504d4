import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ROLE_LABELS } from '../lib/format';
import { confirmDiscard } from '../lib/unsaved';
import { Avatar } from '../ui/Avatar';
import { Icon } from '../ui/Icon';
import { setReviewMode, useReviewMode } from './reviewMode';
import { useMe, useSignOut } from './session';

/** A disclosure (not an ARIA menu): a button that shows a short list of links, reachable by Tab. */
export function UserMenu() {
  const me = useMe();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const review = useReviewMode();
  const ref = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div
      className="user-menu"
      ref={ref}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button ref={buttonRef} type="button" className="user-menu-button" aria-expanded={open} aria-controls={open ? 'user-menu-panel' : undefined} onClick={() => setOpen((o) => !o)}>
        <Avatar name={me.user.name} size="sm" />
        <span className="user-menu-name">{me.user.name}</span>
        <Icon name="chevronDown" size={15} />
        <span className="sr-only">Account menu</span>
      </button>
      {open ? (
        <div id="user-menu-panel" className="user-menu-panel">
          <div className="user-menu-who">
            <strong>{me.user.name}</strong>
            <span>{me.user.email}</span>
            <span>
              {ROLE_LABELS[me.user.role]} · {me.user.timeZone}
            </span>
          </div>
          <Link to="/settings/profile" className="user-menu-item" onClick={() => setOpen(false)}>
            <Icon name="user" size={16} />
            Profile and time zone
          </Link>
          <button
            type="button"
            className="user-menu-item"
            aria-pressed={review}
            onClick={async () => {
              setOpen(false);
              // The page is drawn afresh in the other mode: what a form holds would go.
              if (await confirmDiscard()) setReviewMode(!review);
            }}
          >
            <Icon name="eyeOff" size={16} />
            {review ? 'Turn off review mode' : 'Review mode: hide amounts and outcomes'}
          </button>
          <button
            type="button"
            className="user-menu-item"
            onClick={async () => {
              setOpen(false);
              if (!(await confirmDiscard())) return;
              await signOut();
              navigate('/', { replace: true });
            }}
          >
            <Icon name="logout" size={16} />
            Sign out
          </button>
        </div>
      ) : null}
    </div>
  );
}
