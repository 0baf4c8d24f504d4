import { useState } from 'react';
import { clearedIfUnchanged } from '../../lib/forms';
import type { CheckIn, CheckInNote } from '../../../shared/check-ins';
import { isApiError } from '../../app/api';
import { useMe } from '../../app/session';
import { formatDateTime } from '../../lib/format';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { CheckField } from '../../ui/CheckField';
import { TextAreaField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { useAddNote, useUpdateNote } from './api';
import { useUnsavedChanges } from '../../lib/unsaved';

/**
 * Notes: each private to its author (nobody else reads it, admins included) or shared with the rep.
 * The rep sees the shared ones; the manager writes them and can share or unshare each.
 */
export function NotesCard({ checkIn: c }: { checkIn: CheckIn }) {
  if (!c.permissions.canManage && c.notes.length === 0) return null;
  return (
    <Card title={c.permissions.canManage ? 'Notes' : `Notes from ${c.manager.name}`} flush>
      {c.notes.length ? (
        <ul className="check-in-notes">
          {c.notes.map((n) => (
            <Note key={n.id} note={n} checkIn={c} />
          ))}
        </ul>
      ) : null}
      {c.permissions.canManage ? (
        <div className="card-pad">
          <NoteForm checkIn={c} />
        </div>
      ) : null}
    </Card>
  );
}

function Note({ note: n, checkIn: c }: { note: CheckInNote; checkIn: CheckIn }) {
  const me = useMe();
  const update = useUpdateNote(c.id);
  const shared = n.visibility === 'shared';
  return (
    <li>
      <p className="pre-wrap">{n.body}</p>
      <p className="row-sub">
        {shared ? <Badge tone="accent">Shared with {c.rep.name}</Badge> : <Badge>Private — only you</Badge>} {n.author.name} · {formatDateTime(n.createdAt, me.user.timeZone)}
      </p>
      {n.permissions.canEdit ? (
        <Button size="sm" variant="ghost" busy={update.isPending} onClick={() => update.mutate({ id: n.id, body: { visibility: shared ? 'private' : 'shared', version: n.version } })}>
          {shared ? 'Make private' : `Share with ${c.rep.name}`}
        </Button>
      ) : null}
      <FormAlert message={update.error ? (isApiError(update.error, 'version_conflict') ? 'This note changed elsewhere a moment ago — here it is now.' : update.error.message) : null} />
    </li>
  );
}

function NoteForm({ checkIn: c }: { checkIn: CheckIn }) {
  const add = useAddNote(c.id);
  const [body, setBody] = useState('');
  const [share, setShare] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useUnsavedChanges(body.trim() !== '', body);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (add.isPending) return;
        if (!body.trim()) return setError('Write the note first.');
        setError(null);
        add.mutate({ body, visibility: share ? 'shared' : 'private' }, { onSuccess: () => setBody(clearedIfUnchanged(body)), onError: (err) => setError(err.message) });
      }}
    >
      <TextAreaField label="New note" name="note" required rows={3} value={body} onChange={setBody} error={error ?? undefined} />
      <CheckField label={`Share this note with ${c.rep.name}`} name="share" checked={share} onChange={setShare} hint={share ? `${c.rep.name} will read it.` : 'Private: only you will ever read it.'} />
      <Button type="submit" variant="primary" busy={add.isPending}>
        Add note
      </Button>
    </form>
  );
}
