import { useState } from 'react';
import type { CommitmentSide } from '../../../shared/commitments';
import type { Plan } from '../../../shared/plans';
import { isApiError } from '../../app/api';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { FormAlert } from '../../ui/FormAlert';
import { EmptyState } from '../../ui/States';
import { usePlanRefresh, useSetLayout } from './api';
import { CommitmentDialog } from '../commitments/CommitmentDialog';
import { CommitmentItem } from '../commitments/CommitmentItem';
import { layoutOf, moveCommitment, moveMilestone, moveToMilestone, type Layout } from './layout';
import { MilestoneDialog } from './MilestoneDialog';
import { MilestoneGroup } from './MilestoneGroup';

type Adding = { kind: 'commitment'; side?: CommitmentSide; milestoneId: string | null } | { kind: 'milestone' } | null;

/**
 * Milestones and their commitments in order. Every reorder or move sends the whole new order in one
 * call (the server applies it in one transaction), then keeps keyboard focus on the moved control.
 */
export function PlanBoard({ plan, focusId }: { plan: Plan; focusId: string | null }) {
  const [adding, setAdding] = useState<Adding>(null);
  const [announce, setAnnounce] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const setLayout = useSetLayout(plan.id);
  const refresh = usePlanRefresh();
  const canArrange = plan.permissions.canEdit;
  const layout = layoutOf(plan);
  const byId = new Map(plan.commitments.map((c) => [c.id, c]));
  const milestoneById = new Map(plan.milestones.map((m) => [m.id, m]));

  const send = (next: Layout | null, done: string, focus: string) => {
    if (!next) return;
    setMessage(null);
    setLayout.mutate(
      { milestones: next, basis: layout },
      {
        onSuccess: () => {
          setAnnounce(done);
          // The moved row re-renders elsewhere: put focus back on the same control, or its neighbour.
          requestAnimationFrame(() => {
            const el = document.querySelector<HTMLElement>(focus);
            const target = el && !(el as HTMLButtonElement).disabled ? el : el?.parentElement?.querySelector<HTMLElement>('button:not(:disabled)');
            target?.focus();
          });
        },
        onError: (err) => {
          refresh.all();
          setMessage(
            // Someone else moved, added or removed something since this page read the plan (409), or the
            // layout no longer lists the plan's items (400): the page shows the plan as it is now.
            isApiError(err, 'version_conflict') || isApiError(err, 'validation_failed')
              ? 'The plan changed while you were arranging it — here is the latest. Try the move again.'
              : isApiError(err)
                ? err.message
                : 'That did not work. Try again.',
          );
        },
      },
    );
  };

  const groups = layout.filter((g) => g.id !== null || g.commitmentIds.length > 0 || plan.milestones.length === 0);
  const milestoneGroups = layout.filter((g) => g.id !== null);
  const empty = plan.commitments.length === 0 && plan.milestones.length === 0;

  return (
    <Card
      title="Who does what by when"
      className="plan-board"
      flush
      actions={
        plan.permissions.canEdit && !empty ? (
          <>
            <Button size="sm" icon="plus" onClick={() => setAdding({ kind: 'milestone' })}>
              Add milestone
            </Button>
            <Button size="sm" variant="primary" icon="plus" onClick={() => setAdding({ kind: 'commitment', milestoneId: null })}>
              Add commitment
            </Button>
          </>
        ) : null
      }
    >
      <p className="sr-only" role="status">
        {announce}
      </p>
      {message ? (
        <div className="card-pad card-pad-tight">
          <FormAlert message={message} tone="warning" />
        </div>
      ) : null}
      {empty ? (
        <EmptyState
          icon="plans"
          title="No commitments yet"
          action={
            plan.permissions.canEdit ? (
              <div className="button-row">
                <Button variant="primary" icon="plus" onClick={() => setAdding({ kind: 'commitment', milestoneId: null })}>
                  Add commitment
                </Button>
                <Button icon="plus" onClick={() => setAdding({ kind: 'milestone' })}>
                  Add milestone
                </Button>
              </div>
            ) : null
          }
        >
          Agree with the customer who does what by when — on both sides. Six to twenty commitments tend to work best.
        </EmptyState>
      ) : (
        groups.map((group) => {
          const m = group.id ? (milestoneById.get(group.id) ?? null) : null;
          const index = milestoneGroups.findIndex((g) => g.id === group.id);
          const items = group.commitmentIds.map((id) => byId.get(id)).filter((c) => c !== undefined);
          return (
            <MilestoneGroup
              key={group.id ?? 'none'}
              planId={plan.id}
              milestone={m}
              index={index}
              done={items.filter((c) => c.status === 'done').length}
              total={items.filter((c) => c.status !== 'dropped').length}
              count={items.length}
              arrange={
                canArrange && m
                  ? {
                      first: index === 0,
                      last: index === milestoneGroups.length - 1,
                      busy: setLayout.isPending,
                      onMove: (step) => send(moveMilestone(layout, m.id, step), `Moved milestone ${m.title} ${step < 0 ? 'up' : 'down'}.`, `#m-${m.id} [data-move="${step < 0 ? 'up' : 'down'}"]`),
                    }
                  : null
              }
              onAdd={plan.permissions.canEdit ? () => setAdding({ kind: 'commitment', milestoneId: group.id }) : null}
            >
              {items.map((c, i) => (
                <CommitmentItem
                  key={c.id}
                  plan={plan}
                  commitment={c}
                  defaultOpen={focusId === c.id}
                  arrange={
                    canArrange
                      ? {
                          first: i === 0,
                          last: i === items.length - 1,
                          busy: setLayout.isPending,
                          onMove: (step) => send(moveCommitment(layout, c.id, step), `Moved ${c.title} ${step < 0 ? 'up' : 'down'}.`, `#c-${c.id} [data-move="${step < 0 ? 'up' : 'down'}"]`),
                          onMoveTo: (milestoneId) =>
                            send(
                              moveToMilestone(layout, c.id, milestoneId),
                              `Moved ${c.title} to ${milestoneId ? (milestoneById.get(milestoneId)?.title ?? 'the milestone') : 'no milestone'}.`,
                              `#c-${c.id} .commitment-toggle`,
                            ),
                        }
                      : null
                  }
                />
              ))}
            </MilestoneGroup>
          );
        })
      )}
      {adding?.kind === 'commitment' ? <CommitmentDialog plan={plan} open side={adding.side} milestoneId={adding.milestoneId} onClose={() => setAdding(null)} /> : null}
      {adding?.kind === 'milestone' ? <MilestoneDialog planId={plan.id} open onClose={() => setAdding(null)} /> : null}
    </Card>
  );
}
