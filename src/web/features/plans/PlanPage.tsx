import { useEffect, useMemo, useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { daysBetween, todayIn } from '../../../domain/dates';
import type { Plan } from '../../../shared/plans';
import { useMe } from '../../app/session';
import { formatDate, plural } from '../../lib/format';
import { Button } from '../../ui/Button';
import { HistoryCard } from '../records/HistoryCard';
import { MetaLink } from '../records/MetaLink';
import { RecordHeader } from '../records/RecordHeader';
import { RecordPage, type RecordPageContext } from '../records/RecordPage';
import { usePlan } from './api';
import { ClosedPlanBanner } from './ClosedPlanBanner';
import { CommentsCard } from '../sharing/CommentsCard';
import { DateAdjustmentsNote } from '../templates/DateAdjustmentsNote';
import { HealthBadge, PlanStatusBadge } from './HealthBadge';
import { PlanBoard } from './PlanBoard';
import { PlanHealthPanel } from './PlanHealthPanel';
import { PlanOverview } from './PlanOverview';
import { ReliabilityCard } from '../commitments/ReliabilityCard';
import { SaveTemplateDialog } from '../templates/SaveTemplateDialog';
import { SharePanel } from '../sharing/SharePanel';
import '../../styles/plans.css';

export function PlanPage() {
  const { id = '' } = useParams();
  const query = usePlan(id);
  return (
    <RecordPage query={query} noun="plan" title={query.data?.title ?? 'Mutual plan'} back={{ to: '/plans', label: 'Back to plans' }} className="page plan-page">
      {(plan, page) => <PlanView plan={plan} page={page} />}
    </RecordPage>
  );
}

/** A link such as /plans/1#c-2 (from Today) opens that commitment and brings it into view. */
function useFocusedCommitment(plan: Plan): string | null {
  const { hash } = useLocation();
  const id = hash.startsWith('#c-') ? hash.slice(3) : null;
  const exists = id !== null && plan.commitments.some((c) => c.id === id);
  useEffect(() => {
    if (!exists) return;
    const t = setTimeout(() => document.getElementById(`c-${id}`)?.scrollIntoView({ block: 'center' }), 100);
    return () => clearTimeout(t);
  }, [id, exists]);
  return exists ? id : null;
}

/** Names the history needs beyond people: the plan's milestones, and the contacts who own its commitments. */
function useHistoryNames(plan: Plan) {
  return useMemo(
    () => ({
      milestones: Object.fromEntries(plan.milestones.map((m) => [m.id, m.title])),
      contacts: Object.fromEntries(plan.commitments.flatMap((c) => (c.owner.kind === 'contact' && c.owner.id ? [[c.owner.id, c.owner.name]] : []))),
    }),
    [plan.milestones, plan.commitments],
  );
}

function PlanView({ plan, page }: { plan: Plan; page: RecordPageContext<Plan> }) {
  const me = useMe();
  const [savingTemplate, setSavingTemplate] = useState(false);
  const focusId = useFocusedCommitment(plan);
  const counted = plan.commitments.filter((c) => c.state !== 'dropped');
  const count = (state: string) => plan.commitments.filter((c) => c.state === state).length;
  const daysLeft = daysBetween(todayIn(me.user.timeZone, new Date()), plan.targetDate);
  const names = useHistoryNames(plan);

  return (
    <>
      <RecordHeader
        page={page}
        back={{ to: `/opportunities/${plan.opportunity.id}`, label: plan.opportunity.name }}
        editLabel="Edit plan"
        badges={
          <>
            <PlanStatusBadge status={plan.status} /> <HealthBadge health={plan.health} status={plan.status} />
          </>
        }
        meta={
          <>
            <MetaLink icon="accounts" to={`/accounts/${plan.opportunity.account.id}`}>
              {plan.opportunity.account.name}
            </MetaLink>
            <MetaLink icon="opportunities" to={`/opportunities/${plan.opportunity.id}`}>
              {plan.opportunity.name}
            </MetaLink>
          </>
        }
        actions={
          <Button icon="copy" variant="ghost" onClick={() => setSavingTemplate(true)}>
            Save as template
          </Button>
        }
        notices={
          <>
            <DateAdjustmentsNote />
            <ClosedPlanBanner plan={plan} />
          </>
        }
        // A closed plan says so in its banner; "view only" would repeat it.
        showViewOnly={plan.status !== 'completed' && plan.status !== 'abandoned'}
        viewOnlyNote="Owners of commitments can tick off and re-date their own."
      />
      <div className="stat-grid">
        <div className="stat">
          <div className="stat-label">Target date</div>
          <div className="stat-value stat-value-sm">{formatDate(plan.targetDate)}</div>
          <div className="small muted">{daysLeft > 0 ? `in ${plural(daysLeft, 'day')}` : daysLeft === 0 ? 'today' : `${plural(-daysLeft, 'day')} ago`}</div>
        </div>
        <div className="stat">
          <div className="stat-label">Commitments</div>
          <div className="stat-value">{counted.length}</div>
          <div className="small muted">{count('open')} open</div>
        </div>
        <div className="stat">
          <div className="stat-label">Done</div>
          <div className="stat-value">{count('done')}</div>
        </div>
        <div className="stat">
          <div className="stat-label">Missed</div>
          <div className={count('missed') > 0 ? 'stat-value warning-text' : 'stat-value'}>{count('missed')}</div>
        </div>
      </div>
      <div className="record-layout">
        <div>
          <PlanHealthPanel plan={plan} />
          <PlanOverview plan={plan} editing={page.edit.editing} onDoneEditing={page.edit.stop} />
          <PlanBoard plan={plan} focusId={focusId} />
        </div>
        <div>
          <SharePanel plan={plan} />
          <ReliabilityCard planId={plan.id} />
          <CommentsCard planId={plan.id} />
          <HistoryCard resource="plans" id={plan.id} noun="plan" contactNames={names.contacts} milestoneNames={names.milestones} />
        </div>
      </div>
      {savingTemplate ? <SaveTemplateDialog plan={plan} onClose={() => setSavingTemplate(false)} /> : null}
    </>
  );
}
