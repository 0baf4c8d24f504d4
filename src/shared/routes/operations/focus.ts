/** The method and path of each operation whose contract is in ../focus.ts. */
export const listFocus = { method: 'GET', path: '/api/v1/focus' } as const;
export const getFocusThresholds = { method: 'GET', path: '/api/v1/workspace/focus-thresholds' } as const;
export const updateFocusThresholds = { method: 'PATCH', path: '/api/v1/workspace/focus-thresholds' } as const;
export const getOpportunityFocus = { method: 'GET', path: '/api/v1/opportunities/:id/focus' } as const;
