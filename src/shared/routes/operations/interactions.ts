/** The method and path of each operation whose contract is in ../interactions.ts. */
export const listInteractions = { method: 'GET', path: '/api/v1/interactions' } as const;
export const createInteraction = { method: 'POST', path: '/api/v1/interactions' } as const;
export const getAdvanceRate = { method: 'GET', path: '/api/v1/interactions/advance-rate' } as const;
export const getInteraction = { method: 'GET', path: '/api/v1/interactions/:id' } as const;
export const updateInteraction = { method: 'PATCH', path: '/api/v1/interactions/:id' } as const;
export const cancelInteraction = { method: 'POST', path: '/api/v1/interactions/:id/cancel' } as const;
export const recordInteractionResult = { method: 'POST', path: '/api/v1/interactions/:id/result' } as const;
export const listInteractionHistory = { method: 'GET', path: '/api/v1/interactions/:id/history' } as const;
