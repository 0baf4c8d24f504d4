import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../app/api';
import { buttonClass } from '../../ui/Button';
import { EmptyState, ErrorState } from '../../ui/States';

/** A record page that could not load: "not found" (or in another workspace) reads differently from an outage. */
export function RecordError({ error, noun, back, onRetry }: { error: unknown; noun: string; back: { to: string; label: string }; onRetry: () => void }) {
  if (isApiError(error) && (error.status === 404 || error.status === 400)) {
    return (
      <div className="page">
        <div className="card">
          <EmptyState
            icon="search"
            title={`This ${noun} was not found`}
            action={
              <Link to={back.to} className={buttonClass('secondary')}>
                {back.label}
              </Link>
            }
          >
            It may have been moved, or the link is wrong.
          </EmptyState>
        </div>
      </div>
    );
  }
  return (
    <div className="page">
      <div className="card">
        <ErrorState error={error} onRetry={onRetry} />
      </div>
    </div>
  );
}

export function Detail({ label, children, wide = false }: { label: string; children: ReactNode; wide?: boolean }) {
  const empty = children === null || children === undefined || children === '';
  return (
    <div className={wide ? 'span-2' : undefined}>
      <dt>{label}</dt>
      <dd className={empty ? 'empty' : undefined}>{empty ? 'Not set' : children}</dd>
    </div>
  );
}
