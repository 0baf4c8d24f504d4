import { useMutation } from '@tanstack/react-query';
import { exportWorkspace } from '../../../shared/routes/operations/exports';
import { downloadFile, isApiError } from '../../app/api';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { FormAlert } from '../../ui/FormAlert';

/** Admins: the whole workspace as one zip (JSON of every record and its history, and a CSV per entity). */
export function WorkspaceExportCard() {
  const run = useMutation({ mutationFn: () => downloadFile(exportWorkspace, { body: {} }) });
  return (
    <Card title="Export everything">
      <p className="muted small">
        One zip with every record of this workspace and its history (workspace.json) and a CSV file per kind of record. Password and token hashes, sessions and the mail
        outbox are never in it, nor anyone else’s private whys, private check-in notes and check-in answers not yet handed in. Each export is recorded in the audit trail; a few are allowed per hour.
      </p>
      <FormAlert message={run.isError ? (isApiError(run.error) ? run.error.message : 'The export failed. Try again in a moment.') : null} />
      {run.isSuccess ? (
        <p className="small" role="status">
          Downloaded {run.data}.
        </p>
      ) : null}
      <div className="button-row">
        <Button icon="download" busy={run.isPending} onClick={() => run.mutate()}>
          Download workspace (zip)
        </Button>
      </div>
    </Card>
  );
}
