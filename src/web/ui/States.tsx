import type { ReactNode } from 'react';
import { isApiError } from '../app/api';
import { Button } from './Button';
import { Card } from './Card';
import { Icon, type IconName } from './Icon';

export function EmptyState({ icon = 'sparkles', title, children, action }: { icon?: IconName; title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty-state">
      <span className="empty-state-icon">
        <Icon name={icon} size={22} />
      </span>
      <h3>{title}</h3>
      {children ? <p>{children}</p> : null}
      {action ? <div className="empty-state-action">{action}</div> : null}
    </div>
  );
}

export function errorMessage(error: unknown): string {
  if (isApiError(error)) return error.message;
  return 'Something unexpected went wrong.';
}

export function ErrorState({ error, onRetry, title = 'This could not be loaded' }: { error: unknown; onRetry?: () => void; title?: string }) {
  const requestId = isApiError(error) ? error.info.requestId : '';
  return (
    <div className="error-state" role="alert">
      <span className="error-state-icon">
        <Icon name="alert" size={22} />
      </span>
      <h3>{title}</h3>
      <p>{errorMessage(error)}</p>
      {requestId ? <p className="muted small">Request id: {requestId}</p> : null}
      {onRetry ? (
        <Button icon="refresh" onClick={onRetry}>
          Try again
        </Button>
      ) : null}
    </div>
  );
}

export function Spinner({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="spinner-block" role="status">
      <span className="spinner" aria-hidden="true" />
      <span className="sr-only">{label}</span>
    </div>
  );
}

/** Grey lines where text will appear; `padded` when it stands in for a flush card's body. */
export function SkeletonLines({ lines = 3, padded = false }: { lines?: number; padded?: boolean }) {
  return (
    <div className={padded ? 'skeleton-lines card-pad' : 'skeleton-lines'} aria-hidden="true">
      {Array.from({ length: lines }, (_, i) => (
        <span key={i} className="skeleton skeleton-line" />
      ))}
    </div>
  );
}

/** Placeholder rows shaped like the table that will replace them. */
export function SkeletonTable({ rows = 6, columns = 5 }: { rows?: number; columns?: number }) {
  return (
    <div className="skeleton-table" role="status" aria-label="Loading">
      {Array.from({ length: rows }, (_, r) => (
        <div key={r} className="skeleton-row">
          {Array.from({ length: columns }, (_, c) => (
            <span key={c} className="skeleton skeleton-cell" />
          ))}
        </div>
      ))}
    </div>
  );
}

export function PageLoading() {
  return (
    <div className="page" role="status" aria-label="Loading page">
      <div className="skeleton skeleton-title" />
      <div className="card card-pad">
        <SkeletonLines lines={4} />
      </div>
    </div>
  );
}

/** A titled card whose body is still loading (e.g. while its code arrives). */
export function LoadingCard({ title }: { title: string }) {
  return (
    <Card title={title} flush>
      <SkeletonLines lines={4} padded />
    </Card>
  );
}
