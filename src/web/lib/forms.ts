import { useState } from 'react';
import type { z } from 'zod';
import { isApiError } from '../app/api';

export const FIX_FIELDS = 'Some fields need attention — see the messages below each field.';

export type Issue = { path: readonly PropertyKey[]; message: string };
export type FieldErrors<K extends string = string> = Partial<Record<K, string>>;

/**
 * The first message for each field of a form. A nested path (amount.amountMinor) belongs to the
 * form field with that full name, else to the field named by its first segment; the rest are "other".
 */
export function issuesToErrors<K extends string>(
  issues: Issue[],
  fields: readonly K[],
  aliases: Partial<Record<string, K>> = {},
): { fieldErrors: FieldErrors<K>; other: string[] } {
  const fieldErrors: FieldErrors<K> = {};
  const other: string[] = [];
  for (const issue of issues) {
    const full = issue.path.map(String).join('.');
    const key = aliases[full] ?? fields.find((f) => f === full) ?? fields.find((f) => f === String(issue.path[0] ?? ''));
    if (key) {
      if (!fieldErrors[key]) fieldErrors[key] = issue.message;
    } else {
      other.push(issue.message);
    }
  }
  return { fieldErrors, other };
}

/** Validates a request body with the same shared zod schema the server uses. */
export function check<S extends z.ZodType, K extends string>(
  schema: S,
  body: unknown,
  fields: readonly K[],
  aliases?: Partial<Record<string, K>>,
): { ok: true; data: z.output<S> } | { ok: false; fieldErrors: FieldErrors<K>; other: string[] } {
  const result = schema.safeParse(body);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, ...issuesToErrors(result.error.issues, fields, aliases) };
}

/** Server errors: `details[].path` beside the matching field, anything else as one message on top. */
export function fromServer<K extends string>(
  err: unknown,
  fields: readonly K[],
  aliases?: Partial<Record<string, K>>,
): { fieldErrors: FieldErrors<K>; formError: string } {
  if (!isApiError(err)) return { fieldErrors: {}, formError: 'Something unexpected went wrong. Try again.' };
  const { fieldErrors, other } = issuesToErrors(
    err.details.map((d) => ({ path: d.path.split('.'), message: d.message })),
    fields,
    aliases,
  );
  const hasFieldErrors = Object.keys(fieldErrors).length > 0;
  const formError = other.length ? other.join(' ') : hasFieldErrors ? FIX_FIELDS : err.message;
  return { fieldErrors, formError };
}

/**
 * A field's next value once the text sent from it is saved: empty, unless the person has typed
 * something else since. The save's answer can arrive after they started the next note or action,
 * and what they typed then must not vanish. Use as a state updater: `setBody(clearedIfUnchanged(sent))`.
 */
export const clearedIfUnchanged =
  (sent: string) =>
  (now: string): string =>
    now === sent ? '' : now;

/** Empty text from a form means "no value". */
export const orNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

/** Form state as strings (what inputs hold), with per-field and whole-form errors. */
export function useForm<F extends Record<string, string>>(initial: F) {
  const [values, setValues] = useState<F>(initial);
  const [errors, setErrors] = useState<FieldErrors<Extract<keyof F, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const set = (name: keyof F, value: string) => {
    setValues((prev) => ({ ...prev, [name]: value }));
    setErrors((prev) => (prev[name as Extract<keyof F, string>] ? { ...prev, [name]: undefined } : prev));
  };

  /** Props for a field component: name, value, onChange, error. */
  const field = (name: Extract<keyof F, string>) => ({
    name,
    value: values[name],
    onChange: (value: string) => set(name, value),
    error: errors[name],
  });

  const fail = (fieldErrors: FieldErrors<Extract<keyof F, string>>, message: string | null) => {
    setErrors(fieldErrors);
    setFormError(message);
    // Keyboard and screen-reader users land on the first field to fix.
    if (Object.values(fieldErrors).some(Boolean)) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    }
  };

  const clear = () => {
    setErrors({});
    setFormError(null);
  };

  return { values, setValues, set, field, errors, formError, setFormError, fail, clear };
}

export type FormState<F extends Record<string, string>> = ReturnType<typeof useForm<F>>;

/** Select options from a map of value → label, in the map's order (typed by the contract's values). */
export function optionsFrom<K extends string>(labels: Partial<Record<K, string>>): { value: K; label: string }[] {
  return (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
}
