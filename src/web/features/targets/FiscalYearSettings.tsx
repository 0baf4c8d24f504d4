import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { MONTH_NAMES, UpdateFiscalSettingsBody, type FiscalSettings } from '../../../shared/targets';
import { useMe } from '../../app/session';
import { formatDate } from '../../lib/format';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { SelectField, TextField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { ErrorState, SkeletonLines } from '../../ui/States';
import { ConflictBanner } from '../records/ConflictBanner';
import { useVersionedForm, type Save } from '../records/useVersionedForm';
import type { FormSpec } from '../records/versionedForm';
import { planningKeys, useFiscalSettings, useUpdateFiscalSettings } from './api';

type FiscalRecord = FiscalSettings & { id: string };
type Values = { fiscalYearStartMonth: string; targetCurrency: string };

const monthOptions = MONTH_NAMES.map((name, i) => ({ value: String(i + 1), label: name }));

const spec: FormSpec<FiscalRecord, Values> = {
  toValues: (s) => ({ fiscalYearStartMonth: String(s.fiscalYearStartMonth), targetCurrency: s.targetCurrency }),
  toBody: (v) => ({ fiscalYearStartMonth: Number(v.fiscalYearStartMonth), targetCurrency: v.targetCurrency.trim().toUpperCase() }),
  fields: ['fiscalYearStartMonth', 'targetCurrency'],
  labels: { fiscalYearStartMonth: 'Fiscal year starts in', targetCurrency: 'Currency of yearly targets' },
  display: (s) => ({ fiscalYearStartMonth: MONTH_NAMES[s.fiscalYearStartMonth - 1], targetCurrency: s.targetCurrency }),
};

/** The workspace's fiscal calendar (admins): the month a fiscal year starts in, and the currency targets are set in. */
export function FiscalYearSettings() {
  const me = useMe();
  const admin = me.capabilities.editWorkspace;
  const settings = useFiscalSettings(admin);
  if (!admin) return null;
  if (settings.isPending) return <Card title="Fiscal year"><SkeletonLines /></Card>;
  if (settings.isError) return <Card title="Fiscal year"><ErrorState error={settings.error} onRetry={() => void settings.refetch()} /></Card>;
  return <FiscalYearForm settings={settings.data} />;
}

function FiscalYearForm({ settings }: { settings: FiscalSettings }) {
  const client = useQueryClient();
  const update = useUpdateFiscalSettings();
  const [saved, setSaved] = useState(false);
  const record: FiscalRecord = { ...settings, id: 'fiscal-year' };
  const save: Save<FiscalRecord> = (body, handlers) =>
    update.mutate(body as Parameters<typeof update.mutate>[0], { onSuccess: (s) => handlers.onSuccess({ ...s, id: 'fiscal-year' }), onError: handlers.onError });
  const { form, submit, conflict, discard } = useVersionedForm({
    spec,
    record,
    schema: UpdateFiscalSettingsBody,
    save,
    acceptCurrent: (latest) => client.setQueryData(planningKeys.fiscal, latest),
    onSaved: () => setSaved(true),
  });
  const year = settings.currentFiscalYear;
  return (
    <Card title="Fiscal year">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(false);
          if (!update.isPending) submit();
        }}
      >
        {conflict ? <ConflictBanner conflict={conflict} noun="fiscal year setting" onDiscard={discard} /> : null}
        <FormAlert message={form.formError} />
        <FormAlert message={saved ? 'Fiscal year settings saved.' : null} tone="success" />
        <SelectField label="Fiscal year starts in" required options={monthOptions} {...form.field('fiscalYearStartMonth')} hint="A fiscal year is named by the calendar year it starts in." />
        <TextField label="Currency of yearly targets" required maxLength={3} autoComplete="off" hint="A three-letter code such as USD or EUR. Targets already set keep their currency." {...form.field('targetCurrency')} />
        <p className="small muted">
          This fiscal year, {year.name}, runs from {formatDate(year.start)} to {formatDate(year.end)}. Changing the start month redraws every year; targets stay with the year they were set for.
        </p>
        <div className="form-actions form-actions-start">
          <Button type="submit" variant="primary" busy={update.isPending}>
            Save fiscal year
          </Button>
        </div>
      </form>
    </Card>
  );
}
