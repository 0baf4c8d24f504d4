import { urlFor, type OperationRef } from '../../../shared/routes/client';
import type { AddressFilters } from '../../app/api';
import { useReviewMode } from '../../app/reviewMode';
import { buttonClass } from '../../ui/Button';
import { Icon } from '../../ui/Icon';

/**
 * "Export CSV": a plain link to the list's export with the filters on screen, so the browser
 * downloads the file as it streams (no copy of it in the page's memory). The server answers with
 * Content-Disposition: attachment, and names the file. In review mode the file leaves out what the
 * screen hides (amounts, won and lost, close reasons): `review=on`.
 */
export function ExportLink<R extends OperationRef & { method: 'GET' }>({ route, query, params, label = 'Export CSV' }: { route: R; query?: AddressFilters<R>; params?: { id: string }; label?: string }) {
  const review = useReviewMode();
  const filters = review ? { ...query, review: 'on' } : query;
  return (
    <a className={buttonClass('secondary', 'sm')} href={urlFor(route, { params, query: filters })} download>
      <Icon name="download" size={15} />
      {label}
    </a>
  );
}
