import { useState } from 'react';
import { FOCUS_THRESHOLD_BOUNDS } from '../../../domain/focus';
import { UpdateFocusThresholdsBody, type FocusThresholds } from '../../../shared/focus';
import { isApiError } from '../../app/api';
import { useMe } from '../../app/session';
import { FIX_FIELDS, check, fromServer, useForm } from '../../lib/forms';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { TextField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { ErrorState, SkeletonLines } from '../../ui/States';
import { useFocusThresholds, useSaveFocusThresholds } from './api';

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

const asForm = (t: FocusThresholds) => ({ noAdvanceStreak: String(t.noAdvanceStreak), noCommitmentDays: String(t.noCommitmentDays), noCommitmentInteractions: String(t.noCommitmentInteractions) });
const same = (a: FocusThresholds, b: FocusThresholds) => FIELDS.every((f) => a[f] === b[f]);

function ThresholdsForm({ thresholds }: { thresholds: FocusThresholds }) {
  const form = useForm(asForm(thresholds));
  const [note, setNote] = useState<{ text: string; tone: 'success' | 'warning' } | null>(null);
  const save = useSaveFocusThresholds();

  const submit = (body: UpdateFocusThresholdsBody, base: FocusThresholds) =>
    save.mutate(body, {
      onSuccess: () => setNote({ text: 'Focus thresholds saved.', tone: 'success' }),
      onError: (err) => {
        if (isApiError(err, 'version_conflict') && err.current) {
          const latest = err.current as FocusThresholds;
          // The workspace's version moved for another of its settings: these thresholds did not change, so save on it.
          if (same(latest, base)) return submit({ ...body, version: latest.version }, latest);
          form.setValues(asForm(latest));
          setNote({ text: 'Someone else changed the thresholds a moment ago — here are the latest. Change them again if you need to.', tone: 'warning' });
          return;
        }
        const { fieldErrors, formError } = fromServer(err, FIELDS);
        form.fail(fieldErrors, formError);
      },
    });

  return (
    <Card title={TITLE}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setNote(null);
          const number = (v: string) => (v.trim() === '' ? Number.NaN : Number(v));
          const result = check(UpdateFocusThresholdsBody, { ...Object.fromEntries(FIELDS.map((f) => [f, number(form.values[f])])), version: thresholds.version }, FIELDS);
          if (!result.ok) return form.fail(result.fieldErrors, result.other[0] ?? FIX_FIELDS);
          form.clear();
          submit(result.data, thresholds);
        }}
      >
        <p className="muted small">A deal shows on Focus as chased when one of these is reached, or when the customer kept under half of at least 3 judged commitments on time.</p>
        <FormAlert message={form.formError} />
        <FormAlert message={note?.text} tone={note?.tone} />
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
          <Button type="submit" variant="primary" busy={save.isPending}>
            Save thresholds
          </Button>
        </div>
      </form>
    </Card>
  );
}
