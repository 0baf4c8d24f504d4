import { useContext, useEffect, useSyncExternalStore } from 'react';
import { UNSAFE_NavigationContext, useLocation, type To } from 'react-router';
import { askToLeave, currentQuestion, hasUnsavedChanges, releaseAll, subscribe } from '../lib/unsaved';
import { LeaveDialog } from '../ui/LeaveDialog';

function warnBeforeUnload(e: BeforeUnloadEvent): void {
  e.preventDefault();
  // Older browsers ask only when a value is set (the words they show are their own).
  e.returnValue = '';
}

/** The path a navigation goes to: only a new path leaves the page (a filter or a tab in `?…` or `#…` keeps it). */
function pathOf(to: To): string {
  if (typeof to === 'string') return new URL(to, window.location.href).pathname;
  return to.pathname ?? window.location.pathname;
}

type Navigate = (to: To, ...rest: unknown[]) => void;
type History = { push: Navigate; replace: Navigate };
/** The position of the current entry, which the router's history keeps in `history.state`. */
const indexOf = (state: unknown): number | null => {
  const idx = (state as { idx?: unknown } | null)?.idx;
  return typeof idx === 'number' ? idx : null;
};

/** The entry shown, for Back and Forward: where the page is, and its place in the history. */
let shown = { path: window.location.pathname, index: indexOf(window.history.state) };
let undoing = false;
let redoing = false;

/**
 * Back or Forward while a form holds unsaved changes: the step is undone before the router hears of
 * it, and redone if the person chooses Leave. Listening from the moment this module loads, before the
 * router starts listening, so this listener is the first to hear each step.
 */
function onPop(e: PopStateEvent): void {
  if (undoing) {
    // Our own step back to the page shown: the router never saw it leave.
    undoing = false;
    e.stopImmediatePropagation();
    return;
  }
  if (redoing) {
    redoing = false;
    return;
  }
  const index = indexOf(e.state);
  const delta = index === null || shown.index === null ? 0 : index - shown.index;
  if (!hasUnsavedChanges() || window.location.pathname === shown.path || delta === 0) return;
  e.stopImmediatePropagation();
  undoing = true;
  window.history.go(-delta);
  void askToLeave().then((leave) => {
    if (!leave) return;
    releaseAll();
    redoing = true;
    window.history.go(delta);
  });
}
window.addEventListener('popstate', onPop);

/**
 * Guards the router's own history (BrowserRouter's; a data router's useBlocker would cost the first
 * load about 17 KB of gzipped JavaScript): while a form holds unsaved changes, a push or replace to
 * another path (a link, a navigation in code) waits for "Leave without saving?", and Back or Forward
 * is undone before the router sees it, then redone if the person chooses Leave.
 */
function useHistoryGuard(): void {
  const { navigator } = useContext(UNSAFE_NavigationContext);
  const location = useLocation();

  useEffect(() => {
    const history = navigator as unknown as History;
    const { push, replace } = history;
    const guard =
      (go: Navigate): Navigate =>
      (to, ...rest) => {
        if (!hasUnsavedChanges() || pathOf(to) === window.location.pathname) return go(to, ...rest);
        void askToLeave().then((leave) => {
          if (!leave) return;
          releaseAll();
          go(to, ...rest);
        });
      };
    history.push = guard(push);
    history.replace = guard(replace);
    return () => {
      history.push = push;
      history.replace = replace;
    };
  }, [navigator]);

  // After every navigation (a new query or hash included: the entry's place in the history moves too).
  useEffect(() => {
    shown = { path: location.pathname, index: indexOf(window.history.state) };
  }, [location]);
}

/**
 * The one guard of unsaved changes (lib/unsaved.ts): while any form holds some, a link, Back or
 * Forward, or a navigation in code asks "Leave without saving?" (Stay keeps the work, Leave goes
 * on), and so does a reload or a closed tab (the browser's own question). Dialogs ask the same
 * question through it when closed with a dirty form in them.
 */
export function UnsavedChangesGuard() {
  const dirty = useSyncExternalStore(subscribe, hasUnsavedChanges);
  const question = useSyncExternalStore(subscribe, currentQuestion);
  useHistoryGuard();

  useEffect(() => {
    if (!dirty) return;
    window.addEventListener('beforeunload', warnBeforeUnload);
    return () => window.removeEventListener('beforeunload', warnBeforeUnload);
  }, [dirty]);

  return <LeaveDialog open={question !== null} onStay={() => question?.answer(false)} onLeave={() => question?.answer(true)} />;
}
