import { useState, type FormEvent } from 'react';
import { WEBHOOK_EVENT_TYPES, WEBHOOK_EVENTS, type WebhookEventGroup, type WebhookEventType } from '../../../shared/webhook-events';
import type { WebhookEndpoint } from '../../../shared/webhooks';
import { fromServer } from '../../lib/forms';
import { DialogActions } from '../../ui/DialogActions';
import { CheckField } from '../../ui/CheckField';
import { TextField } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { useUnsavedChanges } from '../../lib/unsaved';

const GROUPS: WebhookEventGroup[] = ['Commitments', 'Mutual plans', 'Interactions', 'Opportunities'];
const FIELDS = ['url', 'description', 'events'] as const;
type Field = (typeof FIELDS)[number];

export type EndpointFormValues = { url: string; description: string | null; events: WebhookEventType[] };

/** The address, a description and the events of an endpoint (new or edited), with the server's own refusals beside each field. */
export function EndpointForm({ initial, busy, submitLabel, onCancel, onSubmit }: { initial?: WebhookEndpoint; busy: boolean; submitLabel: string; onCancel: () => void; onSubmit: (v: EndpointFormValues) => Promise<unknown> }) {
  const [url, setUrl] = useState(initial?.url ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [events, setEvents] = useState<Set<WebhookEventType>>(new Set(initial?.events ?? []));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const held = JSON.stringify([url.trim(), description.trim(), WEBHOOK_EVENT_TYPES.filter((t) => events.has(t))]);
  const [opened] = useState(held);
  const unsaved = useUnsavedChanges(held !== opened, held);

  const toggle = (type: WebhookEventType, on: boolean) => {
    const next = new Set(events);
    if (on) next.add(type);
    else next.delete(type);
    setEvents(next);
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (events.size === 0) {
      setErrors({ events: 'Choose at least one event.' });
      return;
    }
    setErrors({});
    setFormError(null);
    const sent = held;
    try {
      await onSubmit({ url: url.trim(), description: description.trim() || null, events: WEBHOOK_EVENT_TYPES.filter((t) => events.has(t)) });
      unsaved.markSaved(sent);
    } catch (err) {
      const { fieldErrors, formError: message } = fromServer(err, FIELDS);
      setErrors(fieldErrors);
      setFormError(message);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <FormAlert message={formError} />
      <TextField
        label="Endpoint URL"
        name="url"
        type="url"
        value={url}
        onChange={setUrl}
        required
        error={errors.url}
        hint="An https:// address on the public internet. Advance POSTs each event there as JSON, signed."
        placeholder="https://example.com/hooks/advance"
      />
      <TextField label="Description" name="description" value={description} onChange={setDescription} error={errors.description} hint="What receives it, e.g. “CRM sync”." />
      <fieldset className="webhook-events" aria-describedby={errors.events ? 'webhook-events-error' : undefined}>
        <legend>Events to send</legend>
        {errors.events ? (
          <p className="field-error" id="webhook-events-error">
            {errors.events}
          </p>
        ) : null}
        {GROUPS.map((group) => (
          <div key={group} className="webhook-event-group">
            <h3>{group}</h3>
            {WEBHOOK_EVENT_TYPES.filter((t) => WEBHOOK_EVENTS[t].group === group).map((t) => (
              <CheckField key={t} name={`event-${t}`} label={WEBHOOK_EVENTS[t].label} hint={<code>{t}</code>} checked={events.has(t)} onChange={(on) => toggle(t, on)} />
            ))}
          </div>
        ))}
      </fieldset>
      <DialogActions onCancel={onCancel} busy={busy} label={submitLabel} />
    </form>
  );
}
