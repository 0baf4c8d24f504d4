import { useSyncExternalStore } from 'react';

/**
 * Review mode: while on, the app hides amounts, won/lost status and win rates everywhere, so a
 * pipeline or a plan is reviewed on its process without the halo of the outcome. Per browser
 * session (sessionStorage: it ends when the tab's session ends, and each tab starts with what it
 * was opened from), and visible: the shell shows a banner while it is on.
 */
const KEY = 'advance.reviewMode';

function read(): boolean {
  try {
    return typeof sessionStorage !== 'undefined' && sessionStorage.getItem(KEY) === 'on';
  } catch {
    return false;
  }
}

let on = read();
const listeners = new Set<() => void>();

export const isReviewMode = () => on;

export function setReviewMode(value: boolean): void {
  on = value;
  try {
    if (value) sessionStorage.setItem(KEY, 'on');
    else sessionStorage.removeItem(KEY);
  } catch {
    // Storage refused (private mode): the switch still holds for this page's life.
  }
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useReviewMode(): boolean {
  return useSyncExternalStore(subscribe, isReviewMode, () => false);
}

/** What review mode shows in place of an amount. */
export const HIDDEN_AMOUNT = 'amount hidden';
