import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Icon } from './Icon';

export function PageHeader({ title, back, meta, actions, badge }: { title: ReactNode; back?: { to: string; label: string }; meta?: ReactNode; actions?: ReactNode; badge?: ReactNode }) {
  return (
    <header className="page-header">
      {back ? (
        <Link className="back-link" to={back.to}>
          <Icon name="arrowLeft" size={15} />
          {back.label}
        </Link>
      ) : null}
      <div className="page-header-row">
        <div className="page-header-text">
          <h1 tabIndex={-1}>
            {title}
            {badge ? <span className="page-header-badge">{badge}</span> : null}
          </h1>
          {meta ? <div className="page-header-meta">{meta}</div> : null}
        </div>
        {actions ? <div className="page-header-actions">{actions}</div> : null}
      </div>
    </header>
  );
}
