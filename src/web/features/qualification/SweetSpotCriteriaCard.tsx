import { useState } from 'react';
import { CreateSweetSpotCriterionBody, CRITERION_LABEL_MAX, type SweetSpotCriterion } from '../../../shared/qualification';
import { isApiError } from '../../app/api';
import { useMe } from '../../app/session';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { FormAlert } from '../../ui/FormAlert';
import { ErrorState, SkeletonLines } from '../../ui/States';
import { AddNamedItem } from '../settings/AddNamedItem';
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
  const change = (c: SweetSpotCriterion, body: { label?: string; position?: number; basis?: string[]; archived?: boolean }) => {
    setMessage(null);
    update.mutate({ id: c.id, body: { ...body, version: c.version } }, { onError: (err) => setMessage(failure(err)) });
  };
  const move = (c: SweetSpotCriterion, direction: -1 | 1) => {
    const neighbour = active[active.indexOf(c) + direction];
    // From the order shown: if someone moved or added a criterion meanwhile, nothing moves (409) and the card shows the latest.
    if (neighbour) change(c, { position: all.indexOf(neighbour), basis: all.map((x) => x.id) });
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
  return (
    <AddNamedItem
      field="label"
      schema={CreateSweetSpotCriterionBody}
      label="New criterion"
      placeholder="e.g. Has a budget approved this year"
      button="Add criterion"
      busy={create.isPending}
      onError={onError}
      submit={(body, { added, failed }) => create.mutate(body, { onSuccess: added, onError: (err) => (isApiError(err, 'version_conflict') ? onError(failure(err)) : failed(err)) })}
    />
  );
}
