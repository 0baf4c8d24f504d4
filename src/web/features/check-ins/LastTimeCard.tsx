import { Link } from 'react-router';
import type { CheckIn } from '../../../shared/check-ins';
import type { Commitment } from '../../../shared/commitments';
import { formatDate } from '../../lib/format';
import { Badge, type Tone } from '../../ui/Badge';
import { Card } from '../../ui/Card';

const OUTCOME_WORDS: Record<Commitment['outcome'], { label: string; tone: Tone }> = {
  kept_on_time: { label: 'Kept', tone: 'success' },
  kept_late: { label: 'Kept late', tone: 'success' },
  missed: { label: 'Missed', tone: 'warning' },
  open: { label: 'Open', tone: 'neutral' },
  dropped: { label: 'Dropped', tone: 'neutral' },
};

/** The actions agreed at the check-in before, and what became of each: the first thing to talk about. */
export function LastTimeCard({ checkIn: c }: { checkIn: CheckIn }) {
  const previous = c.previous;
  if (!previous) return null;
  return (
    <Card title="Actions from last time" flush>
      <p className="card-intro">
        Agreed at the <Link to={`/check-ins/${previous.id}`}>check-in of {formatDate(previous.localDate)}</Link>.
        {previous.actions.length === 0 ? ' Nothing was agreed then.' : ''}
      </p>
      {previous.actions.length ? (
        <ul className="check-in-last-time">
          {previous.actions.map((a) => {
            const words = OUTCOME_WORDS[a.outcome];
            return (
              <li key={a.id}>
                <div className="row-main">
                  <span>{a.title}</span>
                  <p className="row-sub">
                    {a.owner.name} · due {formatDate(a.dueDate)}
                  </p>
                </div>
                <div className="row-side">
                  <Badge tone={words.tone}>{words.label}</Badge>
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
    </Card>
  );
}
