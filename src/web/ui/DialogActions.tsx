import { Button } from './Button';

/** Cancel and submit at the foot of a form inside a dialog. */
export function DialogActions({ onCancel, busy, label, variant = 'primary' }: { onCancel: () => void; busy: boolean; label: string; variant?: 'primary' | 'danger' }) {
  return (
    <div className="form-actions dialog-form-actions">
      <Button onClick={onCancel}>Cancel</Button>
      <Button type="submit" variant={variant} busy={busy}>
        {label}
      </Button>
    </div>
  );
}
