import { useState } from 'react';
import { CreateSweetSpotCriterionBody, CRITERION_LABEL_MAX, type SweetSpotCriterion } from '../../../shared/qualification';
import { isApiError } from '../../app/api';
import { useMe } from '../../app/session';
import { check } from '../../lib/forms';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { TextField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { ErrorState, SkeletonLines } from '../../ui/States';
import { OrderedNameRow } from '../settings/OrderedNameRow';
import { useCriteria, useCriterionMutations } from './api';

const failure = (err: unknown) =>
  isApiError(err, 'version_conflict')
    ? 'Someone else changed the criteria a moment ago — here is the latest list. Try again.'
    : isApiError(err)
      ? (err.details[0]?.message ?? err.message)
      : 'That did not work. Try again.';

/** The workspace's sweet-spot checklist: what makes a customer one we serve well. Admins keep it. */
export function SweetSpotCriteriaCard() {
  const me = useMe();
  const criteria = useCriteria();
  const { update } = useCriterionMutations();
  const [message, setMessage] = useState<string | null>(null);
  const editable = me.capabilities.editWorkspace;
  const title = 'Sweet-spot criteria';

  if (criteria.isPending) return <Card title={title}><SkeletonLines lines={3} /></Card>;
  if (criteria.isError) return <Card title={title}><ErrorState error={criteria.error} onRetry={() => void criteria.refetch()} /></Card>;

  const all = [...criteria.data].sort((a, b) => a.position - b.position);
  const active = all.filter((c) => c.archivedAt === null);
  const archived = all.filter((c) => c.archivedAt !== null);
  const change = (c: SweetSpotCriterion, body: { label?: string; position?: number; archived?: boolean }) => {
    setMessage(null);
    update.mutate({ id: c.id, body: { ...body, version: c.version } }, { onError: (err) => setMessage(failure(err)) });
  };
  const move = (c: SweetSpotCriterion, direction: -1 | 1) => {
    const neighbour = active[active.indexOf(c) + direction];
    if (neighbour) change(c, { position: all.indexOf(neighbour) });
  };

  return (
    <Card title={title} flush>
      <p className="card-intro">
        Does the customer have a problem we solve well? Each deal answers these: met, not met or unknown.{' '}
        {editable ? 'Add, reword, reorder or archive them; archived criteria keep the answers deals gave.' : 'Only an admin can change them.'}
      </p>
      <div className="card-pad card-pad-tight">
        <FormAlert message={message} tone="warning" />
      </div>
      {active.length === 0 ? (
        <p className="card-pad muted small">No criteria yet{editable ? ': add the first below, e.g. “Runs more than one plant”.' : '.'}</p>
      ) : (
        <ol className="stage-list" aria-label="Sweet-spot criteria, in order">
        {active.map((c, i) => (
          <OrderedNameRow
            key={`${c.id}-${c.version}`}
            item={{ name: c.label }}
            noun="criterion"
            maxLength={CRITERION_LABEL_MAX}
            index={i}
            editable={editable}
            first={i === 0}
            last={i === active.length - 1}
            busy={update.isPending}
            onMove={(d) => move(c, d)}
            onRename={(label) => change(c, { label })}
            onArchive={() => change(c, { archived: true })}
          />
        ))}
        </ol>
      )}
      {archived.length > 0 ? (
        <ul className="stage-list" aria-label="Archived criteria">
          {archived.map((c) => (
            <li key={c.id} className="stage-row">
              <span className="stage-name muted">{c.label} (archived)</span>
              {editable ? (
                <Button size="sm" variant="ghost" icon="restore" busy={update.isPending} onClick={() => change(c, { archived: false })} aria-label={`Restore criterion ${c.label}`}>
                  Restore
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {editable ? <AddCriterion onError={setMessage} /> : null}
    </Card>
  );
}

function AddCriterion({ onError }: { onError: (m: string | null) => void }) {
  const { create } = useCriterionMutations();
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <form
      className="add-stage"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onError(null);
        const result = check(CreateSweetSpotCriterionBody, { label: label.trim() }, ['label'] as const);
        if (!result.ok) return setError(result.fieldErrors.label ?? result.other[0]);
        create.mutate(result.data, {
          onSuccess: () => setLabel(''),
          onError: (err) => {
            const detail = isApiError(err) ? err.details.find((d) => d.path === 'label') : undefined;
            if (detail) setError(detail.message);
            else onError(failure(err));
          },
        });
      }}
    >
      <div className="inline-form">
        <TextField
          label="New criterion"
          required
          autoComplete="off"
          placeholder="e.g. Has a budget approved this year"
          name="label"
          value={label}
          error={error}
          onChange={(v) => {
            setLabel(v);
            setError(undefined);
          }}
        />
        <Button type="submit" icon="plus" busy={create.isPending}>
          Add criterion
        </Button>
      </div>
    </form>
  );
}
