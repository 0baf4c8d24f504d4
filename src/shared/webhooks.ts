import { z } from 'zod';
import { Id, Instant, Text, Version, listQueryBase, optionalText, page } from './common.js';
import { WEBHOOK_DELIVERY_STATUSES, WEBHOOK_EVENT_TYPES, WEBHOOK_TEST_EVENT } from './webhook-events.js';

export * from './webhook-events.js';

/**
 * Signed webhooks: endpoints an admin subscribes to events of the workspace, and the log of what
 * was delivered to them. Deliveries are signed with the endpoint's secret, which the API shows only
 * when the endpoint is created and when its secret is rotated.
 */

export const WEBHOOK_URL_MAX = 2048;
export const WEBHOOK_DESCRIPTION_MAX = 200;
/** How much of a receiver's answer the delivery log keeps (characters). */
export const WEBHOOK_RESPONSE_EXCERPT_MAX = 2048;

export const WebhookEventType = z.enum(WEBHOOK_EVENT_TYPES);
export const WebhookDeliveryStatus = z.enum(WEBHOOK_DELIVERY_STATUSES);

const Url = Text.trim().min(1, 'Give the address that receives the events.').max(WEBHOOK_URL_MAX, `Keep the address to ${WEBHOOK_URL_MAX} characters or fewer.`);
const Events = z
  .array(WebhookEventType)
  .min(1, 'Choose at least one event.')
  .max(WEBHOOK_EVENT_TYPES.length)
  .refine((list) => new Set(list).size === list.length, 'Each event once.');

export const WebhookEndpoint = z
  .object({
    id: Id,
    url: z.string(),
    description: z.string().nullable(),
    events: z.array(WebhookEventType),
    enabled: z.boolean(),
    /** The secret's first characters (`whsec_ab12…`), to tell secrets apart; the secret itself is shown once. */
    secretHint: z.string(),
    /** Until then, deliveries carry a second v1 signature made with the secret before the last rotation. */
    previousSecretExpiresAt: Instant.nullable(),
    version: Version,
    createdAt: Instant,
    updatedAt: Instant,
    /** Deliveries that gave up after every attempt (an admin can retry them). */
    deadDeliveries: z.number().int(),
    lastDelivery: z.object({ status: WebhookDeliveryStatus, responseStatus: z.number().int().nullable(), at: Instant }).nullable(),
  })
  .meta({ id: 'WebhookEndpoint' });
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>;

export const WebhookEndpointList = page(WebhookEndpoint).meta({ id: 'WebhookEndpointList' });
export type WebhookEndpointList = z.infer<typeof WebhookEndpointList>;
export const WebhookEndpointListQuery = z.strictObject({ ...listQueryBase });

/** The endpoint, and its signing secret: shown this once (at creation and at each rotation). */
export const WebhookEndpointWithSecret = z
  .object({ endpoint: WebhookEndpoint, secret: z.string().meta({ description: '`whsec_` and 43 base64url characters (256 random bits). Store it now: it is never shown again.' }) })
  .meta({ id: 'WebhookEndpointWithSecret' });
export type WebhookEndpointWithSecret = z.infer<typeof WebhookEndpointWithSecret>;

export const CreateWebhookEndpointBody = z
  .strictObject({
    url: Url,
    description: optionalText(WEBHOOK_DESCRIPTION_MAX),
    events: Events,
    enabled: z.boolean().optional(),
  })
  .meta({ id: 'CreateWebhookEndpointBody' });
export type CreateWebhookEndpointBody = z.infer<typeof CreateWebhookEndpointBody>;

export const UpdateWebhookEndpointBody = z
  .strictObject({
    url: Url.optional(),
    description: optionalText(WEBHOOK_DESCRIPTION_MAX),
    events: Events.optional(),
    enabled: z.boolean().optional(),
    version: Version.optional(),
  })
  .meta({ id: 'UpdateWebhookEndpointBody' });
export type UpdateWebhookEndpointBody = z.infer<typeof UpdateWebhookEndpointBody>;

export const RotateWebhookSecretBody = z
  .strictObject({
    /** Hours the old secret keeps signing too (a second v1), so receivers can switch without losing events. 0 = stop at once. */
    keepPreviousHours: z.number().int().min(0).max(72).optional(),
    /** The version you read; required here or as If-Match. */
    version: Version.optional(),
  })
  .nullish()
  .meta({ id: 'RotateWebhookSecretBody' });

export const WebhookAttempt = z
  .object({
    at: Instant,
    /** The receiver's HTTP status; null when there was no answer (refused address, timeout, connection error). */
    responseStatus: z.number().int().nullable(),
    durationMs: z.number().int(),
    error: z.string().nullable(),
    /** The start of the receiver's answer, cut at 2 KB. */
    responseExcerpt: z.string().nullable(),
  })
  .meta({ id: 'WebhookAttempt' });
export type WebhookAttempt = z.infer<typeof WebhookAttempt>;

export const WebhookDelivery = z
  .object({
    id: Id,
    endpointId: Id,
    eventId: z.string().meta({ description: 'The event id also sent as Advance-Event-Id; the same on every attempt and for every endpoint' }),
    eventType: z.union([WebhookEventType, z.literal(WEBHOOK_TEST_EVENT)]),
    /** pending (waiting, or retrying after a failure), delivered (a 2xx answer), dead (gave up; can be retried), skipped (the endpoint was disabled or removed). */
    status: WebhookDeliveryStatus,
    attempts: z.number().int(),
    nextAttemptAt: Instant.nullable(),
    lastResponseStatus: z.number().int().nullable(),
    lastDurationMs: z.number().int().nullable(),
    lastError: z.string().nullable(),
    createdAt: Instant,
    deliveredAt: Instant.nullable(),
  })
  .meta({ id: 'WebhookDelivery' });
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

export const WebhookDeliveryDetail = WebhookDelivery.extend({
  /** The exact JSON body that is signed and sent. */
  body: z.string(),
  attemptLog: z.array(WebhookAttempt),
}).meta({ id: 'WebhookDeliveryDetail' });
export type WebhookDeliveryDetail = z.infer<typeof WebhookDeliveryDetail>;

export const WebhookDeliveryListQuery = z.strictObject({ ...listQueryBase, status: WebhookDeliveryStatus.optional() });
export const WebhookDeliveryList = page(WebhookDelivery).meta({ id: 'WebhookDeliveryList' });
export type WebhookDeliveryList = z.infer<typeof WebhookDeliveryList>;
