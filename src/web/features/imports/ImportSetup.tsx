import { useState } from 'react';
import { IMPORT_FIELDS, IMPORT_FIELD_LABELS, IMPORT_REQUIRED, IMPORT_SOURCES, type ImportField } from '../../../shared/import-fields';
import type { DryRun, Import, ImportOptions } from '../../../shared/imports';
import { useStages } from '../../app/directory';
import { plural } from '../../lib/format';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { SelectField, TextField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { errorMessage } from '../../ui/States';
import { useDryRun, useStartImport, useUpdateImport } from './api';
import { SOURCE_LABELS } from './words';

/** A draft import: how the file is read (columns, values, stages), its first rows, a dry run, and the start. */
export function ImportSetup({ imp }: { imp: Import }) {
  const update = useUpdateImport(imp.id);
  const dry = useDryRun(imp.id);
  const start = useStartImport(imp.id);
  const stages = useStages();
  const [currency, setCurrency] = useState(imp.options.currency);
  const fields = IMPORT_FIELDS[imp.entity] as readonly ImportField[];
  const shown = fields.filter((f) => imp.mapping[f]);
  const columnOptions = imp.headers.map((h) => ({ value: h, label: h }));

  const change = (body: { mapping?: Record<string, string | null>; options?: Partial<ImportOptions>; source?: Import['source'] }) => {
    dry.reset();
    update.mutate({ ...body, version: imp.version });
  };

  return (
    <>
      <Card title="Columns">
        <p className="field-hint">Each field of Advance and the column of the file it is read from. Known column names are chosen for you; change any of them.</p>
        <div className="form-grid">
          <SelectField label="The file comes from" name="source" required value={imp.source} onChange={(v) => change({ source: v as Import['source'] })} options={IMPORT_SOURCES.map((s) => ({ value: s, label: SOURCE_LABELS[s] }))} hint="Ids are kept per source: importing its files again updates the same records." />
          {fields.map((f) => (
            <SelectField key={f} label={IMPORT_FIELD_LABELS[f]} name={`map-${f}`} required={IMPORT_REQUIRED[imp.entity].includes(f)} value={imp.mapping[f] ?? ''} placeholder="Not in this file" onChange={(v) => change({ mapping: { [f]: v || null } })} options={columnOptions} />
          ))}
        </div>
      </Card>
      {imp.entity === 'opportunities' || imp.entity === 'accounts' ? (
        <Card title="Values">
          <div className="form-grid">
            {imp.entity === 'opportunities' ? (
              <>
                <SelectField label="Dates are written" name="dateOrder" required value={imp.options.dateOrder} onChange={(v) => change({ options: { dateOrder: v as ImportOptions['dateOrder'] } })} options={[{ value: 'dmy', label: 'Day first (31/12/2026)' }, { value: 'mdy', label: 'Month first (12/31/2026)' }]} hint="Dates such as 2026-12-31 are read either way." />
                <SelectField label="Amounts are written" name="decimalMark" required value={imp.options.decimalMark} onChange={(v) => change({ options: { decimalMark: v as ImportOptions['decimalMark'] } })} options={[{ value: '.', label: '1,234.56' }, { value: ',', label: '1.234,56' }]} />
                <TextField label="Currency when the file names none" name="currency" required value={currency} maxLength={3} onChange={(v) => setCurrency(v.toUpperCase())} onBlur={() => (/^[A-Z]{3}$/.test(currency) && currency !== imp.options.currency ? change({ options: { currency } }) : undefined)} />
              </>
            ) : null}
            <SelectField label="When an owner matches nobody here" name="unmatchedOwner" required value={imp.options.unmatchedOwner} onChange={(v) => change({ options: { unmatchedOwner: v as ImportOptions['unmatchedOwner'] } })} options={[{ value: 'skip', label: 'Skip the row' }, { value: 'me', label: 'Give the record to me' }]} />
          </div>
        </Card>
      ) : null}
      {imp.stageValues.length > 0 ? (
        <Card title="Stages">
          <p className="field-hint">Each stage in the file and the stage it becomes here. Names that match a stage are chosen for you.</p>
          <div className="form-grid">
            {imp.stageValues.map((s) => (
              <SelectField key={s.value} label={`“${s.value}” (${plural(s.rows, 'row')})`} name={`stage-${s.value}`} required value={s.stageId ?? ''} placeholder="Choose a stage…" onChange={(v) => change({ options: { stageMap: { ...imp.options.stageMap, [s.value]: v } } })} options={(stages.data ?? []).filter((st) => !st.archivedAt).map((st) => ({ value: st.id, label: st.name }))} error={s.stageId ? undefined : 'Not matched: rows with this stage are skipped.'} />
            ))}
          </div>
        </Card>
      ) : null}
      <FormAlert message={update.isError ? errorMessage(update.error) : null} />
      <Card title="Preview">
        <div className="table-wrap" tabIndex={0} role="region" aria-label="First rows of the file">
          <table className="table">
            <caption className="sr-only">The first rows of the file as they will be read</caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                {shown.map((f) => (
                  <th key={f} scope="col">
                    {IMPORT_FIELD_LABELS[f]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {imp.preview.map((p) => (
                <tr key={p.row}>
                  <td>{p.row}</td>
                  {shown.map((f) => (
                    <td key={f}>{p.values[f] ?? ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      <Card title="Check and import">
        <p className="field-hint">The check reads every row as the import will and lists what would keep a row out. Nothing is written until you import.</p>
        <div className="button-row">
          <Button busy={dry.isPending} onClick={() => dry.mutate()}>
            Check every row
          </Button>
          <Button variant="primary" busy={start.isPending} onClick={() => start.mutate(imp.version)}>
            Import {plural(imp.rowCount, 'row')}
          </Button>
        </div>
        <FormAlert message={dry.isError ? errorMessage(dry.error) : start.isError ? errorMessage(start.error) : null} />
        {dry.data ? <DryRunReport dry={dry.data} /> : null}
      </Card>
    </>
  );
}

function DryRunReport({ dry }: { dry: DryRun }) {
  return (
    <div className="stack" aria-live="polite">
      <p>
        {plural(dry.rows, 'row')}: {dry.wouldCreate} to create, {dry.wouldUpdate} to update, {dry.wouldSkip} with problems (skipped, the others import).
      </p>
      {dry.issues.length > 0 ? (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Problems found by the check">
          <table className="table">
            <caption className="sr-only">Problems found by the check</caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Column</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {dry.issues.map((i, n) => (
                <tr key={n}>
                  <td>{i.row}</td>
                  <td>{i.column ?? IMPORT_FIELD_LABELS[i.field as ImportField] ?? i.field}</td>
                  <td>{i.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {dry.issueCount > dry.issues.length ? <p className="field-hint">The first {dry.issues.length} of {dry.issueCount} problems are shown.</p> : null}
        </div>
      ) : null}
    </div>
  );
}
