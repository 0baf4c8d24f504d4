import { useState } from 'react';
import { WEBHOOK_DELIVERY_STATUSES, type WebhookDeliveryStatus } from '../../../shared/webhook-events';
import type { WebhookDelivery } from '../../../shared/webhooks';
import { formatDateTime } from '../../lib/format';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { SelectField } from '../../ui/Field';
import { EmptyState, ErrorState, SkeletonLines } from '../../ui/States';
import { useRetryWebhookDelivery, useWebhookDeliveries, useWebhookDelivery } from './api';

const TONES = { pending: 'warning', delivered: 'success', dead: 'danger', skipped: 'neutral' } as const;
export const DELIVERY_LABELS: Record<WebhookDeliveryStatus, string> = { pending: 'Waiting', delivered: 'Delivered', dead: 'Gave up', skipped: 'Skipped' };

/** An endpoint's deliveries, newest first, a page at a time; each opens to its body and every attempt. */
export function DeliveryLog({ endpointId, timeZone }: { endpointId: string; timeZone: string }) {
  const [status, setStatus] = useState<WebhookDeliveryStatus | ''>('');
  const [cursors, setCursors] = useState<string[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  const cursor = cursors[cursors.length - 1];
  const log = useWebhookDeliveries(endpointId, status || undefined, cursor);
  return (
    <section className="webhook-log" aria-label="Delivery log">
      <h3>Delivery log</h3>
      <SelectField
        label="Show"
        name="delivery-status"
        options={WEBHOOK_DELIVERY_STATUSES.map((s) => ({ value: s, label: DELIVERY_LABELS[s] }))}
        placeholder="All deliveries"
        value={status}
        onChange={(v: string) => {
          setStatus(v as WebhookDeliveryStatus | '');
          setCursors([]);
        }}
      />
      {log.isPending ? <SkeletonLines lines={3} /> : null}
      {log.isError ? <ErrorState error={log.error} onRetry={() => void log.refetch()} /> : null}
      {log.data && log.data.data.length === 0 ? <EmptyState title="No deliveries yet">Send a test to see one here.</EmptyState> : null}
      {log.data && log.data.data.length > 0 ? (
        <ul className="mail-list">
          {log.data.data.map((d) => (
            <DeliveryRow key={d.id} delivery={d} timeZone={timeZone} open={open === d.id} onToggle={() => setOpen(open === d.id ? null : d.id)} />
          ))}
        </ul>
      ) : null}
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
    <li className="mail-row">
      <div className="mail-row-head">
        <button type="button" className="link-button mail-subject" aria-expanded={open} onClick={onToggle}>
          {d.eventType}
        </button>
        <Badge tone={TONES[d.status]}>{DELIVERY_LABELS[d.status]}</Badge>
      </div>
      <div className="row-sub">
        {formatDateTime(d.createdAt, timeZone)}
        {d.lastResponseStatus !== null ? ` · HTTP ${d.lastResponseStatus}` : ''}
        {d.lastDurationMs !== null ? ` · ${d.lastDurationMs} ms` : ''}
        {d.attempts ? ` · ${d.attempts} ${d.attempts === 1 ? 'attempt' : 'attempts'}` : ''}
        {d.nextAttemptAt && d.attempts > 0 ? ` · next try ${formatDateTime(d.nextAttemptAt, timeZone)}` : ''}
        {d.lastError && d.status !== 'delivered' ? ` · ${d.lastError}` : ''}
      </div>
      {d.status === 'dead' ? (
        <Button variant="secondary" busy={retry.isPending} onClick={() => retry.mutate(d.id)}>
          Deliver again
        </Button>
      ) : null}
      {open ? <DeliveryDetail id={d.id} timeZone={timeZone} /> : null}
    </li>
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
