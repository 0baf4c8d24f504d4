import { useState } from 'react';
import { Link } from 'react-router';
import type { CheckIn, CheckInCoaching } from '../../../shared/check-ins';
import { LADDER_QUESTION, LADDER_START_QUESTION } from '../../../shared/goals';
import { isApiError } from '../../app/api';
import { useMe } from '../../app/session';
import { clearedIfUnchanged, fromServer } from '../../lib/forms';
import { formatDateTime } from '../../lib/format';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { TextField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { useCoaching } from './api';
import { useUnsavedChanges } from '../../lib/unsaved';

/**
 * The why ladder, climbed in the check-in: the manager asks, the rep answers, the manager writes the
 * answers down. The ladder is the rep's — private to them unless they share it; the manager reads
 * what was said only while the session is open (server: check-ins/coaching.ts).
 */
export function CoachingCard({ checkIn: c }: { checkIn: CheckIn }) {
  const me = useMe();
  const coaching = c.coaching;
  if (!coaching && !c.permissions.canCoach) return null;
  const isRep = c.rep.id === me.user.id;
  return (
    <Card title="Why ladder">
      {!coaching ? <StartForm checkIn={c} /> : coaching.session ? <Session checkIn={c} coaching={coaching} isRep={isRep} /> : <Closed checkIn={c} coaching={coaching} />}
    </Card>
  );
}

const PRIVACY = (rep: string) => `The answers become ${rep}’s own why ladder: private to ${rep} unless ${rep} shares it with you. You see them only while this session is open.`;

function StartForm({ checkIn: c }: { checkIn: CheckIn }) {
  const coaching = useCoaching(c.id);
  const [answer, setAnswer] = useState('');
  const [error, setError] = useState<string | undefined>();
  const unsaved = useUnsavedChanges(answer.trim() !== '', answer);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (coaching.start.isPending) return;
        coaching.start.mutate(answer, { onSuccess: () => unsaved.markSaved(answer), onError: (err) => setError(fromServer(err, ['start']).fieldErrors.start ?? err.message) });
      }}
    >
      <p className="small muted">Help {c.rep.name} find what matters to them: ask “{LADDER_START_QUESTION}”, then “{LADDER_QUESTION}” again and again, until the answer stops changing. {PRIVACY(c.rep.name)}</p>
      <TextField label={`${c.rep.name}’s answer to “${LADDER_START_QUESTION}”`} name="start" required autoComplete="off" value={answer} onChange={setAnswer} error={error} />
      <Button type="submit" variant="primary" busy={coaching.start.isPending}>
        Start the ladder
      </Button>
    </form>
  );
}

function Session({ checkIn: c, coaching: k, isRep }: { checkIn: CheckIn; coaching: CheckInCoaching; isRep: boolean }) {
  const coaching = useCoaching(c.id);
  const [answer, setAnswer] = useState('');
  const [error, setError] = useState<string | undefined>();
  const s = k.session!;
  useUnsavedChanges(answer.trim() !== '', answer);
  const failed = coaching.add.error ?? coaching.close.error;
  return (
    <>
      <p className="small muted">{isRep ? 'Your answers, climbed with your manager. The ladder is yours: private to you unless you share it.' : PRIVACY(c.rep.name)}</p>
      <ol className="check-in-ladder">
        {s.rungs.map((r, i) => (
          <li key={r.position}>
            <span className="small muted">{i === 0 ? LADDER_START_QUESTION : LADDER_QUESTION}</span> <span>{r.answer}</span>
            {r.repeatOf !== null ? <span className="small muted"> — the same as answer {s.rungs.findIndex((x) => x.position === r.repeatOf) + 1}: it has stopped changing.</span> : null}
          </li>
        ))}
      </ol>
      {s.state === 'ended' && s.proposedWhy ? (
        <p>
          Proposed why: <strong>{s.proposedWhy}</strong>
          {isRep ? '' : ` — ${c.rep.name} saves it (or words it better) on their Goals page.`}
        </p>
      ) : null}
      {k.canAddRungs && s.state === 'climbing' ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (coaching.add.isPending) return;
            coaching.add.mutate(
              { answer, version: s.ladderVersion },
              { onSuccess: () => setAnswer(clearedIfUnchanged(answer)), onError: (err) => setError(fromServer(err, ['answer']).fieldErrors.answer) },
            );
          }}
        >
          <TextField label={`“${LADDER_QUESTION}” — about “${s.askAbout ?? ''}”`} name="answer" required autoComplete="off" value={answer} onChange={setAnswer} error={error} />
          <div className="form-actions form-actions-start">
            <Button type="submit" variant="primary" busy={coaching.add.isPending}>
              Add the answer
            </Button>
            <Button busy={coaching.close.isPending} onClick={() => coaching.close.mutate({ stoppedChanging: true, version: s.ladderVersion })}>
              The answer has stopped changing
            </Button>
          </div>
        </form>
      ) : null}
      {k.canAddRungs ? (
        <Button variant="ghost" busy={coaching.close.isPending} onClick={() => coaching.close.mutate({ stoppedChanging: false })}>
          End the session
        </Button>
      ) : null}
      {isRep && k.ladderId ? (
        <p>
          <Link to={`/goals/whys/${k.ladderId}`}>Open your why ladder</Link>
        </p>
      ) : null}
      <FormAlert message={failed && !error ? (isApiError(failed, 'version_conflict') ? 'The ladder changed a moment ago — here it is now.' : failed.message) : null} />
    </>
  );
}

function Closed({ checkIn: c, coaching: k }: { checkIn: CheckIn; coaching: CheckInCoaching }) {
  const me = useMe();
  const coach = k.startedBy.id === me.user.id;
  return (
    <>
      <p>
        {coach ? 'You' : k.startedBy.name} climbed a why ladder with {c.rep.name} on {formatDateTime(k.startedAt, me.user.timeZone)}. It is {c.rep.name}’s, private to them
        {k.ladderId ? ' — and they shared it with you.' : ' unless they share it with their manager.'}
      </p>
      {k.ladderId ? (
        <p>
          <Link to={`/goals/whys/${k.ladderId}`}>Read {c.rep.name}’s why</Link>
        </p>
      ) : null}
    </>
  );
}
