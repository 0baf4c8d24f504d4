import type { Commitment } from '../../../shared/commitments';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
import type { useCommitmentStatus } from './useCommitmentStatus';

export type Arrange = {
  first: boolean;
  last: boolean;
  busy: boolean;
  onMove: (step: -1 | 1) => void;
  onMoveTo: (milestoneId: string | null) => void;
};

type Props = {
  commitment: Commitment;
  canRedate: boolean;
  status: ReturnType<typeof useCommitmentStatus>;
  arrange: Arrange | null;
  open: boolean;
  moreId: string;
  onToggle: () => void;
  onRedate: () => void;
};

/**
 * The everyday actions under a commitment. Each button's name carries the commitment's title, so a
 * screen reader's list of buttons (or a voice command) tells one "Mark done" from the next.
 */
export function CommitmentToolbar({ commitment: c, canRedate, status, arrange, open, moreId, onToggle, onRedate }: Props) {
  const canEdit = c.permissions.canEdit;
  // The button pressed disappears (Mark done becomes Reopen): keep keyboard focus on its successor.
  const refocus = () => requestAnimationFrame(() => document.querySelector<HTMLElement>(`#c-${c.id} [data-status-action]`)?.focus());
  return (
    <div className="commitment-actions">
      {canEdit && c.status === 'open' ? (
        <>
          <Button size="sm" icon="check" data-status-action busy={status.pendingStatus === 'done'} onClick={() => status.set('done', undefined, { onSuccess: refocus })} aria-label={`Mark done: ${c.title}`}>
            Mark done
          </Button>
          {canRedate ? (
            <Button size="sm" variant="ghost" icon="calendar" onClick={onRedate} aria-label={`Re-date: ${c.title}`}>
              Re-date
            </Button>
          ) : null}
        </>
      ) : null}
      {canEdit && c.status !== 'open' ? (
        <Button size="sm" variant="ghost" icon="restore" data-status-action busy={status.pendingStatus === 'open'} onClick={() => status.set('open', undefined, { onSuccess: refocus })} aria-label={`Reopen: ${c.title}`}>
          Reopen
        </Button>
      ) : null}
      <span className="commitment-tools">
        {arrange ? (
          <>
            <button type="button" className="icon-btn icon-btn-sm" data-move="up" disabled={arrange.first || arrange.busy} onClick={() => arrange.onMove(-1)} aria-label={`Move up: ${c.title}`} title="Move up">
              <Icon name="chevronUp" />
            </button>
            <button type="button" className="icon-btn icon-btn-sm" data-move="down" disabled={arrange.last || arrange.busy} onClick={() => arrange.onMove(1)} aria-label={`Move down: ${c.title}`} title="Move down">
              <Icon name="chevronDown" />
            </button>
          </>
        ) : null}
        <Button size="sm" variant="ghost" className="commitment-toggle" aria-expanded={open} aria-controls={open ? moreId : undefined} onClick={onToggle} aria-label={`Details: ${c.title}`}>
          Details
          <Icon name={open ? 'chevronUp' : 'chevronDown'} size={15} />
        </Button>
      </span>
    </div>
  );
}
