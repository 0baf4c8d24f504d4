import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { CheckInSeries } from '../../../shared/check-ins';
import { useMe } from '../../app/session';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { FormAlert } from '../../ui/FormAlert';
import { useOpenCheckIn, useUpdateSeries } from './api';
import { scheduleWords, whenWords } from './checkInWords';

/**
 * One running series: with whom, when it meets, the next check-in and whether its answers are in.
 * Opening the next check-in writes it (with the questions as they are now) and goes there.
 */
export function SeriesRow({ series: s }: { series: CheckInSeries }) {
  const me = useMe();
  const navigate = useNavigate();
  const open = useOpenCheckIn();
  const end = useUpdateSeries(s.id);
  const [ending, setEnding] = useState(false);
  const asRep = s.rep.id === me.user.id;
  const other = asRep ? s.manager.name : s.rep.name;
  const next = s.next;
  const go = () => {
    if (!next) return;
    if (next.checkInId) return navigate(`/check-ins/${next.checkInId}`);
    open.mutate({ seriesId: s.id, scheduledAt: next.scheduledAt }, { onSuccess: (c) => navigate(`/check-ins/${c.id}`) });
  };
  const label = asRep ? (next?.answersSubmitted ? 'Open the check-in' : 'Answer the questions') : 'Open the check-in';
  return (
    <li className="check-in-series">
      <div className="row-main">
        <h3 className="check-in-series-name">{asRep ? `With ${other}` : other}</h3>
        <p className="row-sub">{scheduleWords(s)}</p>
        {next ? (
          <p className="row-sub">
            Next: {whenWords({ ...next, timeZone: s.timeZone }, me.user.timeZone)}{' '}
            {next.answersSubmitted ? <Badge tone="success">Answers in</Badge> : <Badge>{asRep ? 'Not answered yet' : 'Answers not in yet'}</Badge>}
          </p>
        ) : null}
        <FormAlert message={open.error?.message ?? end.error?.message ?? null} />
      </div>
      <div className="row-side check-in-series-actions">
        {next ? (
          <Button size="sm" variant="primary" busy={open.isPending} onClick={go} aria-label={`${label}: ${asRep ? `with ${other}` : other}, ${whenWords({ ...next, timeZone: s.timeZone }, me.user.timeZone)}`}>
            {label}
          </Button>
        ) : null}
        <Link className="small" to={`/check-ins?series=${s.id}`}>
          History
        </Link>
        {s.permissions.canEdit ? (
          ending ? (
            <span className="check-in-end-confirm">
              <Button size="sm" variant="danger" busy={end.isPending} onClick={() => end.mutate({ ended: true, version: s.version })}>
                End these check-ins
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setEnding(false)}>
                Keep them
              </Button>
            </span>
          ) : (
            <Button size="sm" variant="ghost" onClick={() => setEnding(true)} aria-label={`End the check-ins with ${other}`}>
              End…
            </Button>
          )
        ) : null}
      </div>
    </li>
  );
}
