import { Link } from 'react-router';
import type { CheckInStatus } from '../../../shared/check-ins';
import { useMe } from '../../app/session';
import { Badge, type Tone } from '../../ui/Badge';
import { Card } from '../../ui/Card';
import { ErrorState, SkeletonLines } from '../../ui/States';
import { useCheckInHistory } from './api';
import { whenWords } from './checkInWords';

export const STATUS_WORDS: Record<CheckInStatus, { label: string; tone: Tone }> = {
  upcoming: { label: 'Upcoming', tone: 'accent' },
  held: { label: 'Held', tone: 'success' },
  skipped: { label: 'Skipped', tone: 'neutral' },
};

/** Check-ins opened so far, newest first, with how many of the actions agreed there are kept. */
export function CheckInHistory({ seriesId }: { seriesId?: string }) {
  const me = useMe();
  const history = useCheckInHistory(seriesId);
  return (
    <Card title="History" flush>
      {history.isPending ? (
        <SkeletonLines lines={3} padded />
      ) : history.isError ? (
        <ErrorState error={history.error} onRetry={() => void history.refetch()} />
      ) : history.data.data.length === 0 ? (
        <p className="card-intro">No check-in has been opened yet.</p>
      ) : (
        <ul className="check-in-history">
          {history.data.data.map((c) => {
            const other = c.rep.id === me.user.id ? c.manager.name : c.manager.id === me.user.id ? c.rep.name : `${c.rep.name} with ${c.manager.name}`;
            return (
              <li key={c.id}>
                <div className="row-main">
                  <Link to={`/check-ins/${c.id}`}>{`${other} · ${whenWords(c, me.user.timeZone)}`}</Link>
                  <p className="row-sub">
                    {c.actions.total === 0 ? 'No actions agreed' : `${c.actions.done} of ${c.actions.total} ${c.actions.total === 1 ? 'action' : 'actions'} kept`}
                    {c.answersSubmitted ? ' · answers handed in' : ''}
                  </p>
                </div>
                <div className="row-side">
                  <Badge tone={STATUS_WORDS[c.status].tone}>{STATUS_WORDS[c.status].label}</Badge>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
