import type { FocusFlag } from '../../../shared/focus-flags';
import { FOCUS_FLAG_LABELS } from '../../../shared/labels';
import { Badge } from '../../ui/Badge';

/** A deal's focus flags in the opportunity list: each label, and its reason in plain words. */
export function FlagsCell({ flags }: { flags: FocusFlag[] }) {
  return (
    <ul className="flags-cell">
      {flags.map((f) => (
        <li key={f.id}>
          <Badge tone="warning">{FOCUS_FLAG_LABELS[f.id]}</Badge>
          <span className="sub">{f.reason.charAt(0).toUpperCase() + f.reason.slice(1)}</span>
        </li>
      ))}
    </ul>
  );
}
