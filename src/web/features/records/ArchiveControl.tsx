import { useState } from 'react';
import { isApiError } from '../../app/api';
import { useAcceptCurrent, useArchiveRecord, type ListedResource, type RecordOf } from '../../app/records';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { FormAlert } from '../../ui/FormAlert';

export type Archivable = { id: string; name: string; version: number; archivedAt: string | null };

/** Archive (with a confirmation) or restore a record; a stale version shows the latest instead. */
export function ArchiveControl<R extends ListedResource>({ resource, record, noun }: { resource: R; record: Archivable; noun: string }) {
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const mutation = useArchiveRecord(resource, record.id);
  const acceptCurrent = useAcceptCurrent(resource, record.id);
  const archived = record.archivedAt !== null;

  const run = (toArchived: boolean) => {
    setMessage(null);
    mutation.mutate(
      { archived: toArchived, version: record.version },
      {
        onSuccess: () => setConfirming(false),
        onError: (err) => {
          setConfirming(false);
          if (isApiError(err, 'version_conflict') && err.current) {
            acceptCurrent(err.current as RecordOf<R>);
            setMessage(`Someone else changed this ${noun} a moment ago — here is the latest. Check it, then try again.`);
          } else {
            setMessage(isApiError(err) ? err.message : 'That did not work. Try again.');
          }
        },
      },
    );
  };

  return (
    <>
      {archived ? (
        <Button icon="restore" busy={mutation.isPending} onClick={() => run(false)}>
          Restore
        </Button>
      ) : (
        <Button icon="archive" onClick={() => setConfirming(true)}>
          Archive
        </Button>
      )}
      {message ? (
        <div className="page-alert">
          <FormAlert message={message} tone="warning" />
        </div>
      ) : null}
      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={`Archive ${record.name}?`}
        footer={
          <>
            <Button onClick={() => setConfirming(false)}>Cancel</Button>
            <Button variant="danger" busy={mutation.isPending} onClick={() => run(true)}>
              Archive {noun}
            </Button>
          </>
        }
      >
        <p>Archived {noun}s leave the lists but keep all their history. You can restore this one at any time.</p>
      </Dialog>
    </>
  );
}
