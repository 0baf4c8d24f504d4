import { useId, useState } from 'react';
import type { Commitment } from '../../../shared/commitments';
import type { Plan } from '../../../shared/plans';
import { useMe } from '../../app/session';
import { formatDate, formatDateTime } from '../../lib/format';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { FormAlert } from '../../ui/FormAlert';
import { Icon } from '../../ui/Icon';
import { CommitmentDialog } from './CommitmentDialog';
import { DateHistory } from '../renegotiations/DateHistory';
import { DropDialog } from './DropDialog';
import { MoveToMilestone } from '../plans/MoveToMilestone';
import { PendingDate } from '../renegotiations/PendingDate';
import { RedateDialog } from '../renegotiations/RedateDialog';
import { CommitmentToolbar, type Arrange } from './CommitmentToolbar';
import { SIDE_LABELS, STATE_LABELS, STATE_TONES, dueLine, ownerLine } from './commitmentWords';
import { useCommitmentStatus } from './useCommitmentStatus';

const MARKS = { open: null, done: 'check', missed: 'alert', dropped: 'x' } as const;

/** One commitment: what, who, by when and where it stands, with what the reader may do about it. */
export function CommitmentItem({ plan, commitment: c, arrange, defaultOpen = false }: { plan: Plan; commitment: Commitment; arrange: Arrange | null; defaultOpen?: boolean }) {
  const me = useMe();
  const titleId = useId();
  const moreId = useId();
  const [open, setOpen] = useState(defaultOpen);
  const [dialog, setDialog] = useState<'edit' | 'redate' | 'drop' | null>(null);
  const status = useCommitmentStatus(c);
  const canEdit = c.permissions.canEdit;
  const pending = c.renegotiations.filter((r) => r.status === 'pending');
  const mark = MARKS[c.state];

  return (
    <li className={`commitment commitment-${c.state}`} id={`c-${c.id}`}>
      <article aria-labelledby={titleId} className="commitment-row">
        <span className={`commitment-mark commitment-mark-${c.state}`} aria-hidden="true">
          {mark ? <Icon name={mark} size={14} /> : null}
        </span>
        <div className="commitment-main">
          <div className="commitment-heading">
            <h4 id={titleId} className="commitment-title">
              {c.title}
            </h4>
            <span className={`side-pill side-pill-${c.side}`}>{SIDE_LABELS[c.side]}</span>
            {c.mustDo ? <Badge tone="accent">Must do</Badge> : null}
            {c.internalOnly ? <Badge>Internal only</Badge> : null}
            {c.state !== 'open' ? <Badge tone={STATE_TONES[c.state]}>{STATE_LABELS[c.state]}</Badge> : null}
          </div>
          <p className="commitment-meta">
            <span>{ownerLine(c)}</span>
            <span className={c.state === 'missed' ? 'warning-text' : undefined}>
              <Icon name="calendar" size={13} /> {dueLine(c)}
            </span>
            {c.dueDate !== c.originalDueDate ? <span>first due {formatDate(c.originalDueDate)}</span> : null}
          </p>
          {pending.map((r) => (
            <PendingDate key={r.id} commitment={c} renegotiation={r} />
          ))}
          <CommitmentToolbar
            commitment={c}
            canRedate={pending.length === 0}
            status={status}
            arrange={arrange}
            open={open}
            moreId={moreId}
            onToggle={() => setOpen((o) => !o)}
            onRedate={() => setDialog('redate')}
          />
          <FormAlert message={status.message} tone="warning" />
          {open ? (
            <div className="commitment-more" id={moreId}>
              {c.detail ? <p className="pre-wrap">{c.detail}</p> : null}
              {c.owner.email ? <p className="small muted">Email: {c.owner.email}</p> : null}
              {c.status === 'done' && c.doneAt ? <p className="small">Done {formatDateTime(c.doneAt, me.user.timeZone)}.</p> : null}
              {c.status === 'dropped' && c.dropReason ? <p className="small">Dropped: “{c.dropReason}”</p> : null}
              <DateHistory commitment={c} />
              {canEdit || arrange ? (
                <div className="button-row commitment-more-actions">
                  {canEdit ? (
                    <Button size="sm" icon="edit" onClick={() => setDialog('edit')} aria-label={`Edit: ${c.title}`}>
                      Edit
                    </Button>
                  ) : null}
                  {canEdit && c.status === 'open' ? (
                    <Button size="sm" variant="ghost" icon="x" onClick={() => setDialog('drop')} aria-label={`Drop: ${c.title}`}>
                      Drop
                    </Button>
                  ) : null}
                  {arrange && plan.milestones.length > 0 ? <MoveToMilestone plan={plan} commitment={c} busy={arrange.busy} onMove={arrange.onMoveTo} /> : null}
                </div>
              ) : null}
            </div>
          ) : null}
        </div>
      </article>
      {dialog === 'edit' ? <CommitmentDialog plan={plan} commitment={c} open onClose={() => setDialog(null)} /> : null}
      {dialog === 'redate' ? <RedateDialog commitment={c} open onClose={() => setDialog(null)} /> : null}
      {dialog === 'drop' ? <DropDialog commitment={c} open onClose={() => setDialog(null)} /> : null}
    </li>
  );
}
