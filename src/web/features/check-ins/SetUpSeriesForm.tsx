import { CADENCE_LABELS, CreateCheckInSeriesBody, WEEKDAY_LABELS, type CheckInCadence } from '../../../shared/check-ins';
import type { UserRef } from '../../../shared/common';
import { useMe } from '../../app/session';
import { check, fromServer, optionsFrom, useForm } from '../../lib/forms';
import { timeZoneLabel } from '../../lib/format';
import { Button } from '../../ui/Button';
import { SelectField, TextField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { useCreateSeries } from './api';

const FIELDS = ['repId', 'cadence', 'weekday', 'dayOfMonth', 'time'] as const;

/** A manager (or an admin) sets up a recurring check-in with one of their people, on their own clock. */
export function SetUpSeriesForm({ people }: { people: UserRef[] }) {
  const me = useMe();
  const create = useCreateSeries();
  const form = useForm({ repId: people[0]?.id ?? '', cadence: 'weekly', weekday: '1', dayOfMonth: '1', time: '09:00' });
  const v = form.values;
  const monthly = v.cadence === 'monthly';
  const submit = () => {
    const body = {
      repId: v.repId,
      cadence: v.cadence as CheckInCadence,
      weekday: monthly ? null : Number(v.weekday),
      dayOfMonth: monthly ? Number(v.dayOfMonth) : null,
      time: v.time,
    };
    const checked = check(CreateCheckInSeriesBody, body, FIELDS);
    if (!checked.ok) return form.fail(checked.fieldErrors, checked.other.join(' ') || null);
    form.clear();
    create.mutate(body, {
      // Ready for the next person: the choices kept, saved as they are.
      onSuccess: () => form.markSaved((prev) => ({ ...prev, repId: people.find((p) => p.id !== v.repId)?.id ?? '' })),
      onError: (err) => {
        const { fieldErrors, formError } = fromServer(err, FIELDS);
        form.fail(fieldErrors, formError);
      },
    });
  };
  return (
    <form
      className="check-in-setup"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!create.isPending) submit();
      }}
    >
      <h3>Set up a check-in</h3>
      <FormAlert message={form.formError} />
      <div className="check-in-setup-fields">
        <SelectField label="With" required options={people.map((p) => ({ value: p.id, label: p.name }))} {...form.field('repId')} />
        <SelectField label="How often" required options={optionsFrom(CADENCE_LABELS)} {...form.field('cadence')} />
        {monthly ? (
          <SelectField label="Day of the month" required options={Array.from({ length: 31 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }))} hint="On a shorter month: its last day." {...form.field('dayOfMonth')} />
        ) : (
          <SelectField label="Day" required options={WEEKDAY_LABELS.map((d, i) => ({ value: String(i + 1), label: d }))} {...form.field('weekday')} />
        )}
        <TextField label="Time" type="time" required hint={`Your time: ${timeZoneLabel(me.user.timeZone)}`} {...form.field('time')} />
      </div>
      <Button type="submit" variant="primary" busy={create.isPending}>
        Set up check-ins
      </Button>
    </form>
  );
}
