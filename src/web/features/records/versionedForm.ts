import type { z } from 'zod';
import type { RecordOf, RecordResource } from '../../app/records';
import type { Aliases } from '../../lib/forms';

/**
 * The rules of every versioned edit form, as plain functions: what a save sends, and how a save that
 * lost the race is merged with the latest version. The hook (useVersionedForm) only wires them to
 * React state and a request.
 */
export type FormValues = Record<string, string>;
type Field<V extends FormValues> = Extract<keyof V, string>;

/** How one kind of record maps to its form and back. */
export type FormSpec<T, V extends FormValues> = {
  /** Form strings from a record. */
  toValues: (record: T) => V;
  /** Request fields from form strings (empty text becomes null). */
  toBody: (values: V) => Record<string, unknown>;
  fields: readonly Field<V>[];
  /** Where a nested API path lands in the form, e.g. `amount.currency` → `currency`; `startsAt` → `['date', 'time']`, built from both. */
  aliases?: Aliases<Field<V>>;
  labels: Record<Field<V>, string>;
  /** Checks the schema cannot make from strings (an amount that does not parse, a reason a status needs). */
  precheck?: (values: V) => Partial<Record<Field<V>, string>>;
  /** Human values of a record, for the conflict notice. */
  display: (record: T) => Partial<Record<Field<V>, string>>;
};

/**
 * What the person sees when someone else saved first: the fields that moved, with their latest
 * values, and whether the person had edited that field too (their edit is kept in the form).
 */
export type Conflict = { changes: { field: string; label: string; latest: string; mineKept: boolean }[] };

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The request fields the form changed from the record it was opened on: a save sends only these. */
export function changedBody<T, V extends FormValues>(spec: FormSpec<T, V>, record: T, values: V): Record<string, unknown> {
  const base = spec.toBody(spec.toValues(record));
  return Object.fromEntries(Object.entries(spec.toBody(values)).filter(([k, v]) => !same(v, base[k])));
}

/**
 * A three-way merge after a 409: fields the person did not touch take the latest values (so saving
 * again never undoes the other person's work); fields they edited keep their edit. `changes` lists
 * what the other person changed, for the notice.
 */
export function mergeConflict<T, V extends FormValues>(spec: FormSpec<T, V>, read: T, latest: T, mine: V): { values: V; conflict: Conflict } {
  const was = spec.toValues(read);
  const now = spec.toValues(latest);
  const shown = spec.display(latest);
  const values = { ...mine };
  for (const f of spec.fields) if (mine[f] === was[f]) values[f] = now[f];
  const changes = spec.fields
    .filter((f) => was[f] !== now[f])
    .map((f) => ({ field: f, label: spec.labels[f], latest: shown[f] ?? now[f] ?? '', mineKept: mine[f] !== was[f] && mine[f] !== now[f] }));
  return { values, conflict: { changes } };
}

/** A spec of one of the record kinds that share the records API (accounts, contacts, opportunities), with its request contracts. */
export type RecordFormSpec<R extends RecordResource, V extends FormValues> = FormSpec<RecordOf<R>, V> & { resource: R; schemas: { create: z.ZodType; update: z.ZodType } };
