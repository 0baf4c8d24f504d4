import { useState } from 'react';
import type { z } from 'zod';
import { isApiError } from '../../app/api';
import { useAcceptCurrent, useCreateRecord, useUpdateRecord, type RecordResource } from '../../app/records';
import { FIX_FIELDS, check, fromServer, useForm } from '../../lib/forms';

type Versioned = { id: string; version: number };
type Values = Record<string, string>;

/**
 * What the person sees when someone else saved first: the fields that moved, with their latest
 * values, and whether the person had edited that field too (their edit is kept in the form).
 */
export type Conflict = { changes: { field: string; label: string; latest: string; mineKept: boolean }[] };

export type EditorSpec<T, V extends Values> = {
  resource: RecordResource;
  /** Form strings from a record. */
  toValues: (record: T) => V;
  /** Request fields from form strings (empty text becomes null). */
  toBody: (values: V) => Record<string, unknown>;
  fields: readonly Extract<keyof V, string>[];
  /** Where a nested API path lands in the form, e.g. `amount.currency` → `currency`. */
  aliases?: Partial<Record<string, Extract<keyof V, string>>>;
  labels: Record<Extract<keyof V, string>, string>;
  /** Checks the schema cannot make from strings (an amount that does not parse, a reason a status needs). */
  precheck?: (values: V) => Partial<Record<Extract<keyof V, string>, string>>;
  /** Human values of a record, for the conflict notice. */
  display: (record: T) => Partial<Record<Extract<keyof V, string>, string>>;
};

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Editing a versioned record: validate with the shared schema, send only what changed with the
 * version it was read at, and on 409 show the latest record while keeping the person's edits.
 */
export function useRecordEditor<T extends Versioned, V extends Values>(spec: EditorSpec<T, V>, record: T, schema: z.ZodType, onSaved: (r: T) => void) {
  const form = useForm<V>(spec.toValues(record));
  const update = useUpdateRecord<T, Record<string, unknown>>(spec.resource, record.id);
  const acceptCurrent = useAcceptCurrent<T>(spec.resource, record.id);
  const [conflict, setConflict] = useState<Conflict | null>(null);

  const submit = () => {
    const pre = spec.precheck?.(form.values) ?? {};
    if (Object.keys(pre).length) return form.fail(pre, FIX_FIELDS);
    const base = spec.toBody(spec.toValues(record));
    const mine = spec.toBody(form.values);
    const changed = Object.fromEntries(Object.entries(mine).filter(([k, v]) => !same(v, base[k])));
    if (Object.keys(changed).length === 0) return onSaved(record);
    const body = { ...changed, version: record.version };
    const result = check(schema, body, spec.fields, spec.aliases);
    if (!result.ok) return form.fail(result.fieldErrors, result.other[0] ?? FIX_FIELDS);
    form.clear();
    update.mutate(body, {
      onSuccess: (saved) => {
        setConflict(null);
        onSaved(saved);
      },
      onError: (err) => {
        if (isApiError(err, 'version_conflict') && err.current) {
          const latest = err.current as T;
          // A three-way merge: fields the person did not touch take the latest values (so saving
          // again never undoes the other person's work); fields they edited keep their edit.
          const was = spec.toValues(record);
          const now = spec.toValues(latest);
          const mine = form.values;
          const shown = spec.display(latest);
          const merged = { ...mine };
          for (const f of spec.fields) if (mine[f] === was[f]) merged[f] = now[f];
          const changes = spec.fields
            .filter((f) => was[f] !== now[f])
            .map((f) => ({ field: f, label: spec.labels[f], latest: shown[f] ?? now[f] ?? '', mineKept: mine[f] !== was[f] && mine[f] !== now[f] }));
          form.setValues(merged);
          acceptCurrent(latest);
          setConflict({ changes });
          return;
        }
        const { fieldErrors, formError } = fromServer(err, spec.fields, spec.aliases);
        form.fail(fieldErrors, formError);
      },
    });
  };

  const discard = () => {
    form.setValues(spec.toValues(record));
    form.clear();
    setConflict(null);
  };

  return { form, submit, conflict, discard, saving: update.isPending };
}

/** Creating a record: the same validation and error placement as editing. */
export function useRecordCreator<T extends Versioned, V extends Values>(spec: EditorSpec<T, V>, initial: V, schema: z.ZodType, onCreated: (r: T) => void) {
  const form = useForm<V>(initial);
  const create = useCreateRecord<T, unknown>(spec.resource);
  const submit = () => {
    const pre = spec.precheck?.(form.values) ?? {};
    if (Object.keys(pre).length) return form.fail(pre, FIX_FIELDS);
    const result = check(schema, spec.toBody(form.values), spec.fields, spec.aliases);
    if (!result.ok) return form.fail(result.fieldErrors, result.other[0] ?? FIX_FIELDS);
    form.clear();
    create.mutate(result.data, {
      onSuccess: onCreated,
      onError: (err) => {
        const { fieldErrors, formError } = fromServer(err, spec.fields, spec.aliases);
        form.fail(fieldErrors, formError);
      },
    });
  };
  return { form, submit, saving: create.isPending };
}
