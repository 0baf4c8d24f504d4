import { useId, useState, type ReactNode } from 'react';
import type { Milestone } from '../../../shared/plans';
import { isApiError } from '../../app/api';
import { formatDate } from '../../lib/format';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { FormAlert } from '../../ui/FormAlert';
import { Icon } from '../../ui/Icon';
import { useArchiveMilestone, usePlanRefresh } from './api';
import { MilestoneDialog } from './MilestoneDialog';

type Props = {
  planId: string;
  /** Null for the commitments that sit under no milestone. */
  milestone: Milestone | null;
  index: number;
  done: number;
  /** Commitments that still count (dropped ones left out). */
  total: number;
  count: number;
  arrange: { first: boolean; last: boolean; busy: boolean; onMove: (step: -1 | 1) => void } | null;
  onAdd: (() => void) | null;
  children: ReactNode;
};

/** A milestone and its commitments, in order, with progress and (for editors) its own controls. */
export function MilestoneGroup({ planId, milestone: m, index, done, total, count, arrange, onAdd, children }: Props) {
  const headingId = useId();
  const [dialog, setDialog] = useState<'edit' | 'archive' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const archive = useArchiveMilestone();
  const refresh = usePlanRefresh();
  const title = m ? m.title : 'Not in a milestone';

  return (
    <section className="milestone" aria-labelledby={headingId} id={m ? `m-${m.id}` : undefined}>
      <header className="milestone-header">
        {m ? <span className="stage-index" aria-hidden="true">{index + 1}</span> : null}
        <div className="milestone-title">
          <h3 id={headingId}>{title}</h3>
          <p className="muted small">
            {m?.dueDate ? `${formatDate(m.dueDate)} · ` : ''}
            {count === 0 ? 'No commitments yet' : `${done} of ${total} done`}
          </p>
        </div>
        {m && arrange ? (
          <div className="milestone-actions">
            <button type="button" className="icon-btn icon-btn-sm" data-move="up" disabled={arrange.first || arrange.busy} onClick={() => arrange.onMove(-1)} aria-label={`Move milestone up: ${m.title}`} title="Move up">
              <Icon name="chevronUp" />
            </button>
            <button type="button" className="icon-btn icon-btn-sm" data-move="down" disabled={arrange.last || arrange.busy} onClick={() => arrange.onMove(1)} aria-label={`Move milestone down: ${m.title}`} title="Move down">
              <Icon name="chevronDown" />
            </button>
            <button type="button" className="icon-btn icon-btn-sm" onClick={() => setDialog('edit')} aria-label={`Edit milestone: ${m.title}`} title="Edit">
              <Icon name="edit" size={16} />
            </button>
            <button type="button" className="icon-btn icon-btn-sm" onClick={() => setDialog('archive')} aria-label={`Archive milestone: ${m.title}`} title="Archive">
              <Icon name="archive" size={16} />
            </button>
          </div>
        ) : null}
      </header>
      <FormAlert message={message} tone="warning" />
      {count > 0 ? <ol className="commitment-list">{children}</ol> : null}
      {onAdd ? (
        <div className="milestone-add">
          <button type="button" className="link-button small" onClick={onAdd}>
            <Icon name="plus" size={14} /> Add a commitment{m ? ` to ${m.title}` : ''}
          </button>
        </div>
      ) : null}
      {m && dialog === 'edit' ? <MilestoneDialog planId={planId} milestone={m} open onClose={() => setDialog(null)} /> : null}
      {m ? (
        <Dialog
          open={dialog === 'archive'}
          onClose={() => setDialog(null)}
          title={`Archive “${m.title}”?`}
          footer={
            <>
              <Button onClick={() => setDialog(null)}>Cancel</Button>
              <Button
                variant="danger"
                busy={archive.isPending}
                onClick={() =>
                  archive.mutate(
                    { id: m.id, version: m.version },
                    {
                      onSuccess: () => setDialog(null),
                      onError: (err) => {
                        setDialog(null);
                        refresh.all();
                        setMessage(isApiError(err, 'version_conflict') ? 'Someone else changed this milestone a moment ago — here is the latest. Check it, then try again.' : isApiError(err) ? err.message : 'That did not work. Try again.');
                      },
                    },
                  )
                }
              >
                Archive milestone
              </Button>
            </>
          }
        >
          <p>Its commitments stay on the plan, under no milestone. The history keeps everything.</p>
        </Dialog>
      ) : null}
    </section>
  );
}
