import { Link, useParams } from 'react-router';
import { useMe } from '../../app/session';
import { useTitle } from '../../lib/hooks';
import { formatDateTime, plural } from '../../lib/format';
import { Badge } from '../../ui/Badge';
import { Card } from '../../ui/Card';
import { FormAlert } from '../../ui/FormAlert';
import { ErrorState, SkeletonLines } from '../../ui/States';
import { useImport } from './api';
import { ImportResults } from './ImportResults';
import { ImportSetup } from './ImportSetup';
import { ENTITY_LABELS, SOURCE_LABELS, STATUS_LABELS, STATUS_TONES } from './words';

/**
 * One import: before it starts, its columns, values and stages with a preview and a dry run; while
 * it runs, its progress (the page can be left and opened again: the server does the work); after,
 * what happened to each row.
 */
export function ImportPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const imp = useImport(id);
  useTitle(imp.data ? `Import ${imp.data.fileName}` : 'Import');
  if (imp.isPending) return <SkeletonLines lines={6} />;
  if (imp.isError) return <ErrorState error={imp.error} onRetry={() => void imp.refetch()} />;
  const i = imp.data;
  const running = i.status === 'queued' || i.status === 'running';
  return (
    <>
      <p>
        <Link to="/settings/import">All imports</Link>
      </p>
      <Card title={i.fileName} actions={<Badge tone={STATUS_TONES[i.status]}>{STATUS_LABELS[i.status]}</Badge>}>
        <p className="row-sub">
          {ENTITY_LABELS[i.entity]} from {SOURCE_LABELS[i.source]} · {plural(i.rowCount, 'row')} · {(i.sizeBytes / 1024).toFixed(0)} KB · uploaded {formatDateTime(i.createdAt, me.user.timeZone)} by {i.createdBy.name}
        </p>
        {running || i.status === 'done' || i.status === 'failed' ? (
          <div className="stack">
            <label htmlFor={`progress-${i.id}`}>
              {i.processedRows} of {plural(i.rowCount, 'row')} read{running ? '' : i.status === 'done' ? ' — done' : ''}
            </label>
            <progress id={`progress-${i.id}`} max={i.rowCount} value={i.processedRows} />
            {running ? <p className="field-hint">You can leave this page: the import goes on, and this page shows where it is when you come back.</p> : null}
            <p aria-live="polite">
              {i.counts.created} created · {i.counts.updated} updated · {i.counts.unchanged} unchanged · {i.counts.skipped} skipped
            </p>
          </div>
        ) : null}
        {i.error ? <FormAlert message={i.error} /> : null}
      </Card>
      {i.status === 'draft' ? <ImportSetup imp={i} /> : <ImportResults imp={i} />}
    </>
  );
}
