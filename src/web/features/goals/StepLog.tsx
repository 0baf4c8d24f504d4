import type { GoalStep } from '../../../shared/goals';
import { formatDate } from '../../lib/format';
import { Card } from '../../ui/Card';

/** Each step taken, newest first, with its date and what was learned. No list of future steps. */
export function StepLog({ steps }: { steps: GoalStep[] }) {
  const past = steps.filter((s) => s.status !== 'current');
  return (
    <Card title="Steps so far" flush>
      {past.length === 0 ? (
        <p className="card-intro">Your steps and what you learned from each will gather here.</p>
      ) : (
        <ol className="step-log">
          {past.map((s) => (
            <li key={s.id} className="step-log-item">
              <p className="step-log-head">
                <span className="step-log-text">{s.text}</span>
                <span className="muted small">{s.status === 'done' && s.doneOn ? formatDate(s.doneOn) : 'Set aside'}</span>
              </p>
              {s.lesson ? (
                <p className="step-log-lesson">
                  <span className="goal-step-label">Learned:</span> {s.lesson}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
