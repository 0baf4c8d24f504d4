import { useState } from 'react';
import { WEBHOOK_DELIVERY_STATUSES, type WebhookDeliveryStatus } from '../../../shared/webhook-events';
import type { WebhookDelivery } from '../../../shared/webhooks';
import { formatDateTime } from '../../lib/format';
import { Button } from '../../ui/Button';
import { OutboxList, OutboxRow, StatusFilter } from '../../ui/OutboxLog';
import { EmptyState, ErrorState, SkeletonLines } from '../../ui/States';
import { useRetryWebhookDelivery, useWebhookDeliveries, useWebhookDelivery } from './api';

const TONES = { pending: 'warning', delivered: 'success', dead: 'danger', skipped: 'neutral' } as const;
export const DELIVERY_LABELS: Record<WebhookDeliveryStatus, string> = { pending: 'Waiting', delivered: 'Delivered', dead: 'Gave up', skipped: 'Skipped' };

/** An endpoint's deliveries, newest first, a page at a time; each opens to its body and every attempt. */
export function DeliveryLog({ endpointId, timeZone }: { endpointId: string; timeZone: string }) {
  const [status, setStatus] = useState<WebhookDeliveryStatus | ''>('');
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors[cursors.length - 1];
  const log = useWebhookDeliveries(endpointId, status || undefined, cursor);
  return (
    <section className="webhook-log" aria-label="Delivery log">
      <h3>Delivery log</h3>
      <StatusFilter
        name="delivery-status"
        statuses={WEBHOOK_DELIVERY_STATUSES}
        labels={DELIVERY_LABELS}
        all="All deliveries"
        value={status}
        onChange={(v) => {
          setStatus(v);
          setCursors([]);
        }}
      />
      <OutboxList
        query={log}
        skeletonLines={3}
        empty={<EmptyState title="No deliveries yet">Send a test to see one here.</EmptyState>}
        row={(d, open, onToggle) => <DeliveryRow key={d.id} delivery={d} timeZone={timeZone} open={open} onToggle={onToggle} />}
      />
      <div className="form-actions">
        {cursors.length > 0 ? <Button onClick={() => setCursors(cursors.slice(0, -1))}>Newer</Button> : null}
        {log.data?.nextCursor ? <Button onClick={() => setCursors([...cursors, log.data!.nextCursor!])}>Older</Button> : null}
      </div>
    </section>
  );
}

function DeliveryRow({ delivery: d, timeZone, open, onToggle }: { delivery: WebhookDelivery; timeZone: string; open: boolean; onToggle: () => void }) {
  const retry = useRetryWebhookDelivery();
  return (
    <OutboxRow
      title={d.eventType}
      tone={TONES[d.status]}
      label={DELIVERY_LABELS[d.status]}
      facts={
        <>
          {formatDateTime(d.createdAt, timeZone)}
          {d.lastResponseStatus !== null ? ` · HTTP ${d.lastResponseStatus}` : ''}
          {d.lastDurationMs !== null ? ` · ${d.lastDurationMs} ms` : ''}
          {d.attempts ? ` · ${d.attempts} ${d.attempts === 1 ? 'attempt' : 'attempts'}` : ''}
          {d.nextAttemptAt && d.attempts > 0 ? ` · next try ${formatDateTime(d.nextAttemptAt, timeZone)}` : ''}
          {d.lastError && d.status !== 'delivered' ? ` · ${d.lastError}` : ''}
        </>
      }
      again={d.status === 'dead' ? { label: 'Deliver again', busy: retry.isPending, onClick: () => retry.mutate(d.id) } : null}
      open={open}
      onToggle={onToggle}
    >
      <DeliveryDetail id={d.id} timeZone={timeZone} />
    </OutboxRow>
  );
}

function DeliveryDetail({ id, timeZone }: { id: string; timeZone: string }) {
  const detail = useWebhookDelivery(id);
  if (detail.isPending) return <SkeletonLines lines={3} />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const d = detail.data;
  return (
    <div className="mail-body">
      <p className="field-hint">
        Event id <code>{d.eventId}</code> (the Advance-Event-Id header, the same on every attempt)
      </p>
      <h4 className="mail-part">Body</h4>
      <pre className="mail-text" tabIndex={0}>
        {JSON.stringify(JSON.parse(d.body), null, 2)}
      </pre>
      <h4 className="mail-part">Attempts</h4>
      {d.attemptLog.length === 0 ? <p className="field-hint">Not attempted yet.</p> : null}
      <ol className="webhook-attempts">
        {d.attemptLog.map((a, i) => (
          <li key={`${a.at}-${i}`}>
            {formatDateTime(a.at, timeZone)} · {a.responseStatus !== null ? `HTTP ${a.responseStatus}` : 'no answer'} · {a.durationMs} ms{a.error ? ` · ${a.error}` : ''}
            {a.responseExcerpt ? (
              <pre className="mail-text" tabIndex={0}>
                {a.responseExcerpt}
              </pre>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
