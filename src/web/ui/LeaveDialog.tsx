import { useId, useLayoutEffect, useRef } from 'react';
import { buttonClass } from './Button';

/**
 * "Leave without saving?" — asked before typed work is lost (app/UnsavedChangesGuard.tsx). A modal
 * alert dialog: Stay is focused, so Enter or Escape keeps the work; Leave drops it.
 */
export function LeaveDialog({ open, onStay, onLeave }: { open: boolean; onStay: () => void; onLeave: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const stayRef = useRef<HTMLButtonElement>(null);
  const shown = useRef(false);
  const titleId = useId();
  const textId = useId();

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    shown.current = open;
    if (open && !dialog.open) {
      // On top of any dialog already open (the top layer keeps the order they were opened in).
      dialog.showModal();
      stayRef.current?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="dialog"
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      onCancel={(e) => {
        e.preventDefault();
        onStay();
      }}
      onClose={(e) => {
        // Closed by the browser (a second Escape it would not let the page refuse): that is Stay too.
        if (shown.current && !e.currentTarget.open) onStay();
      }}
    >
      {open ? (
        <div className="dialog-body">
          <header className="dialog-header">
            <h2 id={titleId}>Leave without saving?</h2>
          </header>
          <div className="dialog-content">
            <p id={textId}>What you typed here is not saved yet. If you leave now, it is lost.</p>
          </div>
          <footer className="dialog-footer">
            <button type="button" className={buttonClass('secondary')} onClick={onLeave}>
              Leave
            </button>
            <button type="button" ref={stayRef} className={buttonClass('primary')} onClick={onStay}>
              Stay
            </button>
          </footer>
        </div>
      ) : null}
    </dialog>
  );
}
