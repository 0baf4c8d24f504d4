import { IdParams, NoBody } from '../common.js';
import {
  CreateWebhookEndpointBody,
  RotateWebhookSecretBody,
  UpdateWebhookEndpointBody,
  WebhookDelivery,
  WebhookDeliveryDetail,
  WebhookDeliveryList,
  WebhookDeliveryListQuery,
  WebhookEndpoint,
  WebhookEndpointList,
  WebhookEndpointListQuery,
  WebhookEndpointWithSecret,
} from '../webhooks.js';
import { defineRoutes } from './define.js';

const tags = ['webhooks'] as const;

/** Signed webhooks (admins): endpoints, their secrets, test events and the delivery log. */
export const webhooksApi = defineRoutes({
  listWebhookEndpoints: { tags, summary: 'The webhook endpoints of this workspace, oldest first (admins)', query: WebhookEndpointListQuery, response: { 200: WebhookEndpointList } },
  createWebhookEndpoint: {
    tags,
    summary: 'Subscribe an HTTPS endpoint to events (admins); answers its signing secret, shown this once',
    description:
      'The address must be https:// and must not point to a private, loopback, link-local, unique-local or cloud metadata address (checked now and again before every delivery), unless the server runs with WEBHOOKS_ALLOW_PRIVATE=true.',
    body: CreateWebhookEndpointBody,
    response: { 201: WebhookEndpointWithSecret },
    answersSecret: true,
  },
  getWebhookEndpoint: { tags, summary: 'One webhook endpoint (admins; without its secret)', params: IdParams, response: { 200: WebhookEndpoint } },
  updateWebhookEndpoint: {
    tags,
    summary: 'Change an endpoint’s address, description or events, or disable / enable it (admins)',
    description: 'Disabling stops deliveries: what is waiting is skipped, not kept for later.',
    params: IdParams,
    body: UpdateWebhookEndpointBody,
    response: { 200: WebhookEndpoint },
  },
  deleteWebhookEndpoint: {
    tags,
    summary: 'Remove an endpoint (admins; send the version you read as If-Match); deliveries still waiting are skipped',
    description: 'A DELETE has no body: the version read goes in `If-Match: "<version>"` (required; without it, 400 naming `version`). An old one answers 409 `version_conflict` with the endpoint as it now is, and nothing is removed.',
    params: IdParams,
    response: { 204: NoBody },
    errors: ['version_conflict'],
  },
  rotateWebhookSecret: {
    tags,
    summary: 'Make a new signing secret (admins; send the version you read); answers it, shown this once',
    description: 'By default the old secret keeps signing too for 24 hours (a second `v1=` in Advance-Signature), so receivers can switch without losing events.',
    params: IdParams,
    body: RotateWebhookSecretBody,
    response: { 200: WebhookEndpointWithSecret },
  },
  sendWebhookTest: {
    tags,
    summary: 'Queue a `webhook.test` event for this endpoint (admins); its result appears in the delivery log within seconds',
    params: IdParams,
    body: NoBody,
    response: { 202: WebhookDelivery },
    errors: ['rule_violation'],
  },
  listWebhookDeliveries: { tags, summary: 'The delivery log of an endpoint, newest first (admins)', params: IdParams, query: WebhookDeliveryListQuery, response: { 200: WebhookDeliveryList } },
  getWebhookDelivery: { tags, summary: 'One delivery with its body and every attempt: response status, duration, error, start of the answer (admins)', params: IdParams, response: { 200: WebhookDeliveryDetail } },
  retryWebhookDelivery: {
    tags,
    summary: 'Deliver a dead delivery again (admins): its attempts start over, with the same event id',
    params: IdParams,
    body: NoBody,
    response: { 200: WebhookDelivery },
    errors: ['rule_violation'],
  },
});
