import type { Commitment } from '../../../shared/commitments';
import { useMe } from '../../app/session';
import { formatDate, formatDateTime, relativeTime } from '../../lib/format';
import { Badge } from '../../ui/Badge';

const STATUS_WORDS = { accepted: 'agreed', declined: 'declined', pending: 'waiting for an answer' } as const;
const BADGES = { accepted: 'Agreed', declined: 'Declined', pending: 'Waiting for an answer' } as const;

/** Every date the commitment has had: the original, then each change with who, when and why. */
export function DateHistory({ commitment: c }: { commitment: Commitment }) {
  const me = useMe();
  return (
    <div className="date-history">
      <h5>Date history</h5>
      <ol>
        <li>
          <span className="date-history-date">{formatDate(c.originalDueDate)}</span> <span className="muted">original date, set {formatDateTime(c.createdAt, me.user.timeZone)}</span>
        </li>
        {c.renegotiations.map((r) => (
          <li key={r.id}>
            <span className="date-history-date">
              {formatDate(r.fromDate)} → {formatDate(r.toDate)}
            </span>{' '}
            <Badge tone={r.status === 'accepted' ? (r.inAdvance ? 'success' : 'warning') : 'neutral'}>
              {r.status === 'accepted' ? (r.inAdvance ? 'Re-dated in advance' : 'Re-dated late') : BADGES[r.status]}
            </Badge>
            <div className="muted small">
              Asked by {r.requestedBy.name} ({r.requestedBy.side === 'customer' ? 'customer' : 'seller'}) <time dateTime={r.requestedAt} title={formatDateTime(r.requestedAt, me.user.timeZone)}>{relativeTime(r.requestedAt, me.user.timeZone)}</time>
              {r.decidedBy && r.decidedBy.name !== r.requestedBy.name ? ` · ${STATUS_WORDS[r.status]} by ${r.decidedBy.name}` : ''}
            </div>
            <div className="date-history-reason">“{r.reason}”</div>
            {r.note ? <div className="small">Note: “{r.note}”</div> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
