/**
 * The webhook event catalogue: every event a workspace can subscribe an endpoint to, with the
 * words the settings page shows. Plain data without zod, so the web page can import it cheaply.
 * Each event's `data` is described in docs/api.md ("Webhooks"); the envelope is always
 * `{ id, type, createdAt, workspaceId, data }`.
 */
export const WEBHOOK_EVENT_TYPES = [
  'commitment.created',
  'commitment.completed',
  'commitment.reopened',
  'commitment.dropped',
  'commitment.redated',
  'renegotiation.proposed',
  'renegotiation.answered',
  'plan.created',
  'plan.shared',
  'plan.viewed_by_customer',
  'plan.comment_added',
  'interaction.planned',
  'interaction.cancelled',
  'interaction.result_recorded',
  'opportunity.created',
  'opportunity.stage_changed',
  'opportunity.won',
  'opportunity.lost',
  'opportunity.walked_away',
  'opportunity.reopened',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The event "Send test" delivers; not subscribable, every endpoint receives it when asked. */
export const WEBHOOK_TEST_EVENT = 'webhook.test' as const;
export type WebhookDeliveredType = WebhookEventType | typeof WEBHOOK_TEST_EVENT;

export type WebhookEventGroup = 'Commitments' | 'Mutual plans' | 'Interactions' | 'Opportunities';

export const WEBHOOK_EVENTS: Record<WebhookEventType, { group: WebhookEventGroup; label: string }> = {
  'commitment.created': { group: 'Commitments', label: 'A commitment was made (either side, customers too)' },
  'commitment.completed': { group: 'Commitments', label: 'A commitment was done' },
  'commitment.reopened': { group: 'Commitments', label: 'A done or dropped commitment was reopened' },
  'commitment.dropped': { group: 'Commitments', label: 'A commitment was dropped, with its reason' },
  'commitment.redated': { group: 'Commitments', label: 'A commitment’s due date moved (agreed new date)' },
  'renegotiation.proposed': { group: 'Commitments', label: 'A new date was proposed and waits for an answer' },
  'renegotiation.answered': { group: 'Commitments', label: 'A proposed date was accepted or declined' },
  'plan.created': { group: 'Mutual plans', label: 'A mutual plan was started' },
  'plan.shared': { group: 'Mutual plans', label: 'A plan was shared with a customer (share link made)' },
  'plan.viewed_by_customer': { group: 'Mutual plans', label: 'A customer opened a shared plan (once per link per 30 minutes)' },
  'plan.comment_added': { group: 'Mutual plans', label: 'A comment was added to a plan (customer or seller side)' },
  'interaction.planned': { group: 'Interactions', label: 'An interaction was planned, with its planned outcome' },
  'interaction.cancelled': { group: 'Interactions', label: 'A planned interaction was cancelled' },
  'interaction.result_recorded': { group: 'Interactions', label: 'What happened in an interaction was recorded (advanced, continuation, nothing)' },
  'opportunity.created': { group: 'Opportunities', label: 'An opportunity was created' },
  'opportunity.stage_changed': { group: 'Opportunities', label: 'An opportunity moved to another stage' },
  'opportunity.won': { group: 'Opportunities', label: 'An opportunity was won' },
  'opportunity.lost': { group: 'Opportunities', label: 'An opportunity was lost' },
  'opportunity.walked_away': { group: 'Opportunities', label: 'We walked away from an opportunity' },
  'opportunity.reopened': { group: 'Opportunities', label: 'A closed opportunity was reopened' },
};

/** Headers of every delivery. The signature is `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`. */
export const WEBHOOK_SIGNATURE_HEADER = 'Advance-Signature';
export const WEBHOOK_EVENT_ID_HEADER = 'Advance-Event-Id';
export const WEBHOOK_EVENT_TYPE_HEADER = 'Advance-Event-Type';
export const WEBHOOK_DELIVERY_ID_HEADER = 'Advance-Delivery-Id';

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'dead', 'skipped'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];
