import { useId, useState } from 'react';
import { PLAN_VIEWS, PLAN_VIEW_LABELS, type PlanView } from '../../../shared/team-view';

/**
 * Mine · My team · Everyone: one click between whose plans and commitments a page shows.
 * The choice lives in the URL, and a navigation may be held in a transition while the next list
 * loads; the radio shows the person's choice at once instead of snapping back until then.
 */
export function ViewSwitch({ value, onChange, label = 'Show' }: { value: PlanView; onChange: (v: PlanView) => void; label?: string }) {
  const name = useId();
  const [chosen, setChosen] = useState<{ from: PlanView; to: PlanView } | null>(null);
  // A choice is shown until the value it was made from changes (the URL caught up, or moved on).
  const shown = chosen && chosen.from === value ? chosen.to : value;
  return (
    <fieldset className="view-switch">
      <legend className="view-switch-legend">{label}</legend>
      <div className="view-switch-options">
        {PLAN_VIEWS.map((v) => (
          <label key={v} className={v === shown ? 'view-switch-option is-on' : 'view-switch-option'}>
            <input
              type="radio"
              name={name}
              value={v}
              checked={v === shown}
              onChange={() => {
                setChosen({ from: value, to: v });
                onChange(v);
              }}
            />
            <span>{PLAN_VIEW_LABELS[v]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
