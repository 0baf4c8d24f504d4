import { useId, type ReactNode } from 'react';

export function Card({ title, actions, children, className, flush = false }: { title?: string; actions?: ReactNode; children: ReactNode; className?: string; flush?: boolean }) {
  const id = useId();
  return (
    <section className={['card', className ?? ''].filter(Boolean).join(' ')} aria-labelledby={title ? id : undefined}>
      {title ? (
        <header className="card-header">
          <h2 id={id}>{title}</h2>
          {actions ? <div className="card-actions">{actions}</div> : null}
        </header>
      ) : null}
      <div className={flush ? 'card-flush' : 'card-pad'}>{children}</div>
    </section>
  );
}
