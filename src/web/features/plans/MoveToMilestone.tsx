import { useId, useState } from 'react';
import type { Commitment } from '../../../shared/commitments';
import type { Plan } from '../../../shared/plans';
import { Button } from '../../ui/Button';

const NONE = 'none';

/** A plain select and a button: choosing an option never moves anything until the person says so. */
export function MoveToMilestone({ plan, commitment: c, busy, onMove }: { plan: Plan; commitment: Commitment; busy: boolean; onMove: (milestoneId: string | null) => void }) {
  const id = useId();
  const current = c.milestoneId && plan.milestones.some((m) => m.id === c.milestoneId) ? c.milestoneId : NONE;
  const options = [...plan.milestones.map((m) => ({ value: m.id, label: m.title })), { value: NONE, label: 'No milestone' }].filter((o) => o.value !== current);
  const [target, setTarget] = useState(options[0]?.value ?? NONE);
  const chosen = options.some((o) => o.value === target) ? target : (options[0]?.value ?? NONE);
  return (
    <div className="move-to">
      <label htmlFor={id} className="sr-only">
        Move “{c.title}” to milestone
      </label>
      <select id={id} className="input" value={chosen} onChange={(e) => setTarget(e.target.value)} disabled={busy}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Button size="sm" busy={busy} onClick={() => onMove(chosen === NONE ? null : chosen)} aria-label={`Move “${c.title}” to the chosen milestone`}>
        Move
      </Button>
    </div>
  );
}
