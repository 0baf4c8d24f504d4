import { useEffect, useMemo, useState } from 'react';

/**
 * Unsaved changes, app-wide. Each form reports whether it holds something typed and not saved
 * (useForm does it itself; a form kept in plain state calls useUnsavedChanges). While any does, the
 * app asks before that work is lost: on a link, Back or Forward (app/UnsavedChangesGuard.tsx, with
 * its guard on the router's history), on a reload or a closed tab (beforeunload), and when a dialog holding
 * such a form is closed with Escape, its Close button or a click beside it (ui/Dialog.tsx).
 *
 * This module holds no React state: the registry is plain data, so a save that navigates at once
 * (create → open the new record) can say "saved" synchronously, before React renders again.
 */

/** Values as a form holds them: strings, as inputs do. */
export type FormValues = Record<string, string>;

/**
 * Whether two sets of form values hold the same thing. Spaces at either end do not count: a field
 * that only gained or lost a space loses nothing when left.
 */
export function sameFormValues(a: FormValues, b: FormValues): boolean {
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) if ((a[k] ?? '').trim() !== (b[k] ?? '').trim()) return false;
  return true;
}

/**
 * Whether `values` hold unsaved changes: they differ from every baseline — the values the form
 * started from or last saved, and the values as they are stored now (a record that was saved, then
 * read again). Leaving a form that holds what is stored loses nothing.
 */
export function isDirty(values: FormValues, baselines: readonly FormValues[]): boolean {
  return baselines.every((b) => !sameFormValues(values, b));
}

/** A short key for what a form holds, to tell whether it changed since it was said to be saved. */
export function valuesSignature(values: FormValues): string {
  return JSON.stringify(Object.keys(values).sort().map((k) => [k, (values[k] ?? '').trim()]));
}

/** A dialog, as the registry knows it: forms that became dirty while it was on top are its own. */
export type DialogToken = object;

type Entry = {
  /** What the form held when it last reported: "saved" applies to that, not to what is typed after. */
  signature: string;
  /** The dialog that was on top when the form became dirty (the form is in it: dialogs are modal). */
  dialog: DialogToken | null;
  /** Said to be saved, or left on purpose ("Leave"): not counted until it changes again. */
  released: boolean;
};

/** A question on screen: "Leave without saving?", answered by UnsavedChangesGuard. */
export type LeaveQuestion = { answer: (leave: boolean) => void };

const entries = new Map<number, Entry>();
const openDialogs: DialogToken[] = [];
const listeners = new Set<() => void>();
let nextId = 1;
let anyDirty = false;
let question: LeaveQuestion | null = null;
let pendingAnswer: Promise<boolean> | null = null;

function update(): void {
  anyDirty = [...entries.values()].some((e) => !e.released);
  for (const listener of [...listeners]) listener();
}

/** Calls `listener` when unsaved changes come or go, or a question is asked or answered. */
export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function newFormId(): number {
  return nextId++;
}

/** A form's state after a render: dirty or not, and a signature of what it holds. */
export function reportForm(id: number, dirty: boolean, signature: string): void {
  const entry = entries.get(id);
  if (!dirty) {
    if (entry) {
      entries.delete(id);
      update();
    }
    return;
  }
  if (!entry) {
    entries.set(id, { signature, dialog: openDialogs[openDialogs.length - 1] ?? null, released: false });
    update();
  } else if (entry.signature !== signature) {
    entry.signature = signature;
    if (entry.released) {
      entry.released = false;
      update();
    }
  }
}

/** The form is gone (unmounted): what it held is no longer on the page. */
export function forgetForm(id: number): void {
  if (entries.delete(id)) update();
}

/**
 * The form's work is saved (or given up on purpose), effective at once — a navigation right after
 * is not blocked. With `signature`, only if the form still holds that: text typed since the save
 * was sent is still unsaved.
 */
export function releaseForm(id: number, signature?: string): void {
  const entry = entries.get(id);
  if (!entry || entry.released || (signature !== undefined && entry.signature !== signature)) return;
  entry.released = true;
  update();
}

/** "Leave" was chosen: what every form (or every form of `dialog`) holds now is given up. */
export function releaseAll(dialog?: DialogToken): void {
  let changed = false;
  for (const entry of entries.values()) {
    if (entry.released || (dialog !== undefined && entry.dialog !== dialog)) continue;
    entry.released = true;
    changed = true;
  }
  if (changed) update();
}

export function hasUnsavedChanges(): boolean {
  return anyDirty;
}

/** Whether a form in this dialog holds unsaved changes. */
export function hasUnsavedChangesIn(dialog: DialogToken): boolean {
  for (const entry of entries.values()) if (entry.dialog === dialog && !entry.released) return true;
  return false;
}

/** A modal dialog opened: it is on top until it closes. */
export function dialogOpened(dialog: DialogToken): void {
  if (!openDialogs.includes(dialog)) openDialogs.push(dialog);
}

export function dialogClosed(dialog: DialogToken): void {
  const at = openDialogs.indexOf(dialog);
  if (at >= 0) openDialogs.splice(at, 1);
}

/**
 * Asks "Leave without saving?": true when the person chose Leave. One question at a time: asked
 * again while it is on screen, it is the same question. Without UnsavedChangesGuard on the page
 * (nothing answers), the browser's own confirm asks.
 */
export function askToLeave(): Promise<boolean> {
  if (pendingAnswer) return pendingAnswer;
  if (listeners.size === 0) return Promise.resolve(window.confirm('Leave without saving? What you typed is not saved yet.'));
  pendingAnswer = new Promise<boolean>((resolve) => {
    question = {
      answer: (leave) => {
        question = null;
        pendingAnswer = null;
        update();
        resolve(leave);
      },
    };
  });
  update();
  return pendingAnswer;
}

export function currentQuestion(): LeaveQuestion | null {
  return question;
}

/**
 * Before something that drops every form on the page without a navigation (signing out, switching
 * review mode): asks when there is unsaved work, and gives it up if the person chooses Leave.
 */
export async function confirmDiscard(): Promise<boolean> {
  if (!hasUnsavedChanges()) return true;
  const leave = await askToLeave();
  if (leave) releaseAll();
  return leave;
}

/**
 * For a form kept in plain state (useForm reports by itself): reports `dirty` while mounted.
 * `signature` is what it holds (the text, or a JSON of its fields), so that `markSaved` applies to
 * what was sent: call it when a save succeeded, before navigating or closing, as useForm's does.
 */
export function useUnsavedChanges(dirty: boolean, signature = ''): { markSaved: (sent?: string) => void } {
  const [id] = useState(newFormId);
  useEffect(() => () => forgetForm(id), [id]);
  useEffect(() => reportForm(id, dirty, signature), [id, dirty, signature]);
  return useMemo(() => ({ markSaved: (sent?: string) => releaseForm(id, sent) }), [id]);
}
