/** The method and path of each operation whose contract is in ../plans.ts. */
export const listPlans = { method: 'GET', path: '/api/v1/plans' } as const;
export const getTeamSummary = { method: 'GET', path: '/api/v1/plans/team-summary' } as const;
export const getOpportunityPlan = { method: 'GET', path: '/api/v1/opportunities/:id/plan' } as const;
export const createPlan = { method: 'POST', path: '/api/v1/opportunities/:id/plan' } as const;
export const getPlan = { method: 'GET', path: '/api/v1/plans/:id' } as const;
export const updatePlan = { method: 'PATCH', path: '/api/v1/plans/:id' } as const;
export const reopenPlan = { method: 'POST', path: '/api/v1/plans/:id/reopen' } as const;
export const listPlanHistory = { method: 'GET', path: '/api/v1/plans/:id/history' } as const;
