import { useCallback, useEffect, useState, type RefObject } from 'react';
import type { z } from 'zod';
import { isApiError } from '../app/api';
import { isDirty, useUnsavedChanges, valuesSignature } from './unsaved';

export const FIX_FIELDS = 'Some fields need attention — see the messages below each field.';

export type Issue = { path: readonly PropertyKey[]; message: string };
export type FieldErrors<K extends string = string> = Partial<Record<K, string>>;

/**
 * Where a request path lands in the form, e.g. `amount.currency` → `currency`. A request field built
 * from several form fields names them all (`startsAt` → `['date', 'time']`): its message shows beside
 * the first, and a form's own check on any of them speaks for it (see `issuesToErrors`).
 */
export type Aliases<K extends string = string> = Partial<Record<string, K | readonly K[]>>;

/** The form fields an alias stands for: the first shows its message. */
const aliasFields = <K extends string>(target: K | readonly K[] | undefined): readonly K[] => (target === undefined ? [] : typeof target === 'string' ? [target] : target);

/** The groups of form fields one request field is built from (`startsAt` from `date` and `time`), for `useForm`'s `linked`. */
export function linkedFields<K extends string>(aliases: Aliases<K> = {}): readonly (readonly K[])[] {
  return Object.values(aliases)
    .map((t) => aliasFields(t as K | readonly K[] | undefined))
    .filter((group) => group.length > 1);
}

/**
 * The first message for each field of a form. A nested path (amount.amountMinor) belongs to the
 * form field with that full name, else to the field named by its first segment; the rest are "other".
 *
 * `own` are the form's own messages (checks the schema cannot make from strings: a day without a
 * time, an amount that does not read as one). They say it better: where one is given for a field,
 * the schema's message for that field is left out — and so is its message about a request field
 * built from several form fields when any of them has its own message (no "Use a date and time such
 * as 2026-11-23T16:00:00Z." under Day when the form already says "Choose the time it starts.").
 */
export function issuesToErrors<K extends string>(
  issues: Issue[],
  fields: readonly K[],
  aliases: Aliases<K> = {},
  own: FieldErrors<K> = {},
): { fieldErrors: FieldErrors<K>; other: string[] } {
  const fieldErrors: FieldErrors<K> = {};
  const other: string[] = [];
  for (const issue of issues) {
    const full = issue.path.map(String).join('.');
    const aliased = aliasFields(aliases[full]);
    if (aliased.some((f) => own[f])) continue;
    const key = aliased[0] ?? fields.find((f) => f === full) ?? fields.find((f) => f === String(issue.path[0] ?? ''));
    if (key) {
      if (!fieldErrors[key]) fieldErrors[key] = issue.message;
    } else {
      other.push(issue.message);
    }
  }
  for (const [field, message] of Object.entries(own) as [K, string | undefined][]) if (message) fieldErrors[field] = message;
  return { fieldErrors, other };
}

/**
 * Validates a request body with the same shared zod schema the server uses, together with the form's
 * own checks (`own`, which win where both speak): not ok when either finds a problem.
 */
export function check<S extends z.ZodType, K extends string>(
  schema: S,
  body: unknown,
  fields: readonly K[],
  aliases?: Aliases<K>,
  own: FieldErrors<K> = {},
): { ok: true; data: z.output<S> } | { ok: false; fieldErrors: FieldErrors<K>; other: string[] } {
  const result = schema.safeParse(body);
  const hasOwn = Object.values(own).some(Boolean);
  if (result.success && !hasOwn) return { ok: true, data: result.data };
  return { ok: false, ...issuesToErrors(result.success ? [] : result.error.issues, fields, aliases, own) };
}

/** Server errors: `details[].path` beside the matching field, anything else as one message on top. */
export function fromServer<K extends string>(
  err: unknown,
  fields: readonly K[],
  aliases?: Aliases<K>,
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

/** What a field that needs fixing is, on the page: an input marked invalid, or a choice of radios marked so. */
const INVALID_FIELD = '[aria-invalid="true"], .choice-invalid input';

/**
 * Moves focus to the first field with an error, so keyboard and screen-reader users land on what to
 * fix: within `within` (the form) when given, else in the open dialog when there is one (the page
 * behind a modal cannot take focus), else on the page — the first of the fields `names` when given
 * (another form on the page may still show errors of its own).
 */
export function focusFirstError(opts: { within?: ParentNode | null; names?: readonly string[] } = {}): void {
  const dialogs = document.querySelectorAll('dialog[open]');
  const scope: ParentNode = opts.within ?? dialogs[dialogs.length - 1] ?? document;
  const invalid = [...scope.querySelectorAll<HTMLElement>(INVALID_FIELD)];
  const named = opts.names ? invalid.find((el) => opts.names!.includes(el.getAttribute('name') ?? '')) : undefined;
  (named ?? invalid[0])?.focus();
}

/**
 * `focusFirstError` once the errors are on the page: asked for when a submit fails, done after React
 * has rendered them — whenever the failure comes, the click itself or a server's answer later (by
 * then the busy submit button has taken focus away with it).
 */
export function useFocusFirstError(within?: RefObject<HTMLElement | null>): (names?: readonly string[]) => void {
  const [request, setRequest] = useState<{ names?: readonly string[] } | null>(null);
  useEffect(() => {
    if (request) focusFirstError({ within: within?.current, names: request.names });
  }, [request, within]);
  return useCallback((names?: readonly string[]) => setRequest({ names }), []);
}

/**
 * Form state as strings (what inputs hold), with per-field and whole-form errors. A field's error
 * goes when its value changes. `linked` are groups of fields one request field is built from (the day
 * and the time of an instant): its message shows beside the group's first field, and goes when any
 * of them changes.
 *
 * Unsaved changes: the form is `dirty` while its values differ from its baseline — the initial
 * values, or what `markSaved` / `load` last set — and from `initial` as passed now (the record as
 * stored at present). While dirty, the app asks before the work is lost (lib/unsaved.ts). A form
 * calls `markSaved` when a save succeeds, before it navigates or closes; `guard: false` leaves a form
 * out (sign-in and the other signed-out pages: nothing there is work to lose).
 */
export function useForm<F extends Record<string, string>>(initial: F, opts: { linked?: readonly (readonly Extract<keyof F, string>[])[]; guard?: boolean } = {}) {
  type K = Extract<keyof F, string>;
  const [values, setValues] = useState<F>(initial);
  const [baseline, setBaseline] = useState<F>(initial);
  const [errors, setErrors] = useState<FieldErrors<K>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const focusFirst = useFocusFirstError();
  const dirty = opts.guard !== false && isDirty(values, [baseline, initial]);
  const unsaved = useUnsavedChanges(dirty, dirty ? valuesSignature(values) : '');

  const set = (name: keyof F, value: string) => {
    setValues((prev) => ({ ...prev, [name]: value }));
    const stale = [name as K, ...(opts.linked ?? []).filter((g) => g.includes(name as K)).map((g) => g[0])];
    setErrors((prev) => (stale.some((f) => prev[f]) ? { ...prev, ...Object.fromEntries(stale.map((f) => [f, undefined])) } : prev));
  };

  /** Props for a field component: name, value, onChange, error. */
  const field = (name: K) => ({
    name,
    value: values[name],
    onChange: (value: string) => set(name, value),
    error: errors[name],
  });

  /** A failed submit, from the form's checks or the server's answer: the messages, and focus on the first field to fix. */
  const fail = (fieldErrors: FieldErrors<K>, message: string | null) => {
    setErrors(fieldErrors);
    setFormError(message);
    const names = Object.keys(fieldErrors).filter((k) => fieldErrors[k as K]);
    if (names.length) focusFirst(names);
  };

  const clear = () => {
    setErrors({});
    setFormError(null);
  };

  /**
   * A save succeeded: call it from the submit's success handler, before navigating or closing (the
   * app then does not ask). Without an argument, the values this render holds — what the submit sent
   * — are saved; text typed since stays unsaved. `next` values become both what the form holds and
   * its baseline (a form that empties itself for the next entry); an updater gives the form's next
   * values from the current ones (keeping text typed since), and the baseline from the sent ones.
   */
  const markSaved = (next?: F | ((prev: F) => F)) => {
    const sent = values;
    if (typeof next === 'function') {
      setBaseline(next(sent));
      setValues(next);
      unsaved.markSaved(valuesSignature(sent));
    } else if (next) {
      setBaseline(next);
      setValues(next);
      unsaved.markSaved();
    } else {
      setBaseline(sent);
      unsaved.markSaved(valuesSignature(sent));
    }
  };

  /** Values loaded from the server: what the form holds, and its new baseline (not a change of the person's). */
  const load = (loaded: F) => markSaved(loaded);

  return { values, setValues, set, field, errors, formError, setFormError, fail, clear, dirty, markSaved, load };
}

export type FormState<F extends Record<string, string>> = ReturnType<typeof useForm<F>>;

/** Select options from a map of value → label, in the map's order (typed by the contract's values). */
export function optionsFrom<K extends string>(labels: Partial<Record<K, string>>): { value: K; label: string }[] {
  return (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
}
