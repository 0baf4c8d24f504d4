import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { LADDER_START_QUESTION, type WhyLadderSummary } from '../../../shared/goals';
import { fromServer } from '../../lib/forms';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { TextField } from '../../ui/Field';
import { EmptyState, ErrorState, SkeletonLines } from '../../ui/States';
import { useStartWhy, useWhys } from './api';
import { useUnsavedChanges } from '../../lib/unsaved';

function WhyRow({ why }: { why: WhyLadderSummary }) {
  return (
    <li className="goal-row">
      <div className="goal-row-head">
        <Link to={`/goals/whys/${why.id}`} className="goal-row-title">
          {why.why ?? (why.state === 'ended' ? why.proposedWhy : `Still climbing: ${why.askAbout}`)}
        </Link>
        {!why.permissions.canEdit ? null : why.sharedWithManager ? <Badge tone="accent">Shared with your manager</Badge> : <Badge tone="neutral">Private</Badge>}
      </div>
      <p className="goal-row-meta">{why.why ? `Found in ${why.rungCount} answers` : why.state === 'ended' ? 'Your why is ready to save' : `${why.rungCount} ${why.rungCount === 1 ? 'answer' : 'answers'} so far`}</p>
    </li>
  );
}

function StartLadder() {
  const [start, setStart] = useState('');
  const [error, setError] = useState<string | undefined>();
  const startWhy = useStartWhy();
  const navigate = useNavigate();
  const unsaved = useUnsavedChanges(start.trim() !== '', start);
  return (
    <form
      className="why-start"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!start.trim()) return setError('Write what you want, in a few words.');
        startWhy.mutate(start.trim(), {
          onSuccess: (l) => {
            unsaved.markSaved(start);
            void navigate(`/goals/whys/${l.id}`);
          },
          onError: (err) => setError(fromServer(err, ['start']).fieldErrors.start ?? fromServer(err, ['start']).formError),
        });
      }}
    >
      <TextField label={LADDER_START_QUESTION} name="start" required value={start} error={error} onChange={(v) => (setStart(v), setError(undefined))} placeholder="e.g. Hit my quota" hint="Then ask yourself “What will that get you?” until the answer stops changing." />
      <Button type="submit" variant="primary" busy={startWhy.isPending}>
        Find my why
      </Button>
    </form>
  );
}

/** Your whys — private unless you share them with your manager — or the whys a rep shared with you. */
export function WhyCard({ ownerId, mine, ownerName }: { ownerId: string | undefined; mine: boolean; ownerName?: string }) {
  const whys = useWhys(ownerId);
  return (
    <Card title={mine ? 'Your why' : 'Whys shared with you'} flush>
      {mine ? <p className="card-intro">Private: only you see it, unless you share it with your manager.</p> : null}
      {whys.isPending ? (
        <SkeletonLines lines={3} padded />
      ) : whys.isError ? (
        <ErrorState error={whys.error} onRetry={() => void whys.refetch()} />
      ) : whys.data.data.length ? (
        <ul className="goal-rows">
          {whys.data.data.map((w) => (
            <WhyRow key={w.id} why={w} />
          ))}
        </ul>
      ) : mine ? null : (
        <EmptyState icon="sparkles" title="Nothing shared">
          {ownerName ?? 'They'} has not shared a why with you. That is theirs to choose.
        </EmptyState>
      )}
      {mine ? (
        <div className="card-pad">
          <StartLadder />
        </div>
      ) : null}
    </Card>
  );
}
