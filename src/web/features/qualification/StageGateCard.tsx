import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { StageGate } from '../../../shared/qualification';
import { isApiError } from '../../app/api';
import { activeStages, useStages } from '../../app/directory';
import { useMe } from '../../app/session';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { SelectField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { ErrorState, SkeletonLines } from '../../ui/States';
import { qualificationKeys, useStageGate, useUpdateStageGate } from './api';

const TITLE = 'Stage gate';
const OFF = '';

const describe = (gate: StageGate) =>
  gate.stage
    ? `On: moving a deal into “${gate.stage.name}”${gate.stage.archivedAt ? ' (archived)' : ''} or a later stage needs an evidenced commitment to change.`
    : 'Off: deals move through every stage freely.';

/**
 * The workspace's stage gate: from which stage on a deal needs an evidenced commitment to change.
 * A workspace setting, saved with the workspace's version (409 shows the latest).
 */
export function StageGateCard() {
  const me = useMe();
  const gate = useStageGate();
  const stages = useStages();
  if (gate.isPending || stages.isPending) return <Card title={TITLE}><SkeletonLines lines={2} /></Card>;
  if (gate.isError) return <Card title={TITLE}><ErrorState error={gate.error} onRetry={() => void gate.refetch()} /></Card>;
  if (stages.isError) return <Card title={TITLE}><ErrorState error={stages.error} onRetry={() => void stages.refetch()} /></Card>;
  if (!me.capabilities.editWorkspace) {
    return (
      <Card title={TITLE}>
        <p>{describe(gate.data)}</p>
        <p className="muted small settings-note">Only an admin can change it.</p>
      </Card>
    );
  }
  // Deals start in the first stage with no commitment yet: the gate can be any later stage.
  const options = [{ value: OFF, label: 'Off — no gate' }, ...activeStages(stages.data).slice(1).map((s) => ({ value: s.id, label: `From “${s.name}” on` }))];
  const current = gate.data.stage;
  if (current && !options.some((o) => o.value === current.id)) options.splice(1, 0, { value: current.id, label: `From “${current.name}” on (archived)` });
  return <StageGateForm gate={gate.data} options={options} />;
}

/** The choice stays the person's while the gate below it is read again (after a save, or the latest after a 409). */
function StageGateForm({ gate, options }: { gate: StageGate; options: { value: string; label: string }[] }) {
  const client = useQueryClient();
  const save = useUpdateStageGate();
  const [stageId, setStageId] = useState(gate.stage?.id ?? OFF);
  const [error, setError] = useState<string | undefined>();
  const [note, setNote] = useState<{ text: string; tone: 'success' | 'warning' } | null>(null);

  return (
    <Card title={TITLE}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setNote(null);
          setError(undefined);
          save.mutate(
            { stageId: stageId === OFF ? null : stageId, version: gate.version },
            {
              onSuccess: (saved) => setNote({ text: `Saved. ${describe(saved)}`, tone: 'success' }),
              onError: (err) => {
                if (isApiError(err, 'version_conflict') && err.current) {
                  client.setQueryData(qualificationKeys.gate, err.current as StageGate);
                  setNote({ text: `Someone else changed the workspace a moment ago. ${describe(err.current as StageGate)} Save again to apply your choice.`, tone: 'warning' });
                  return;
                }
                const detail = isApiError(err) ? err.details.find((d) => d.path === 'stageId') : undefined;
                if (detail) setError(detail.message);
                else setNote({ text: isApiError(err) ? err.message : 'That did not work. Try again.', tone: 'warning' });
              },
            },
          );
        }}
      >
        <FormAlert message={note?.text} tone={note?.tone} />
        <SelectField
          label="Require an evidenced commitment to change"
          required
          name="stageId"
          value={stageId}
          onChange={(v) => {
            setStageId(v);
            setError(undefined);
          }}
          options={options}
          error={error}
          hint="Moving a deal forwards into this stage or a later one — or creating it there — is refused until the customer’s commitment to change is evidenced: what they said or did, who said it and when. Moving back is always allowed."
        />
        <div className="form-actions form-actions-start">
          <Button type="submit" variant="primary" busy={save.isPending}>
            Save stage gate
          </Button>
        </div>
      </form>
    </Card>
  );
}
