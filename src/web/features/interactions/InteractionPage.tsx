import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ADVANCE_KIND_LABELS, FIRST_CALL_QUESTION, INTERACTION_RESULT_LABELS, OUTCOME_QUESTION, type Interaction } from '../../../shared/interactions';
import type { TodayItem } from '../../../shared/today';
import { useRecord } from '../../app/records';
import { useMe } from '../../app/session';
import { formatDateTime } from '../../lib/format';
import { Badge, type Tone } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { FormAlert } from '../../ui/FormAlert';
import { PageHeader } from '../../ui/PageHeader';
import { HistoryCard } from '../records/HistoryCard';
import { RecordDetailsCard } from '../records/RecordDetailsCard';
import { RecordPage, type RecordPageContext } from '../records/RecordPage';
import { Detail } from '../records/RecordStates';
import { TodayRow } from '../today/TodayRow';
import { useCancelInteraction } from './api';
import { InteractionFields } from './InteractionFields';
import { colleaguesOf, interactionSpec, interactionTitle, whenInWords } from './interactionForm';
import { RecordResultForm } from './RecordResultForm';
import '../../styles/plans.css';
import '../../styles/interactions.css';

const STATE_WORDS: Record<Interaction['state'], { label: string; tone: Tone }> = {
  upcoming: { label: 'Upcoming', tone: 'accent' },
  awaiting_result: { label: 'Record the outcome', tone: 'warning' },
  done: { label: 'Result recorded', tone: 'success' },
  cancelled: { label: 'Cancelled', tone: 'neutral' },
};
const RESULT_TONES: Record<string, Tone> = { advanced: 'success', continuation: 'neutral', no_advance: 'warning' };

/** One interaction: the advance it aims for, when and with whom, and — once it has happened — its result and the actions agreed. */
export function InteractionPage() {
  const { id = '' } = useParams();
  const query = useRecord('interactions', id);
  return (
    <RecordPage query={query} noun="interaction" resource="interactions" title={query.data ? interactionTitle(query.data) : 'Interaction'} back={{ to: '/today', label: 'Back to Today' }}>
      {(i, page) => <InteractionView interaction={i} page={page} />}
    </RecordPage>
  );
}

function InteractionView({ interaction: i, page }: { interaction: Interaction; page: RecordPageContext<Interaction> }) {
  const me = useMe();
  const cancel = useCancelInteraction(i.id);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const open = i.state !== 'cancelled';
  const canPlan = i.permissions.canEdit && open && !page.edit.editing;
  return (
    <>
      <PageHeader
        back={i.opportunity ? { to: `/opportunities/${i.opportunity.id}`, label: i.opportunity.name } : { to: `/accounts/${i.account.id}`, label: i.account.name }}
        title={interactionTitle(i)}
        badge={<Badge tone={STATE_WORDS[i.state].tone}>{STATE_WORDS[i.state].label}</Badge>}
        meta={
          <>
            <span>{whenInWords(i, me.user.timeZone)}</span>
            <span>
              <Link to={`/accounts/${i.account.id}`}>{i.account.name}</Link>
            </span>
            {i.opportunity ? (
              <span>
                <Link to={`/opportunities/${i.opportunity.id}`}>{i.opportunity.name}</Link>
              </span>
            ) : null}
            <span>{i.owner.name}</span>
          </>
        }
        actions={
          canPlan ? (
            <>
              <Button icon="edit" onClick={page.edit.start}>
                {i.state === 'upcoming' ? 'Move or re-plan' : 'Edit'}
              </Button>
              {i.state !== 'done' ? (
                <Button variant="ghost" onClick={() => setConfirmCancel(true)}>
                  Cancel it
                </Button>
              ) : null}
            </>
          ) : null
        }
      />
      {!i.permissions.canEdit ? <p className="muted small">Only {i.owner.name}, their manager or an admin can change it or record its result.</p> : null}
      {confirmCancel ? (
        <div className="alert alert-warning" role="alert">
          <div className="alert-body">
            Cancel this {i.kind}? It stays in the history as cancelled and never counts in the advance rate.
            <div className="alert-actions">
              <Button size="sm" variant="primary" busy={cancel.isPending} onClick={() => cancel.mutate(i.version, { onSuccess: () => setConfirmCancel(false) })}>
                Cancel the {i.kind}
              </Button>{' '}
              <Button size="sm" onClick={() => setConfirmCancel(false)}>
                Keep it
              </Button>
            </div>
            <FormAlert message={cancel.error?.message ?? null} />
          </div>
        </div>
      ) : null}
      <div className="record-layout">
        <div>
          <PlannedOutcomeCard interaction={i} />
          <ResultCard interaction={i} />
          <AgreedActionsCard interaction={i} />
        </div>
        <div>
          <RecordDetailsCard page={page} spec={interactionSpec} fields={(form) => <InteractionFields form={form} accountId={i.account.id} ownerId={i.owner.id} creating={false} />}>
            <Detail label="When">{whenInWords(i, me.user.timeZone)}</Detail>
            <Detail label="Duration">{i.durationMinutes ? `${i.durationMinutes} minutes` : null}</Detail>
            <Detail label="Opportunity">{i.opportunity ? <Link to={`/opportunities/${i.opportunity.id}`}>{i.opportunity.name}</Link> : null}</Detail>
            <Detail label="Objective">{i.objective ? <Link to={`/objectives/${i.objective.id}`}>{i.objective.title}</Link> : null}</Detail>
            <Detail label="Their people" wide>
              {i.attendees.filter((a) => a.kind === 'contact').map((a) => a.name).join(', ') || null}
            </Detail>
            <Detail label="Your colleagues" wide>
              {colleaguesOf(i).join(', ') || null}
            </Detail>
          </RecordDetailsCard>
          <HistoryCard resource="interactions" id={i.id} noun="interaction" />
        </div>
      </div>
    </>
  );
}

function PlannedOutcomeCard({ interaction: i }: { interaction: Interaction }) {
  const o = i.plannedOutcome;
  return (
    <Card title="Planned outcome">
      <p className="planned-kind">
        <Badge tone="accent">{ADVANCE_KIND_LABELS[o.kind]}</Badge>
      </p>
      <p className="small muted">{OUTCOME_QUESTION}</p>
      <p className="planned-statement pre-wrap">{o.statement}</p>
      {o.needsSeveralCalls ? (
        <>
          <p className="small muted">This outcome needs several calls. {FIRST_CALL_QUESTION}</p>
          <p className="pre-wrap">{o.firstCallGoal}</p>
        </>
      ) : null}
      {i.planningNotes ? (
        <>
          <h3 className="interaction-group">Planning notes</h3>
          <p className="pre-wrap">{i.planningNotes}</p>
        </>
      ) : null}
    </Card>
  );
}

function ResultCard({ interaction: i }: { interaction: Interaction }) {
  const me = useMe();
  const [correcting, setCorrecting] = useState(false);
  if (i.state === 'cancelled') return null;
  const r = i.result;
  return (
    <div id="result" className="interaction-result">
      <Card
        title="Result"
        actions={r && i.permissions.canEdit && !correcting ? <Button size="sm" icon="edit" onClick={() => setCorrecting(true)}>Correct the result</Button> : null}
      >
        {i.state === 'upcoming' ? <p className="muted">Once it has happened ({whenInWords(i, me.user.timeZone)}), record how it went: did the customer agree to the advance?</p> : null}
        {i.state === 'awaiting_result' && !i.permissions.canEdit ? <p className="muted">Waiting for {i.owner.name} to record how it went.</p> : null}
        {i.state === 'awaiting_result' && i.permissions.canEdit ? <RecordResultForm interaction={i} onDone={() => undefined} /> : null}
        {r && !correcting ? (
          <div className="stack">
            <p>
              <Badge tone={RESULT_TONES[r.result]}>{INTERACTION_RESULT_LABELS[r.result]}</Badge>
            </p>
            {r.agreed ? (
              <>
                <p className="small muted">What the customer agreed to</p>
                <p className="planned-statement pre-wrap">{r.agreed}</p>
              </>
            ) : null}
            {r.notes ? <p className="pre-wrap">{r.notes}</p> : null}
            <p className="small muted">
              Recorded {r.recordedBy ? `by ${r.recordedBy.name} ` : ''}on {formatDateTime(r.recordedAt, me.user.timeZone)}
            </p>
          </div>
        ) : null}
        {r && correcting ? <RecordResultForm interaction={i} onDone={() => setCorrecting(false)} /> : null}
      </Card>
    </div>
  );
}

/** The actions agreed in it, wherever they went: the deal's plan (with a link) or kept here. */
function AgreedActionsCard({ interaction: i }: { interaction: Interaction }) {
  if (i.agreedActions.length === 0) return null;
  const ref = { id: i.id, kind: i.kind, account: i.account };
  const planOf = (planId: string) => ({ id: planId, title: i.opportunityPlan?.id === planId ? i.opportunityPlan.title : 'Mutual plan', opportunity: i.opportunity ?? { id: '', name: '' } });
  return (
    <Card title="Agreed actions" flush>
      <p className="card-intro">
        {i.agreedActions.some((a) => a.planId) ? 'On the mutual plan, where both sides see them. ' : ''}
        Each is a commitment: kept, re-dated in advance or missed, and counted in reliability.
      </p>
      <ul className="today-list">
        {i.agreedActions.map((c) => {
          const item: TodayItem = c.planId ? { plan: planOf(c.planId), objective: null, commitment: c } : { plan: null, objective: null, interaction: ref, commitment: c };
          return <TodayRow key={c.id} item={item} />;
        })}
      </ul>
    </Card>
  );
}
