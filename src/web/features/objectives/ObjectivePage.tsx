import { useState } from 'react';
import { clearedIfUnchanged } from '../../lib/forms';
import { Link, useParams } from 'react-router';
import { OBJECTIVE_KIND_LABELS, OBJECTIVE_STATUS_LABELS, type Objective } from '../../../shared/objectives';
import { useUsers } from '../../app/directory';
import { useRecord } from '../../app/records';
import { useMe } from '../../app/session';
import { formatDate, formatDateTime, formatMoney } from '../../lib/format';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { HistoryCard } from '../records/HistoryCard';
import { RecordDetailsCard } from '../records/RecordDetailsCard';
import { RecordHeader } from '../records/RecordHeader';
import { RecordPage } from '../records/RecordPage';
import { Detail } from '../records/RecordStates';
import { TodayRow } from '../today/TodayRow';
import { useAddInsight, useAddTask, useContributors } from './api';
import { ObjectiveFields } from './ObjectiveFields';
import { objectiveSpec } from './objectiveForm';
import { useUnsavedChanges } from '../../lib/unsaved';

/** An account objective: what it aims for, who works on it, what they noticed, and the tasks they took on. */
export function ObjectivePage() {
  const { id = '' } = useParams();
  const query = useRecord('objectives', id);
  return (
    <RecordPage query={query} noun="objective" resource="objectives" title={query.data?.title ?? 'Objective'} back={{ to: '/accounts', label: 'Back to accounts' }}>
      {(o, page) => (
        <>
          <RecordHeader
            page={page}
            back={{ to: `/accounts/${o.account.id}`, label: o.account.name }}
            badges={<Badge tone={o.status === 'achieved' ? 'success' : o.status === 'missed' ? 'warning' : 'neutral'}>{OBJECTIVE_STATUS_LABELS[o.status]}</Badge>}
            meta={<Link to={`/accounts/${o.account.id}`}>{o.account.name}</Link>}
            updatedAt={o.updatedAt}
          />
          <div className="record-layout">
            <div>
              <RecordDetailsCard page={page} spec={objectiveSpec} fields={(form) => <ObjectiveFields form={form} accountId={o.account.id} currentOwner={o.owner} />}>
                <Detail label="Kind">{OBJECTIVE_KIND_LABELS[o.kind]}</Detail>
                <Detail label="Target date">{formatDate(o.targetDate)}</Detail>
                <Detail label="Financial target">{o.target ? formatMoney(o.target) : null}</Detail>
                <Detail label="Owner">{o.owner.name}</Detail>
                <Detail label="Client goal" wide>
                  {o.clientGoal ? <span className="pre-wrap">{o.clientGoal}</span> : null}
                </Detail>
                <Detail label="Opportunities" wide>
                  {o.opportunities.length ? (
                    <span>
                      {o.opportunities.map((d, i) => (
                        <span key={d.id}>
                          {i ? ', ' : ''}
                          <Link to={`/opportunities/${d.id}`}>{d.name}</Link> ({formatMoney(d.amount)})
                        </span>
                      ))}
                    </span>
                  ) : null}
                </Detail>
              </RecordDetailsCard>
              <TasksCard objective={o} />
              <InsightsCard objective={o} />
            </div>
            <div>
              <ContributorsCard objective={o} />
              <HistoryCard resource="objectives" id={o.id} noun="objective" currency={o.target?.currency} />
            </div>
          </div>
        </>
      )}
    </RecordPage>
  );
}

function TasksCard({ objective: o }: { objective: Objective }) {
  const me = useMe();
  const add = useAddTask(o.id);
  const [title, setTitle] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [ownerUserId, setOwner] = useState(me.user.id);
  useUnsavedChanges(title.trim() !== '' || dueDate !== '', `${title}\n${dueDate}`);
  const ref = { id: o.id, title: o.title, account: o.account };
  const people = [o.owner, ...o.contributors];
  const errorOf = (path: string) => (add.error && 'details' in add.error ? (add.error.details as { path: string; message: string }[]).find((d) => d.path === path)?.message : undefined);
  return (
    <Card title="Tasks">
      {o.tasks.length === 0 ? <p className="muted">No task yet. Each task is a commitment: an owner, a deliverable and a date, kept or re-dated in time.</p> : null}
      <ul className="today-list">
        {o.tasks.map((t) => (
          <TodayRow key={t.id} item={{ plan: null, objective: ref, commitment: t }} />
        ))}
      </ul>
      {o.permissions.canContribute ? (
        <form
          className="form-grid"
          aria-label="Take on a task"
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate({ title, dueDate, ownerUserId }, { onSuccess: () => { setTitle(clearedIfUnchanged(title)); setDueDate(clearedIfUnchanged(dueDate)); } });
          }}
        >
          <TextField className="span-2" name="title" label="Task" required value={title} onChange={setTitle} error={errorOf('title')} placeholder="e.g. Introduce our Munich partner" />
          <TextField name="dueDate" label="Due" type="date" required value={dueDate} onChange={setDueDate} error={errorOf('dueDate')} />
          {o.permissions.canEdit ? (
            <SelectField name="ownerUserId" label="Owner" required value={ownerUserId} onChange={setOwner} error={errorOf('ownerUserId')} options={people.map((p) => ({ value: p.id, label: p.id === me.user.id ? `${p.name} (me)` : p.name }))} />
          ) : null}
          <FormAlert message={add.error && !errorOf('title') && !errorOf('dueDate') && !errorOf('ownerUserId') ? add.error.message : null} />
          <div className="actions">
            <Button type="submit" variant="primary" busy={add.isPending}>Add task</Button>
          </div>
        </form>
      ) : null}
    </Card>
  );
}

function InsightsCard({ objective: o }: { objective: Objective }) {
  const add = useAddInsight(o.id);
  const [body, setBody] = useState('');
  useUnsavedChanges(body.trim() !== '', body);
  const me = useMe();
  return (
    <Card title="Insights">
      {o.insights.length === 0 ? <p className="muted">No insight yet: what do you know about this customer that helps reach it?</p> : null}
      <ul className="comment-list">
        {o.insights.map((i) => (
          <li key={i.id}>
            <p className="pre-wrap">{i.body}</p>
            <p className="small muted">
              {i.author.name} · <time dateTime={i.createdAt}>{formatDateTime(i.createdAt, me.user.timeZone ?? undefined)}</time>
            </p>
          </li>
        ))}
      </ul>
      {o.permissions.canContribute ? (
        <form
          className="stack"
          aria-label="Add an insight"
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate(body, { onSuccess: () => setBody(clearedIfUnchanged(body)) });
          }}
        >
          <TextAreaField name="body" label="Your insight" required rows={3} value={body} onChange={setBody} error={add.error?.message} />
          <div className="actions">
            <Button type="submit" busy={add.isPending}>Add insight</Button>
          </div>
        </form>
      ) : (
        <p className="small muted">Contributors add insights; ask {o.owner.name} to invite you.</p>
      )}
    </Card>
  );
}

function ContributorsCard({ objective: o }: { objective: Objective }) {
  const users = useUsers();
  const { add, remove } = useContributors(o.id);
  const [userId, setUserId] = useState('');
  const taken = new Set([o.owner.id, ...o.contributors.map((c) => c.id)]);
  const options = (users.data ?? []).filter((u) => !taken.has(u.id)).map((u) => ({ value: u.id, label: u.name }));
  return (
    <Card title="Contributors">
      {o.contributors.length === 0 ? <p className="muted">Only {o.owner.name} so far. Invite colleagues to add their perspective and take tasks.</p> : null}
      <ul className="plain-list">
        {o.contributors.map((c) => (
          <li key={c.id}>
            {c.name}{' '}
            {o.permissions.canEdit ? (
              <Button size="sm" variant="ghost" busy={remove.isPending && remove.variables === c.id} onClick={() => remove.mutate(c.id)} aria-label={`Remove ${c.name}`}>
                Remove
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {o.permissions.canEdit && options.length > 0 ? (
        <form
          className="stack"
          aria-label="Invite a contributor"
          onSubmit={(e) => {
            e.preventDefault();
            if (userId) add.mutate(userId, { onSuccess: () => setUserId(clearedIfUnchanged(userId)) });
          }}
        >
          <SelectField name="userId" label="Invite" value={userId} onChange={setUserId} options={options} placeholder="Choose a colleague" error={add.error?.message} />
          <div className="actions">
            <Button type="submit" busy={add.isPending} disabled={!userId}>Invite</Button>
          </div>
        </form>
      ) : null}
    </Card>
  );
}
