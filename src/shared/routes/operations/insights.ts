/** The method and path of each operation whose contract is in ../insights.ts. */
export const getToday = { method: 'GET', path: '/api/v1/today' } as const;
export const getPlanReliability = { method: 'GET', path: '/api/v1/plans/:id/reliability' } as const;
export const getUserReliability = { method: 'GET', path: '/api/v1/users/:id/reliability' } as const;
export const getOpportunityReliability = { method: 'GET', path: '/api/v1/opportunities/:id/reliability' } as const;
export const getAccountReliability = { method: 'GET', path: '/api/v1/accounts/:id/reliability' } as const;
