import { useState } from 'react';
import { CLOSE_REASON_REQUIRED, OPPORTUNITY_STATUS_LABELS, statusNeedsReason, type Opportunity, type OpportunityStatus } from '../../../shared/opportunities';
import { isApiError } from '../../app/api';
import { isReviewMode } from '../../app/reviewMode';
import { useAcceptCurrent, useUpdateRecord } from '../../app/records';
import { useMe } from '../../app/session';
import { formatDateTime } from '../../lib/format';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Dialog } from '../../ui/Dialog';
import { TextAreaField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { StatusBadge } from './StatusBadge';
import { useUnsavedChanges } from '../../lib/unsaved';

const TITLES: Record<OpportunityStatus, string> = {
  open: 'Reopen this opportunity?',
  won: 'Mark as won?',
  lost: 'Mark as lost',
  walked_away: 'Walk away from this deal',
};

/** Closing a deal (won, lost, walked away) or reopening it; lost and walked away need a reason. */
export function StatusCard({ opportunity: o }: { opportunity: Opportunity }) {
  const me = useMe();
  const [target, setTarget] = useState<OpportunityStatus | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [message, setMessage] = useState<string | null>(null);
  const update = useUpdateRecord('opportunities', o.id);
  const acceptCurrent = useAcceptCurrent('opportunities', o.id);
  // A reason typed in the open dialog (it is emptied when the dialog opens again).
  const unsaved = useUnsavedChanges(target !== null && statusNeedsReason(target) && reason.trim() !== '', reason);

  const open = (status: OpportunityStatus) => {
    setTarget(status);
    setReason('');
    setReasonError(undefined);
    setMessage(null);
  };

  const apply = () => {
    if (!target) return;
    const needs = statusNeedsReason(target);
    if (needs && !reason.trim()) return setReasonError(CLOSE_REASON_REQUIRED);
    update.mutate(
      { status: target, closeReason: needs ? reason.trim() : null, version: o.version },
      {
        onSuccess: () => {
          unsaved.markSaved(reason);
          setTarget(null);
        },
        onError: (err) => {
          if (isApiError(err, 'version_conflict') && err.current) {
            acceptCurrent(err.current as Opportunity);
            setTarget(null);
            setMessage('Someone else changed this opportunity a moment ago — here is the latest. Check it, then try again.');
            return;
          }
          const detail = isApiError(err) ? err.details.find((d) => d.path === 'closeReason') : undefined;
          if (detail) setReasonError(detail.message);
          else setMessage(isApiError(err) ? err.message : 'That did not work. Try again.');
        },
      },
    );
  };

  return (
    <Card title="Status">
      <FormAlert message={message} tone="warning" />
      <div className="status-now">
        <StatusBadge status={o.status} />
        {o.closedAt ? <span className="muted small">since {formatDateTime(o.closedAt, me.user.timeZone)}</span> : null}
      </div>
      {o.closeReason && !isReviewMode() ? <p className="status-reason pre-wrap">“{o.closeReason}”</p> : null}
      <div className="button-row status-actions">
        {o.status === 'open' ? (
          <>
            <Button size="sm" icon="check" onClick={() => open('won')}>
              Mark as won
            </Button>
            <Button size="sm" onClick={() => open('lost')}>
              Mark as lost
            </Button>
            <Button size="sm" variant="ghost" onClick={() => open('walked_away')}>
              Walk away
            </Button>
          </>
        ) : (
          <Button size="sm" icon="restore" onClick={() => open('open')}>
            Reopen
          </Button>
        )}
      </div>
      <Dialog
        open={target !== null}
        onClose={() => setTarget(null)}
        title={target ? TITLES[target] : ''}
        footer={
          <>
            <Button onClick={() => setTarget(null)}>Cancel</Button>
            <Button variant="primary" busy={update.isPending} onClick={apply}>
              {target === 'open' ? 'Reopen' : `Mark as ${target ? OPPORTUNITY_STATUS_LABELS[target].toLowerCase() : ''}`}
            </Button>
          </>
        }
      >
        {target && statusNeedsReason(target) ? (
          <TextAreaField
            label="Reason"
            name="closeReason"
            required
            rows={4}
            value={reason}
            onChange={(v) => {
              setReason(v);
              setReasonError(undefined);
            }}
            error={reasonError}
            hint="What happened, in a sentence or two. It is what the retrospective learns from — a lost deal can still follow a good process."
          />
        ) : target === 'won' ? (
          <p>Well done. {o.name} moves to won and leaves the open pipeline.</p>
        ) : (
          <p>{o.name} goes back into the open pipeline; its close reason is cleared.</p>
        )}
      </Dialog>
    </Card>
  );
}
