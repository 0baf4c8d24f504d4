import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { GOAL_KIND_LABELS, type Goal } from '../../../shared/goals';
import { useTitle } from '../../lib/hooks';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { FormAlert } from '../../ui/FormAlert';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorState, errorMessage, PageLoading } from '../../ui/States';
import { HistoryCard } from '../records/HistoryCard';
import { useGoal, useUpdateGoal } from './api';
import { EditGoalDialog } from './EditGoalDialog';
import { MeasureCard } from './MeasureCard';
import { NextStepCard } from './NextStepCard';
import { NotesCard } from './NotesCard';
import { StepLog } from './StepLog';
import { periodWords, STATUS_WORDS } from './goalWords';
import './goals.css';

/** One what goal: its measure with n, its next step, the log of steps and lessons, notes, and its history. */
export function GoalPage() {
  const { id = '' } = useParams();
  const query = useGoal(id);
  useTitle(query.data?.title ?? 'Goal');
  if (query.isPending) return <PageLoading />;
  if (query.isError) {
    return (
      <div className="page">
        <PageHeader title="Goal" back={{ to: '/goals', label: 'Goals' }} />
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </div>
    );
  }
  const goal = query.data;
  const mine = goal.permissions.canTakeSteps;
  const canEdit = goal.permissions.canEditTerms || (mine && goal.currentStep !== null);
  const setBy = goal.setBy.id !== goal.owner.id ? ` · set by ${goal.setBy.name}` : '';
  return (
    <div className="page">
      <PageHeader
        title={goal.title}
        back={{ to: mine ? '/goals' : `/goals?rep=${goal.owner.id}`, label: 'Goals' }}
        badge={
          <>
            <Badge tone="accent">{GOAL_KIND_LABELS[goal.kind]}</Badge> {goal.stretch ? <Badge tone="neutral">Stretch</Badge> : null}{' '}
            {goal.status !== 'active' ? <Badge tone={goal.status === 'done' ? 'success' : 'neutral'}>{STATUS_WORDS[goal.status]}</Badge> : null}
          </>
        }
        actions={canEdit ? <EditGoal goal={goal} /> : null}
        meta={
          <span>
            {mine ? '' : `${goal.owner.name} · `}
            {periodWords(goal.periodStart, goal.periodEnd)}
            {setBy}
          </span>
        }
      />
      <div className="record-layout">
        <div>
          <NextStepCard goal={goal} />
          <StepLog steps={goal.steps} />
          <NotesCard goal={goal} />
        </div>
        <div>
          <MeasureCard goal={goal} />
          {goal.why ? (
            <Card title="The why it serves">
              <p className="why-text">
                <Link to={`/goals/whys/${goal.why.id}`}>{goal.why.why ?? 'Your why (not saved yet)'}</Link>
              </p>
            </Card>
          ) : null}
          {mine && goal.status === 'active' ? <CloseGoal id={goal.id} version={goal.version} /> : null}
          <GoalHistory goal={goal} />
        </div>
      </div>
    </div>
  );
}

/**
 * Who changed what and when: the goal's terms, each step and what it taught, the notes — the same
 * history card as plans and objectives. The server leaves out the why a goal serves (private).
 */
function GoalHistory({ goal }: { goal: Goal }) {
  const steps = useMemo(() => Object.fromEntries(goal.steps.map((s) => [s.id, s.text])), [goal.steps]);
  return <HistoryCard resource="goals" id={goal.id} noun="goal" currency={goal.targetAmount?.currency ?? goal.measureAmount?.currency} stepNames={steps} />;
}

function EditGoal({ goal }: { goal: Goal }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon="edit" onClick={() => setOpen(true)}>
        Edit
      </Button>
      <EditGoalDialog goal={goal} open={open} onClose={() => setOpen(false)} />
    </>
  );
}

/** Closing a goal: done, or set aside (never "failed"). Its step log stays. */
function CloseGoal({ id, version }: { id: string; version: number }) {
  const update = useUpdateGoal(id);
  const [error, setError] = useState<string | null>(null);
  const close = (status: 'done' | 'dropped') => update.mutate({ status, version }, { onError: (err) => setError(errorMessage(err)) });
  return (
    <Card title="Close the goal">
      <p className="muted small close-hint">Reached it, or no longer the right goal? Either way its steps and lessons stay.</p>
      <FormAlert message={error} />
      <div className="button-row">
        <Button busy={update.isPending && update.variables?.status === 'done'} onClick={() => close('done')}>
          Mark as done
        </Button>
        <Button variant="ghost" busy={update.isPending && update.variables?.status === 'dropped'} onClick={() => close('dropped')}>
          Set aside
        </Button>
      </div>
    </Card>
  );
}
