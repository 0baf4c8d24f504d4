/** The method and path of each operation whose contract is in ../webhooks.ts. */
export const listWebhookEndpoints = { method: 'GET', path: '/api/v1/webhook-endpoints' } as const;
export const createWebhookEndpoint = { method: 'POST', path: '/api/v1/webhook-endpoints' } as const;
export const getWebhookEndpoint = { method: 'GET', path: '/api/v1/webhook-endpoints/:id' } as const;
export const updateWebhookEndpoint = { method: 'PATCH', path: '/api/v1/webhook-endpoints/:id' } as const;
export const deleteWebhookEndpoint = { method: 'DELETE', path: '/api/v1/webhook-endpoints/:id' } as const;
export const rotateWebhookSecret = { method: 'POST', path: '/api/v1/webhook-endpoints/:id/secret' } as const;
export const sendWebhookTest = { method: 'POST', path: '/api/v1/webhook-endpoints/:id/test' } as const;
export const listWebhookDeliveries = { method: 'GET', path: '/api/v1/webhook-endpoints/:id/deliveries' } as const;
export const getWebhookDelivery = { method: 'GET', path: '/api/v1/webhook-deliveries/:id' } as const;
export const retryWebhookDelivery = { method: 'POST', path: '/api/v1/webhook-deliveries/:id/retry' } as const;
