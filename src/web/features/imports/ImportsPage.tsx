import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { IMPORT_ENTITIES, IMPORT_MAX_BYTES, type ImportEntity } from '../../../shared/import-fields';
import { isApiError } from '../../app/api';
import { useMe } from '../../app/session';
import { formatDateTime, plural } from '../../lib/format';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { SelectField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { EmptyState, ErrorState, SkeletonLines, errorMessage } from '../../ui/States';
import { useCreateImport, useImports } from './api';
import { ENTITY_LABELS, SOURCE_LABELS, STATUS_LABELS, STATUS_TONES } from './words';

/**
 * Settings → Import (admins): upload a CSV file exported from a CRM, and the imports so far. The
 * file is read on the server; the next page shows how its columns were understood before anything
 * is written.
 */
export function ImportsPage() {
  const me = useMe();
  const navigate = useNavigate();
  const create = useCreateImport();
  const imports = useImports();
  const fileId = useId();
  const [entity, setEntity] = useState<ImportEntity | ''>('');
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    if (!entity) return setProblem('Choose what the file holds.');
    if (!file) return setProblem('Choose a CSV file.');
    if (file.size > IMPORT_MAX_BYTES) return setProblem(`This file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB: split it into smaller files.`);
    const text = await file.text();
    create.mutate({ entity, fileName: file.name, text }, { onSuccess: (created) => void navigate(`/settings/import/${created.id}`) });
  }

  return (
    <>
      <Card title="Import from a CRM">
        <p className="field-hint">
          Bring accounts, contacts and opportunities from Salesforce (Data Export files such as Account.csv, or a report exported as CSV) or HubSpot (an
          export of companies, contacts or deals), or any CSV file. Import users first (User.csv) so owners given by Salesforce ids are found, then
          accounts, then contacts and opportunities. Nothing is written until you have checked the columns and started the import; importing the same
          file again updates what it created.
        </p>
        <form onSubmit={(e) => void submit(e)} className="stack">
          <SelectField label="The file holds" name="entity" required value={entity} onChange={(v) => setEntity(v as ImportEntity)} placeholder="Choose…" options={IMPORT_ENTITIES.map((e) => ({ value: e, label: ENTITY_LABELS[e] }))} />
          <div className="field">
            <div className="field-label">
              <label htmlFor={fileId}>CSV file</label>
            </div>
            <input id={fileId} name="file" type="file" accept=".csv,text/csv" required aria-describedby={`${fileId}-hint`} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
            <p className="field-hint" id={`${fileId}-hint`}>
              UTF-8, up to {IMPORT_MAX_BYTES / 1024 / 1024} MB.
            </p>
          </div>
          <FormAlert message={problem ?? (create.isError ? errorMessage(create.error) : null)} />
          {isApiError(create.error) ? <Details details={create.error.details} /> : null}
          <div>
            <Button type="submit" variant="primary" busy={create.isPending}>
              Upload and preview
            </Button>
          </div>
        </form>
      </Card>
      <Card title="Imports">
        {imports.isPending ? <SkeletonLines lines={3} /> : null}
        {imports.isError ? <ErrorState error={imports.error} onRetry={() => void imports.refetch()} /> : null}
        {imports.data && imports.data.data.length === 0 ? <EmptyState title="No imports yet" /> : null}
        {imports.data && imports.data.data.length > 0 ? (
          <ul className="mail-list">
            {imports.data.data.map((i) => (
              <li key={i.id} className="mail-row">
                <div className="mail-row-head">
                  <Link to={`/settings/import/${i.id}`}>{i.fileName}</Link>
                  <Badge tone={STATUS_TONES[i.status]}>{STATUS_LABELS[i.status]}</Badge>
                </div>
                <div className="row-sub">
                  {ENTITY_LABELS[i.entity]} from {SOURCE_LABELS[i.source]} · {plural(i.rowCount, 'row')}
                  {i.status === 'running' || i.status === 'queued' ? ` · ${i.processedRows} of ${i.rowCount} done` : ''}
                  {i.status === 'done' ? ` · ${i.counts.created} created, ${i.counts.updated} updated, ${i.counts.skipped} skipped` : ''} · {formatDateTime(i.createdAt, me.user.timeZone)} by {i.createdBy.name}
                </div>
              </li>
            ))}
          </ul>
        ) : null}
      </Card>
    </>
  );
}

/** The reasons a file was refused (an unreadable line, a file too large). */
function Details({ details }: { details: { message: string }[] }) {
  if (details.length === 0) return null;
  return (
    <ul className="field-error">
      {details.map((d, i) => (
        <li key={i}>{d.message}</li>
      ))}
    </ul>
  );
}
