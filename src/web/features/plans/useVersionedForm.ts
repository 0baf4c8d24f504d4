import { useState } from 'react';
import type { z } from 'zod';
import { isApiError } from '../../app/api';
import { FIX_FIELDS, check, fromServer, useForm } from '../../lib/forms';
import type { Conflict } from '../records/useRecordEditor';

type Values = Record<string, string>;

export type FormSpec<T, V extends Values> = {
  toValues: (record: T) => V;
  toBody: (values: V) => Record<string, unknown>;
  fields: readonly Extract<keyof V, string>[];
  aliases?: Partial<Record<string, Extract<keyof V, string>>>;
  labels: Record<Extract<keyof V, string>, string>;
  display: (record: T) => Partial<Record<Extract<keyof V, string>, string>>;
};

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The records editor's rules (src/web/features/records/useRecordEditor.ts) for plan pieces, whose
 * writes go through their own endpoints: validate with the shared schema, send only what changed
 * with the version it was read at, and on 409 show the latest while keeping the person's edits.
 */
export function useVersionedForm<T extends { id: string; version: number }, V extends Values>(opts: {
  spec: FormSpec<T, V>;
  record: T;
  schema: z.ZodType;
  save: (body: Record<string, unknown>, handlers: { onSuccess: (saved: T) => void; onError: (err: unknown) => void }) => void;
  /** Puts the fresh record a 409 carried into the cache. */
  acceptCurrent: (latest: T) => void;
  onSaved: (saved: T) => void;
}) {
  const { spec, record } = opts;
  const form = useForm<V>(spec.toValues(record));
  const [conflict, setConflict] = useState<Conflict | null>(null);

  const submit = () => {
    const base = spec.toBody(spec.toValues(record));
    const mine = spec.toBody(form.values);
    const changed = Object.fromEntries(Object.entries(mine).filter(([k, v]) => !same(v, base[k])));
    if (Object.keys(changed).length === 0) return opts.onSaved(record);
    const body = { ...changed, version: record.version };
    const result = check(opts.schema, body, spec.fields, spec.aliases);
    if (!result.ok) return form.fail(result.fieldErrors, result.other[0] ?? FIX_FIELDS);
    form.clear();
    opts.save(body, {
      onSuccess: (saved) => {
        setConflict(null);
        opts.onSaved(saved);
      },
      onError: (err) => {
        if (isApiError(err, 'version_conflict') && err.current) {
          const latest = err.current as T;
          // Fields the person did not touch take the latest values; fields they edited keep their edit.
          const was = spec.toValues(record);
          const now = spec.toValues(latest);
          const mineValues = form.values;
          const shown = spec.display(latest);
          const merged = { ...mineValues };
          for (const f of spec.fields) if (mineValues[f] === was[f]) merged[f] = now[f];
          const changes = spec.fields
            .filter((f) => was[f] !== now[f])
            .map((f) => ({ field: f, label: spec.labels[f], latest: shown[f] ?? now[f] ?? '', mineKept: mineValues[f] !== was[f] && mineValues[f] !== now[f] }));
          form.setValues(merged);
          opts.acceptCurrent(latest);
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

  return { form, submit, conflict, discard };
}
