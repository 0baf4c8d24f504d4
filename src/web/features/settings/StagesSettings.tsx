import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { CreateStageBody, type Stage } from '../../../shared/stages';
import { createStage, updateStage } from '../../../shared/routes/operations/stages';
import { call, isApiError, type BodyOf } from '../../app/api';
import { directoryKeys, useStages } from '../../app/directory';
import { useMe } from '../../app/session';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { FormAlert } from '../../ui/FormAlert';
import { ErrorState, SkeletonLines } from '../../ui/States';
import { AddNamedItem } from './AddNamedItem';
import { OrderedNameRow } from './OrderedNameRow';

/** One PATCH per action: the server renumbers the other stages in the same transaction. */
export function useStageMutation(onError: (message: string) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: BodyOf<typeof updateStage> }) => call(updateStage, { params: { id }, body }),
    onSettled: () => void client.invalidateQueries({ queryKey: directoryKeys.stages }),
    onError: (err) => {
      if (isApiError(err, 'version_conflict')) onError('Someone else changed the stages a moment ago — here is the latest order. Try again.');
      else onError(isApiError(err) ? (err.details[0]?.message ?? err.message) : 'That did not work. Try again.');
    },
  });
}

export function StagesSettings() {
  const me = useMe();
  const stages = useStages();
  const [message, setMessage] = useState<string | null>(null);
  const mutation = useStageMutation(setMessage);
  const editable = me.capabilities.editStages;

  if (stages.isPending) return <Card title="Stages"><SkeletonLines lines={5} /></Card>;
  if (stages.isError) return <Card title="Stages"><ErrorState error={stages.error} onRetry={() => void stages.refetch()} /></Card>;

  // Positions count archived stages too; moving swaps with the neighbouring active stage.
  const all = [...stages.data].sort((a, b) => a.position - b.position);
  const active = all.filter((s) => s.archivedAt === null);
  const archived = all.filter((s) => s.archivedAt !== null);
  const move = (stage: Stage, direction: -1 | 1) => {
    const i = active.indexOf(stage);
    const neighbour = active[i + direction];
    if (!neighbour) return;
    setMessage(null);
    // From the order shown: if someone moved or added a stage meanwhile, nothing moves (409) and the page shows the latest.
    mutation.mutate({ id: stage.id, body: { position: all.indexOf(neighbour), basis: all.map((s) => s.id), version: stage.version } });
  };

  return (
    <>
      <Card title="Opportunity stages" flush>
        <p className="card-intro">
          The steps a deal moves through, in order. {editable ? 'Rename, reorder, add or archive them; archived stages keep their history and their deals.' : 'Only an admin can change them.'}
        </p>
        <div className="card-pad card-pad-tight">
          <FormAlert message={message} tone="warning" />
        </div>
        <ol className="stage-list">
          {active.map((s, i) => (
            <OrderedNameRow
              key={`${s.id}-${s.version}`}
              item={s}
              noun="stage"
              maxLength={80}
              index={i}
              editable={editable}
              first={i === 0}
              last={i === active.length - 1}
              busy={mutation.isPending}
              onMove={(d) => move(s, d)}
              onRename={(name) => {
                setMessage(null);
                mutation.mutate({ id: s.id, body: { name, version: s.version } });
              }}
              onArchive={() => {
                setMessage(null);
                mutation.mutate({ id: s.id, body: { archived: true, version: s.version } });
              }}
            />
          ))}
        </ol>
        {editable ? <AddStage onError={setMessage} /> : null}
      </Card>
      {archived.length > 0 ? (
        <Card title="Archived stages" flush>
          <ul className="stage-list">
            {archived.map((s) => (
              <li key={s.id} className="stage-row">
                <span className="stage-name muted">{s.name}</span>
                {editable ? (
                  <Button size="sm" variant="ghost" icon="restore" busy={mutation.isPending} onClick={() => mutation.mutate({ id: s.id, body: { archived: false, version: s.version } })} aria-label={`Restore stage ${s.name}`}>
                    Restore
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </>
  );
}

function AddStage({ onError }: { onError: (m: string | null) => void }) {
  const client = useQueryClient();
  const create = useMutation({
    mutationFn: (body: BodyOf<typeof createStage>) => call(createStage, { body }),
    onSettled: () => void client.invalidateQueries({ queryKey: directoryKeys.stages }),
  });
  return (
    <AddNamedItem
      field="name"
      schema={CreateStageBody}
      label="New stage"
      placeholder="e.g. Security review"
      button="Add stage"
      busy={create.isPending}
      onError={onError}
      submit={(body, { added, failed }) => create.mutate(body, { onSuccess: added, onError: failed })}
    />
  );
}
