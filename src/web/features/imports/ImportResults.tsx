import { useState } from 'react';
import { Link } from 'react-router';
import { IMPORT_OUTCOMES, type Import, type ImportOutcome } from '../../../shared/imports';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { SelectField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { EmptyState, ErrorState, SkeletonLines, errorMessage } from '../../ui/States';
import { skippedRowsCsv, useImportResults } from './api';
import { OUTCOME_LABELS, recordPath } from './words';

/** What happened to each row, with the skipped ones downloadable to fix and import again. */
export function ImportResults({ imp }: { imp: Import }) {
  const [outcome, setOutcome] = useState<ImportOutcome | ''>(imp.counts.skipped > 0 ? 'skipped' : '');
  const results = useImportResults(imp.id, outcome || undefined, imp.status === 'done' || imp.status === 'failed');
  const [downloading, setDownloading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function download() {
    setDownloading(true);
    setProblem(null);
    try {
      const csv = await skippedRowsCsv(imp.id);
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `${imp.fileName.replace(/\.csv$/i, '')}-skipped.csv`;
      a.click();
      URL.revokeObjectURL(url);
    } catch (err) {
      setProblem(errorMessage(err));
    } finally {
      setDownloading(false);
    }
  }

  if (imp.status !== 'done' && imp.status !== 'failed') return null;
  return (
    <Card title="Rows" actions={imp.counts.skipped > 0 ? <Button busy={downloading} onClick={() => void download()}>Download skipped rows (CSV)</Button> : undefined}>
      <FormAlert message={problem} />
      <SelectField label="Show" name="outcome" value={outcome} placeholder="Every row" onChange={(v) => setOutcome(v as ImportOutcome | '')} options={IMPORT_OUTCOMES.map((o) => ({ value: o, label: `${OUTCOME_LABELS[o]} (${imp.counts[o]})` }))} />
      {results.isPending ? <SkeletonLines lines={4} /> : null}
      {results.isError ? <ErrorState error={results.error} onRetry={() => void results.refetch()} /> : null}
      {results.data && results.data.data.length === 0 ? <EmptyState title="No rows here" /> : null}
      {results.data && results.data.data.length > 0 ? (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Rows and what happened to them">
          <table className="table">
            <caption className="sr-only">Rows of the file and what happened to them</caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Result</th>
                <th scope="col">Id in the source</th>
                <th scope="col">Record or reason</th>
              </tr>
            </thead>
            <tbody>
              {results.data.data.map((r) => {
                const path = r.recordId ? recordPath(imp.entity, r.recordId) : null;
                return (
                  <tr key={r.row}>
                    <td>{r.row}</td>
                    <td>{OUTCOME_LABELS[r.outcome]}</td>
                    <td>{r.externalId ?? '—'}</td>
                    <td>{path && r.outcome !== 'skipped' ? <Link to={path}>Open the {imp.entity === 'opportunities' ? 'opportunity' : imp.entity.slice(0, -1)} of row {r.row}</Link> : (r.reason ?? '')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {results.data.nextCursor ? <p className="field-hint">The first 100 rows are shown{outcome === 'skipped' ? '; download them all as CSV' : ''}.</p> : null}
        </div>
      ) : null}
    </Card>
  );
}
