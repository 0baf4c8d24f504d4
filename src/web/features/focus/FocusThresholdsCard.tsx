import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { FOCUS_THRESHOLD_BOUNDS } from '../../../domain/focus';
import { UpdateFocusThresholdsBody, type FocusThresholds } from '../../../shared/focus';
import { useMe } from '../../app/session';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { TextField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { ErrorState, SkeletonLines } from '../../ui/States';
import { ConflictBanner } from '../records/ConflictBanner';
import { useVersionedForm, type Save } from '../records/useVersionedForm';
import type { FormSpec } from '../records/versionedForm';
import { focusKeys, useFocusThresholds, useSaveFocusThresholds } from './api';

const FIELDS = ['noAdvanceStreak', 'noCommitmentDays', 'noCommitmentInteractions'] as const;
type Field = (typeof FIELDS)[number];

const LABELS: Record<Field, { label: string; hint: string }> = {
  noAdvanceStreak: { label: 'Calls in a row without an advance', hint: 'A deal is chased after this many results in a row that were not an advance.' },
  noCommitmentDays: { label: 'Days open without a commitment to change', hint: 'Flag a deal still without a commitment to change after this many days.' },
  noCommitmentInteractions: { label: 'Calls without a commitment to change', hint: '…or after this many calls with a result, whichever comes first.' },
};

const TITLE = 'Focus thresholds';

/** When a deal shows on Focus as chased: the workspace's three thresholds (admins change them). */
export function FocusThresholdsCard() {
  const me = useMe();
  const query = useFocusThresholds();
  if (query.isPending) return <Card title={TITLE}><SkeletonLines /></Card>;
  if (query.isError) return <Card title={TITLE}><ErrorState error={query.error} onRetry={() => void query.refetch()} /></Card>;
  if (!me.capabilities.editWorkspace) {
    return (
      <Card title={TITLE}>
        <dl className="details">
          {FIELDS.map((f) => (
            <div key={f}>
              <dt>{LABELS[f].label}</dt>
              <dd>{query.data[f]}</dd>
            </div>
          ))}
        </dl>
        <p className="muted small settings-note">Only an admin can change these.</p>
      </Card>
    );
  }
  return <ThresholdsForm thresholds={query.data} />;
}

type ThresholdsRecord = FocusThresholds & { id: string };
type Values = Record<Field, string>;

const spec: FormSpec<ThresholdsRecord, Values> = {
  toValues: (t) => ({ noAdvanceStreak: String(t.noAdvanceStreak), noCommitmentDays: String(t.noCommitmentDays), noCommitmentInteractions: String(t.noCommitmentInteractions) }),
  // An empty box is not a number: the schema says so beside the field.
  toBody: (v) => Object.fromEntries(FIELDS.map((f) => [f, v[f].trim() === '' ? Number.NaN : Number(v[f])])),
  fields: FIELDS,
  labels: { noAdvanceStreak: LABELS.noAdvanceStreak.label, noCommitmentDays: LABELS.noCommitmentDays.label, noCommitmentInteractions: LABELS.noCommitmentInteractions.label },
  display: (t) => ({ noAdvanceStreak: String(t.noAdvanceStreak), noCommitmentDays: String(t.noCommitmentDays), noCommitmentInteractions: String(t.noCommitmentInteractions) }),
};

function ThresholdsForm({ thresholds }: { thresholds: FocusThresholds }) {
  const client = useQueryClient();
  const update = useSaveFocusThresholds();
  const [saved, setSaved] = useState(false);
  const record: ThresholdsRecord = { ...thresholds, id: 'focus-thresholds' };
  const save: Save<ThresholdsRecord> = (body, handlers) =>
    update.mutate(body as UpdateFocusThresholdsBody, { onSuccess: (t) => handlers.onSuccess({ ...t, id: 'focus-thresholds' }), onError: handlers.onError });
  // The version is the workspace's: a save of its other settings moves it too, and the banner then
  // says nothing of these changed — saving again applies the edits.
  const { form, submit, conflict, discard } = useVersionedForm({
    spec,
    record,
    schema: UpdateFocusThresholdsBody,
    save,
    acceptCurrent: (latest) => client.setQueryData(focusKeys.thresholds, latest),
    onSaved: () => setSaved(true),
  });

  return (
    <Card title={TITLE}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(false);
          if (!update.isPending) submit();
        }}
      >
        <p className="muted small">A deal shows on Focus as chased when one of these is reached, or when the customer kept under half of at least 3 judged commitments on time.</p>
        {conflict ? <ConflictBanner conflict={conflict} noun="focus threshold" onDiscard={discard} /> : null}
        <FormAlert message={form.formError} />
        <FormAlert message={saved ? 'Focus thresholds saved.' : null} tone="success" />
        {FIELDS.map((f) => (
          <TextField
            key={f}
            label={LABELS[f].label}
            hint={`${LABELS[f].hint} From ${FOCUS_THRESHOLD_BOUNDS[f].min} to ${FOCUS_THRESHOLD_BOUNDS[f].max}.`}
            required
            type="number"
            inputMode="numeric"
            min={FOCUS_THRESHOLD_BOUNDS[f].min}
            max={FOCUS_THRESHOLD_BOUNDS[f].max}
            {...form.field(f)}
          />
        ))}
        <div className="form-actions form-actions-start">
          <Button type="submit" variant="primary" busy={update.isPending}>
            Save thresholds
          </Button>
        </div>
      </form>
    </Card>
  );
}
