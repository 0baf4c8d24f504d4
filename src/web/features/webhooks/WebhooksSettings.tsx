import { useState } from 'react';
import type { WebhookEndpoint } from '../../../shared/webhooks';
import { useMe } from '../../app/session';
import { formatDateTime } from '../../lib/format';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Dialog } from '../../ui/Dialog';
import { FormAlert } from '../../ui/FormAlert';
import { EmptyState, ErrorState, errorMessage, SkeletonLines } from '../../ui/States';
import { useCreateWebhookEndpoint, useDeleteWebhookEndpoint, useRotateWebhookSecret, useSendWebhookTest, useUpdateWebhookEndpoint, useWebhookEndpoints } from './api';
import { DeliveryLog } from './DeliveryLog';
import { EndpointForm } from './EndpointForm';
import { SecretShownOnce } from './SecretShownOnce';

/**
 * Settings → Webhooks (admins): the endpoints Advance sends signed events to, each with its events,
 * its secret (shown once, rotated here), a test button and its delivery log.
 */
export function WebhooksSettings() {
  const me = useMe();
  const endpoints = useWebhookEndpoints();
  const create = useCreateWebhookEndpoint();
  const [adding, setAdding] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  return (
    <>
      <Card
        title="Webhooks"
        actions={
          <Button variant="primary" icon="plus" onClick={() => setAdding(true)}>
            Add endpoint
          </Button>
        }
      >
        <p className="field-hint">
          Advance POSTs each chosen event to your endpoints as JSON, signed with the endpoint’s secret (<code>Advance-Signature</code>). A failed delivery is retried
          with growing waits; after its last attempt it gives up, and you can deliver it again.
        </p>
        {endpoints.isPending ? <SkeletonLines lines={4} /> : null}
        {endpoints.isError ? <ErrorState error={endpoints.error} onRetry={() => void endpoints.refetch()} /> : null}
        {endpoints.data && endpoints.data.data.length === 0 ? <EmptyState title="No endpoints yet">Add one to send events to another tool.</EmptyState> : null}
      </Card>
      {endpoints.data?.data.map((e) => <EndpointCard key={e.id} endpoint={e} timeZone={me.user.timeZone} onSecret={setSecret} />)}
      <Dialog open={adding} onClose={() => setAdding(false)} title="Add a webhook endpoint">
        <EndpointForm
          busy={create.isPending}
          submitLabel="Add endpoint"
          onCancel={() => setAdding(false)}
          onSubmit={async (v) => {
            const made = await create.mutateAsync(v);
            setAdding(false);
            setSecret(made.secret);
          }}
        />
      </Dialog>
      <SecretShownOnce secret={secret} onClose={() => setSecret(null)} />
    </>
  );
}

function EndpointCard({ endpoint: e, timeZone, onSecret }: { endpoint: WebhookEndpoint; timeZone: string; onSecret: (s: string) => void }) {
  const update = useUpdateWebhookEndpoint();
  const rotate = useRotateWebhookSecret();
  const test = useSendWebhookTest();
  const remove = useDeleteWebhookEndpoint();
  const [editing, setEditing] = useState(false);
  const [confirm, setConfirm] = useState<'rotate' | 'delete' | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const failure = [update, rotate, test, remove].find((m) => m.isError)?.error;
  return (
    <Card
      title={e.description || e.url}
      actions={
        <Badge tone={e.enabled ? 'success' : 'neutral'}>{e.enabled ? 'Enabled' : 'Disabled'}</Badge>
      }
    >
      <dl className="details">
        <div>
          <dt>URL</dt>
          <dd className="webhook-url">{e.url}</dd>
        </div>
        <div>
          <dt>Events</dt>
          <dd>{e.events.join(', ')}</dd>
        </div>
        <div>
          <dt>Secret</dt>
          <dd>
            <code>{e.secretHint}</code>
            {e.previousSecretExpiresAt ? ` · the previous secret also signs until ${formatDateTime(e.previousSecretExpiresAt, timeZone)}` : ''}
          </dd>
        </div>
        {e.deadDeliveries > 0 ? (
          <div>
            <dt>Gave up</dt>
            <dd>{e.deadDeliveries === 1 ? '1 delivery' : `${e.deadDeliveries} deliveries`} (filter the log by “Gave up” to deliver again)</dd>
          </div>
        ) : null}
      </dl>
      {failure ? <FormAlert message={errorMessage(failure)} /> : null}
      {note ? <FormAlert tone="success" message={note} /> : null}
      <div className="form-actions">
        <Button
          busy={test.isPending}
          disabled={!e.enabled}
          onClick={() => test.mutate(e.id, { onSuccess: () => setNote('Test event queued: its answer appears in the log below within seconds.') })}
        >
          Send test
        </Button>
        <Button onClick={() => setEditing(true)}>Edit</Button>
        <Button busy={update.isPending} onClick={() => update.mutate({ id: e.id, body: { enabled: !e.enabled, version: e.version } })}>
          {e.enabled ? 'Disable' : 'Enable'}
        </Button>
        <Button onClick={() => setConfirm('rotate')}>Rotate secret</Button>
        <Button variant="danger" onClick={() => setConfirm('delete')}>
          Remove
        </Button>
      </div>
      <DeliveryLog endpointId={e.id} timeZone={timeZone} />
      <Dialog open={editing} onClose={() => setEditing(false)} title="Edit webhook endpoint">
        <EndpointForm
          initial={e}
          busy={update.isPending}
          submitLabel="Save"
          onCancel={() => setEditing(false)}
          onSubmit={async (v) => {
            await update.mutateAsync({ id: e.id, body: { ...v, version: e.version } });
            setEditing(false);
          }}
        />
      </Dialog>
      <Dialog
        open={confirm !== null}
        onClose={() => setConfirm(null)}
        title={confirm === 'rotate' ? 'Rotate the signing secret?' : 'Remove this endpoint?'}
        footer={
          <>
            <Button onClick={() => setConfirm(null)}>Cancel</Button>
            <Button
              variant={confirm === 'delete' ? 'danger' : 'primary'}
              busy={rotate.isPending || remove.isPending}
              onClick={() => {
                if (confirm === 'rotate') rotate.mutate({ id: e.id, version: e.version }, { onSuccess: (r) => onSecret(r.secret), onSettled: () => setConfirm(null) });
                else remove.mutate({ id: e.id, version: e.version }, { onSettled: () => setConfirm(null) });
              }}
            >
              {confirm === 'rotate' ? 'Rotate secret' : 'Remove endpoint'}
            </Button>
          </>
        }
      >
        {confirm === 'rotate' ? (
          <p>A new secret is made and shown once. For 24 hours deliveries carry a signature with the old secret too, so your receiver can switch without losing events.</p>
        ) : (
          <p>Advance stops sending to {e.url}. Deliveries still waiting are skipped. This cannot be undone.</p>
        )}
      </Dialog>
    </Card>
  );
}
