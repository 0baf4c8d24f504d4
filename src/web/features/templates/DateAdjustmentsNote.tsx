import { useLocation } from 'react-router';
import type { DateAdjustment } from '../../../shared/plans';
import { Icon } from '../../ui/Icon';

/** Right after a plan is made from a template: which template dates were moved, and why, in plain words. */
export function DateAdjustmentsNote() {
  const { state } = useLocation();
  const adjustments = (state as { dateAdjustments?: DateAdjustment[] } | null)?.dateAdjustments ?? [];
  if (adjustments.length === 0) return null;
  return (
    <div className="alert alert-info" role="status">
      <Icon name="calendar" />
      <div className="alert-body">
        <p>
          <strong>Some template dates were moved</strong> so that no date is in the past and no must-do is due in the first days.
        </p>
        <ul>
          {adjustments.map((a) => (
            <li key={`${a.kind}:${a.title}:${a.from}`}>{a.message}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}
