import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useSearch } from '../features/search/api';
import { hitGroups } from '../features/search/hits';
import { useDebounced } from '../lib/hooks';
import { Icon } from '../ui/Icon';
import { qs } from './api';

const isTypingIn = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

/** One box across accounts, contacts, opportunities and plans: suggestions while typing, Enter for all results, "/" to focus. */
export function SearchBox() {
  const navigate = useNavigate();
  const location = useLocation();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const q = useDebounced(text.trim(), 200);
  const enabled = open && q.length > 0;

  const results = useSearch(q, { limit: 4, enabled });

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTypingIn(e.target)) {
        e.preventDefault();
        inputRef.current?.focus();
        inputRef.current?.select();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  // On the results page the box shows what was searched for; elsewhere it starts empty.
  useEffect(() => {
    setOpen(false);
    setText(location.pathname === '/search' ? (new URLSearchParams(location.search).get('q') ?? '') : '');
  }, [location.pathname, location.search]);

  const links = () => Array.from(panelRef.current?.querySelectorAll<HTMLElement>('a') ?? []);

  const onInputKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' && open) {
      e.preventDefault();
      links()[0]?.focus();
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  };

  const onPanelKey = (e: KeyboardEvent) => {
    const all = links();
    const i = all.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      all[Math.min(i + 1, all.length - 1)]?.focus();
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (i <= 0) inputRef.current?.focus();
      else all[i - 1]?.focus();
    } else if (e.key === 'Escape') {
      setOpen(false);
      inputRef.current?.focus();
    }
  };

  const groups = results.data ? hitGroups(results.data) : [];
  const loading = results.isFetching;
  const showPanel = enabled;

  return (
    <form
      role="search"
      className="search"
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim()) return;
        setOpen(false);
        navigate(`/search${qs({ q: text.trim() })}`);
      }}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <label htmlFor="global-search" className="sr-only">
        Search accounts, contacts, opportunities and plans
      </label>
      <Icon name="search" className="search-icon" size={16} />
      <input
        id="global-search"
        ref={inputRef}
        type="search"
        placeholder="Search"
        autoComplete="off"
        aria-keyshortcuts="/"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onInputKey}
      />
      <kbd className="search-kbd" aria-hidden="true">
        /
      </kbd>
      {showPanel ? (
        <div ref={panelRef} className="search-panel" role="region" aria-label="Search suggestions" onKeyDown={onPanelKey}>
          {groups.length === 0 ? (
            <p className="search-empty" role="status">
              {loading ? 'Searching…' : results.isError ? 'Search is not available right now. Try again in a moment.' : `Nothing matches “${q}”.`}
            </p>
          ) : null}
          {groups.map((g) => (
            <div className="search-group" key={g.kind}>
              <p className="search-group-title">{g.title}</p>
              {g.items.map((item) => (
                <Link key={item.id} to={item.to} className="search-item" onClick={() => setOpen(false)}>
                  <Icon name={g.icon} size={16} />
                  <span className="search-item-main">{item.main}</span>
                  <span className="search-item-meta">{item.meta}</span>
                </Link>
              ))}
            </div>
          ))}
          {groups.length > 0 ? (
            <Link to={`/search${qs({ q })}`} className="search-all" onClick={() => setOpen(false)}>
              See all results for “{q}”
            </Link>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
