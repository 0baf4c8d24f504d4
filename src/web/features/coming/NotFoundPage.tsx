import { Link } from 'react-router';
import { useTitle } from '../../lib/hooks';
import { buttonClass } from '../../ui/Button';
import { EmptyState } from '../../ui/States';

export function NotFoundPage() {
  useTitle('Not found');
  return (
    <div className="page">
      <h1 className="sr-only" tabIndex={-1}>
        Page not found
      </h1>
      <div className="card">
        <EmptyState
          icon="search"
          title="There is nothing at this address"
          action={
            <Link to="/today" className={buttonClass('primary')}>
              Go to Today
            </Link>
          }
        >
          The link may be old or mistyped.
        </EmptyState>
      </div>
    </div>
  );
}
