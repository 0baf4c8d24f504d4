import { useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { askToLeave, dialogClosed, dialogOpened, hasUnsavedChangesIn, releaseAll } from '../lib/unsaved';
import { Icon } from './Icon';

const FIRST_FIELD = '.dialog-content :is(input, select, textarea):not([disabled]):not([type="hidden"])';

/**
 * A modal built on the native <dialog>: the browser traps focus, closes on Escape and restores
 * focus to the opener, which is what keyboard users expect.
 *
 * Escape, the Close button and a click beside the dialog close it — after "Leave without saving?"
 * when a form in it holds unsaved changes (lib/unsaved.ts). The form's own Cancel button is an
 * explicit choice to drop what it holds, and closes it at once.
 */
export function Dialog({ open, onClose, title, children, footer }: { open: boolean; onClose: () => void; title: string; children: ReactNode; footer?: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // This dialog, for the registry of unsaved changes: forms that became dirty while it was on top.
  const [token] = useState(() => ({}));
  // Whether React means it to be open: a `close` event while it is, is the browser closing it alone.
  const shown = useRef(false);

  // A layout effect, so that unmounting closes the dialog before it leaves the page and the browser
  // returns focus to the button that opened it.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    shown.current = open;
    if (open && !dialog.open) {
      dialog.showModal();
      // The browser focuses the first thing it can, the Close button: a dialog with a form starts at
      // its first field instead, where a keyboard user means to type.
      dialog.querySelector<HTMLElement>(FIRST_FIELD)?.focus();
    }
    if (open) dialogOpened(token);
    if (!open && dialog.open) dialog.close();
    return () => {
      shown.current = false;
      dialogClosed(token);
      if (dialog.open) dialog.close();
    };
  }, [open, token]);

  /** Escape, Close or a click beside it: asks first when a form in it holds unsaved changes. */
  const requestClose = () => {
    if (!hasUnsavedChangesIn(token)) return onClose();
    void askToLeave().then((leave) => {
      if (!leave) return;
      releaseAll(token);
      onClose();
    });
  };

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        if (e.target !== e.currentTarget) return;
        e.preventDefault();
        // A second Escape with no click or key in between cannot be refused: the browser closes the
        // dialog, and `close` below deals with it.
        if (e.nativeEvent.cancelable) requestClose();
      }}
      onClose={(e) => {
        if (e.target !== e.currentTarget || !shown.current || e.currentTarget.open) return;
        // Closed by the browser while the page means it open: keep it open while the question is asked.
        if (hasUnsavedChangesIn(token)) {
          e.currentTarget.showModal();
          requestClose();
        } else {
          onClose();
        }
      }}
      onClick={(e) => {
        // A click on the backdrop lands on the <dialog> itself.
        if (e.target === e.currentTarget) requestClose();
      }}
    >
      {open ? (
        <div className="dialog-body">
          <header className="dialog-header">
            <h2 id={titleId}>{title}</h2>
            <button type="button" className="icon-btn" onClick={requestClose} aria-label="Close">
              <Icon name="x" />
            </button>
          </header>
          <div className="dialog-content">{children}</div>
          {footer ? <footer className="dialog-footer">{footer}</footer> : null}
        </div>
      ) : null}
    </dialog>
  );
}
