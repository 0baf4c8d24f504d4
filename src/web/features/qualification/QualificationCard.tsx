import { useEffect, useMemo, useRef } from 'react';
import { useLocation } from 'react-router';
import type { Opportunity } from '../../../shared/opportunities';
import { CHANGE_COMMITMENT_LABELS, CRITERION_ANSWER_LABELS, UpdateQualificationBody, type ChangeCommitment, type CriterionAnswer, type OpportunityQualification } from '../../../shared/qualification';
import { formatDate, formatMoney } from '../../lib/format';
import { Badge, type Tone } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { ErrorState, SkeletonLines } from '../../ui/States';
import { Detail } from '../records/RecordStates';
import { useEditToggle } from '../records/useEditToggle';
import { VersionedEditForm } from '../records/VersionedEditForm';
import { QUALIFICATION_ANCHOR, useQualification, useQualificationRefresh, useUpdateQualification } from './api';
import { QualificationFields } from './QualificationFields';
import { qualificationSpec } from './qualificationForm';
import '../../styles/qualification.css';

const LEVEL_TONES: Record<ChangeCommitment, Tone> = { none: 'neutral', stated: 'warning', evidenced: 'success' };
const ANSWER_TONES: Record<CriterionAnswer, Tone> = { met: 'success', not_met: 'danger', unknown: 'neutral' };

/** A deal's qualification on its page: fit, commitment to change with evidence, cost of inaction, compelling event. */
export function QualificationCard({ opportunity: o }: { opportunity: Opportunity }) {
  const query = useQualification(o.id);
  const edit = useEditToggle();
  const location = useLocation();
  const anchor = useRef<HTMLDivElement>(null);
  const canEdit = !!query.data?.permissions.canEdit && o.archivedAt === null;

  // Arriving from the stage's "record the commitment to change" (StageGateNote, with state.open): open the form here.
  const open = location.hash === `#${QUALIFICATION_ANCHOR}` && (location.state as { open?: boolean } | null)?.open === true;
  const loaded = query.data !== undefined;
  useEffect(() => {
    if (!open || !loaded) return;
    if (canEdit) edit.start();
    anchor.current?.scrollIntoView({ block: 'start' });
    anchor.current?.focus({ preventScroll: true });
    // Each click of the link is a new history entry (a new key): it opens the form again.
  }, [location.key, open, loaded, canEdit]);

  const title = 'Qualification';
  return (
    <div id={QUALIFICATION_ANCHOR} ref={anchor} tabIndex={-1} className="qualification-anchor">
      {query.isPending ? (
        <Card title={title}>
          <SkeletonLines lines={4} />
        </Card>
      ) : query.isError ? (
        <Card title={title}>
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        </Card>
      ) : edit.editing && canEdit ? (
        <Card title="Edit qualification">
          <QualificationForm record={query.data} accountId={o.account.id} onDone={edit.stop} />
        </Card>
      ) : (
        <Card
          title={title}
          actions={
            canEdit ? (
              <Button size="sm" variant="ghost" icon="edit" onClick={edit.start} aria-label="Edit qualification">
                Edit
              </Button>
            ) : null
          }
        >
          <QualificationSummary q={query.data} />
        </Card>
      )}
    </div>
  );
}

function QualificationForm({ record, accountId, onDone }: { record: OpportunityQualification; accountId: string; onDone: () => void }) {
  const update = useUpdateQualification(record.id);
  const refresh = useQualificationRefresh(record.id);
  // The checklist's fields are the deal's criteria: one spec per version of the record.
  const spec = useMemo(() => qualificationSpec(record), [record]);
  return (
    <VersionedEditForm
      spec={spec}
      record={record}
      schema={UpdateQualificationBody}
      noun="qualification"
      save={(body, handlers) => update.mutate(body, handlers)}
      saving={update.isPending}
      acceptCurrent={refresh}
      onDone={onDone}
    >
      {(form) => <QualificationFields form={form} record={record} accountId={accountId} />}
    </VersionedEditForm>
  );
}

function QualificationSummary({ q }: { q: OpportunityQualification }) {
  const active = q.criteria.filter((c) => !c.archived);
  const met = active.filter((c) => c.answer === 'met').length;
  const who = q.changeSaidByContact?.name ?? q.changeSaidByName;
  return (
    <dl className="details">
      <Detail label="Sweet-spot fit" wide>
        {q.criteria.length === 0 ? null : (
          <>
            <span className="small muted">
              {met} of {active.length} met
            </span>
            <ul className="fit-list">
              {q.criteria.map((c) => (
                <li key={c.criterionId}>
                  <span>
                    {c.label}
                    {c.archived ? ' (archived)' : ''}
                  </span>
                  <Badge tone={ANSWER_TONES[c.answer]}>{CRITERION_ANSWER_LABELS[c.answer]}</Badge>
                </li>
              ))}
            </ul>
          </>
        )}
      </Detail>
      <Detail label="Commitment to change" wide>
        <Badge tone={LEVEL_TONES[q.changeCommitment]}>{CHANGE_COMMITMENT_LABELS[q.changeCommitment]}</Badge>
        {q.changeEvidence ? <blockquote className="evidence pre-wrap">{q.changeEvidence}</blockquote> : null}
        {who || q.changeSaidOn ? <p className="small muted">{[who ? `Said by ${who}` : null, q.changeSaidOn ? `on ${formatDate(q.changeSaidOn)}` : null].filter(Boolean).join(' ')}</p> : null}
      </Detail>
      <Detail label="Cost of inaction" wide>
        {q.costOfInaction || q.costPerMonth ? (
          <>
            {q.costOfInaction ? <span className="pre-wrap">{q.costOfInaction}</span> : null}
            {q.costPerMonth ? <p className="small">{formatMoney(q.costPerMonth)} a month</p> : null}
          </>
        ) : null}
      </Detail>
      <Detail label="Compelling event" wide>
        {q.compellingEvent ? `${q.compellingEvent}${q.compellingEventDate ? ` · ${formatDate(q.compellingEventDate)}` : ''}` : null}
      </Detail>
      {q.stageGate ? (
        <Detail label="Stage gate" wide>
          {q.changeCommitment === 'evidenced'
            ? `Evidenced: the deal can move into “${q.stageGate.stage.name}” and beyond.`
            : `From “${q.stageGate.stage.name}” on, this deal needs an evidenced commitment to change${q.stageGate.reached ? ' to move further forward.' : '.'}`}
        </Detail>
      ) : null}
    </dl>
  );
}
