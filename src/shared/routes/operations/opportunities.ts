/** The method and path of each operation whose contract is in ../opportunities.ts. */
export const listOpportunities = { method: 'GET', path: '/api/v1/opportunities' } as const;
export const createOpportunity = { method: 'POST', path: '/api/v1/opportunities' } as const;
export const getOpportunity = { method: 'GET', path: '/api/v1/opportunities/:id' } as const;
export const updateOpportunity = { method: 'PATCH', path: '/api/v1/opportunities/:id' } as const;
export const archiveOpportunity = { method: 'POST', path: '/api/v1/opportunities/:id/archive' } as const;
export const restoreOpportunity = { method: 'POST', path: '/api/v1/opportunities/:id/restore' } as const;
export const listOpportunityHistory = { method: 'GET', path: '/api/v1/opportunities/:id/history' } as const;
