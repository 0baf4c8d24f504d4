import { useState } from 'react';
import type { z } from 'zod';
import { isApiError } from '../../app/api';
import { FIX_FIELDS, check, fromServer, linkedFields, useForm, type FormState } from '../../lib/forms';
import { changedBody, mergeConflict, type Conflict, type FormSpec, type FormValues } from './versionedForm';

/** How a form sends its body: a mutation's `mutate`, with the feature's own URL and cache updates. */
export type Save<T> = (body: Record<string, unknown>, handlers: { onSuccess: (saved: T) => void; onError: (err: unknown) => void }) => void;

type CreateSpec<V extends FormValues> = Pick<FormSpec<unknown, V>, 'toBody' | 'fields' | 'aliases' | 'precheck'>;

/** The spec's own checks and the shared zod schema the server uses, together; null when the form shows errors. */
function validate<V extends FormValues>(form: FormState<V>, spec: CreateSpec<V>, schema: z.ZodType, body: Record<string, unknown>) {
  // Every field to fix at once: the schema's messages, and the spec's own checks (which say it
  // better where both speak — an amount that does not read as one, a date left empty).
  const result = check(schema, body, spec.fields, spec.aliases, spec.precheck?.(form.values));
  if (!result.ok) {
    form.fail(result.fieldErrors, result.other[0] || FIX_FIELDS);
    return null;
  }
  form.clear();
  return result.data as Record<string, unknown>;
}

function showServerErrors<V extends FormValues>(form: FormState<V>, spec: CreateSpec<V>, err: unknown) {
  const { fieldErrors, formError } = fromServer(err, spec.fields, spec.aliases);
  form.fail(fieldErrors, formError);
}

/**
 * Editing any versioned record (an account, a plan, a commitment): validate with the shared schema,
 * send only what changed with the version it was read at, and on 409 show the latest while keeping
 * the person's edits.
 */
export function useVersionedForm<T extends { id: string; version: number }, V extends FormValues>(opts: {
  spec: FormSpec<T, V>;
  record: T;
  schema: z.ZodType;
  save: Save<T>;
  /** Puts the fresh record a 409 carried into the cache. */
  acceptCurrent: (latest: T) => void;
  onSaved: (saved: T) => void;
}) {
  const { spec, record } = opts;
  const form = useForm<V>(spec.toValues(record), { linked: linkedFields(spec.aliases) });
  const [conflict, setConflict] = useState<Conflict | null>(null);

  const submit = () => {
    const changed = changedBody(spec, record, form.values);
    if (Object.keys(changed).length === 0) {
      // Nothing to send: what the form holds is what is stored.
      form.markSaved();
      return opts.onSaved(record);
    }
    const body = { ...changed, version: record.version };
    if (!validate(form, spec, opts.schema, body)) return;
    opts.save(body, {
      onSuccess: (saved) => {
        setConflict(null);
        form.markSaved();
        opts.onSaved(saved);
      },
      onError: (err) => {
        if (isApiError(err, 'version_conflict') && err.current) {
          const latest = err.current as T;
          const merged = mergeConflict(spec, record, latest, form.values);
          form.setValues(merged.values);
          opts.acceptCurrent(latest);
          setConflict(merged.conflict);
          return;
        }
        showServerErrors(form, spec, err);
      },
    });
  };

  const discard = () => {
    form.setValues(spec.toValues(record));
    form.clear();
    setConflict(null);
  };

  return { form, submit, conflict, discard };
}

/** Creating a record: the same validation and error placement as editing it. */
export function useCreateForm<T, V extends FormValues>(opts: { spec: CreateSpec<V>; initial: V; schema: z.ZodType; save: Save<T>; onCreated: (created: T) => void }) {
  const { spec } = opts;
  const form = useForm<V>(opts.initial, { linked: linkedFields(spec.aliases) });
  const submit = () => {
    const body = validate(form, spec, opts.schema, spec.toBody(form.values));
    if (!body) return;
    opts.save(body, {
      // Saved before the page moves on to the new record: leaving is not blocked.
      onSuccess: (created) => {
        form.markSaved();
        opts.onCreated(created);
      },
      onError: (err) => showServerErrors(form, spec, err),
    });
  };
  return { form, submit };
}
