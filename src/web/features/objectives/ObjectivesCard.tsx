import { useState } from 'react';
import { Link } from 'react-router';
import { OBJECTIVE_KIND_LABELS, OBJECTIVE_STATUS_LABELS } from '../../../shared/objectives';
import { useMe } from '../../app/session';
import { formatDate, formatMoney, plural } from '../../lib/format';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { exportAccountObjectives } from '../../../shared/routes/operations/exports';
import { ExportLink } from '../records/ExportLink';
import { NewObjectiveForm } from './NewObjectiveForm';
import { useAccountObjectives } from './api';

/** An account's strategic objectives: what each aims for, by when, for how much, and the targets per currency. */
export function ObjectivesCard({ accountId, canAdd }: { accountId: string; canAdd: boolean }) {
  const objectives = useAccountObjectives(accountId);
  const [adding, setAdding] = useState(false);
  const me = useMe();
  const list = objectives.data?.data ?? [];
  return (
    <Card
      title="Objectives"
      actions={
        <>
          {list.length > 0 ? <ExportLink route={exportAccountObjectives} params={{ id: accountId }} label="Export objectives" /> : null}
          {canAdd && !adding ? <Button size="sm" icon="plus" onClick={() => setAdding(true)}>Add objective</Button> : null}
        </>
      }
    >
      {adding ? <NewObjectiveForm accountId={accountId} ownerId={me.user.id} onDone={() => setAdding(false)} /> : null}
      {objectives.isPending ? <p className="muted">Loading objectives…</p> : null}
      {objectives.isError ? <p className="warning-text">The objectives could not be loaded.</p> : null}
      {objectives.data && list.length === 0 && !adding ? (
        <p className="muted">No objective yet: what is the next major milestone with this customer — a new line of business, market or region?</p>
      ) : null}
      {list.length > 0 ? (
        <ul className="objective-list">
          {list.map((o) => (
            <li key={o.id}>
              <Link to={`/objectives/${o.id}`}>{o.title}</Link> <Badge tone={o.status === 'achieved' ? 'success' : o.status === 'missed' ? 'warning' : 'neutral'}>{OBJECTIVE_STATUS_LABELS[o.status]}</Badge>
              <p className="small muted">
                {OBJECTIVE_KIND_LABELS[o.kind]} · by {formatDate(o.targetDate)}
                {o.target ? ` · ${formatMoney(o.target)}` : ''} · {o.owner.name}
                {o.openTasks ? ` · ${o.openTasks} open ${plural(o.openTasks, 'task')}` : ''}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      {objectives.data && objectives.data.targets.length > 0 ? (
        <p className="small">
          Financial targets (not dropped): {objectives.data.targets.map((t) => formatMoney(t)).join(' + ')}
          {objectives.data.targets.length > 1 ? ' — in separate currencies, not added together.' : ''}
        </p>
      ) : null}
    </Card>
  );
}
