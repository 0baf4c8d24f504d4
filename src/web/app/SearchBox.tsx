import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import type { AccountList } from '../../shared/accounts';
import type { OpportunityList } from '../../shared/opportunities';
import { formatMoney } from '../lib/format';
import { useDebounced } from '../lib/hooks';
import { Icon } from '../ui/Icon';
import { api, qs } from './api';

const isTypingIn = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

/** One box across accounts and opportunities: suggestions while typing, Enter for all results, "/" to focus. */
export function SearchBox() {
  const navigate = useNavigate();
  const location = useLocation();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const q = useDebounced(text.trim(), 200);
  const enabled = open && q.length > 0;

  const accounts = useQuery({
    queryKey: ['search', 'accounts', q],
    queryFn: () => api.get<AccountList>(`/accounts${qs({ q, limit: 5 })}`),
    enabled,
  });
  const opportunities = useQuery({
    queryKey: ['search', 'opportunities', q],
    queryFn: () => api.get<OpportunityList>(`/opportunities${qs({ q, limit: 5 })}`),
    enabled,
  });

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

  const accountRows = accounts.data?.data ?? [];
  const opportunityRows = opportunities.data?.data ?? [];
  const loading = accounts.isFetching || opportunities.isFetching;
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
        Search accounts and opportunities
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
          {accountRows.length === 0 && opportunityRows.length === 0 ? (
            <p className="search-empty" role="status">
              {loading ? 'Searching…' : `Nothing matches “${q}”.`}
            </p>
          ) : null}
          {accountRows.length > 0 ? (
            <div className="search-group">
              <p className="search-group-title">Accounts</p>
              {accountRows.map((a) => (
                <Link key={a.id} to={`/accounts/${a.id}`} className="search-item" onClick={() => setOpen(false)}>
                  <Icon name="accounts" size={16} />
                  <span className="search-item-main">{a.name}</span>
                  <span className="search-item-meta">{a.domain ?? a.owner.name}</span>
                </Link>
              ))}
            </div>
          ) : null}
          {opportunityRows.length > 0 ? (
            <div className="search-group">
              <p className="search-group-title">Opportunities</p>
              {opportunityRows.map((o) => (
                <Link key={o.id} to={`/opportunities/${o.id}`} className="search-item" onClick={() => setOpen(false)}>
                  <Icon name="opportunities" size={16} />
                  <span className="search-item-main">{o.name}</span>
                  <span className="search-item-meta">
                    {o.account.name} · {formatMoney(o.amount)}
                  </span>
                </Link>
              ))}
            </div>
          ) : null}
          {accountRows.length > 0 || opportunityRows.length > 0 ? (
            <Link to={`/search${qs({ q })}`} className="search-all" onClick={() => setOpen(false)}>
              See all results for “{q}”
            </Link>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
