import { useId } from 'react';
import { PLAN_VIEWS, PLAN_VIEW_LABELS, type PlanView } from '../../../shared/team-view';

/** Mine · My team · Everyone: one click between whose plans and commitments a page shows. */
export function ViewSwitch({ value, onChange, label = 'Show' }: { value: PlanView; onChange: (v: PlanView) => void; label?: string }) {
  const name = useId();
  return (
    <fieldset className="view-switch">
      <legend className="view-switch-legend">{label}</legend>
      <div className="view-switch-options">
        {PLAN_VIEWS.map((v) => (
          <label key={v} className={v === value ? 'view-switch-option is-on' : 'view-switch-option'}>
            <input type="radio" name={name} value={v} checked={v === value} onChange={() => onChange(v)} />
            <span>{PLAN_VIEW_LABELS[v]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
