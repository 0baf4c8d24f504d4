import { urlFor, type OperationRef } from '../../../shared/routes/client';
import type { AddressFilters } from '../../app/api';
import { buttonClass } from '../../ui/Button';
import { Icon } from '../../ui/Icon';

/**
 * "Export CSV": a plain link to the list's export with the filters on screen, so the browser
 * downloads the file as it streams (no copy of it in the page's memory). The server answers with
 * Content-Disposition: attachment, and names the file.
 */
export function ExportLink<R extends OperationRef & { method: 'GET' }>({ route, query, params, label = 'Export CSV' }: { route: R; query?: AddressFilters<R>; params?: { id: string }; label?: string }) {
  return (
    <a className={buttonClass('secondary', 'sm')} href={urlFor(route, { params, query })} download>
      <Icon name="download" size={15} />
      {label}
    </a>
  );
}
