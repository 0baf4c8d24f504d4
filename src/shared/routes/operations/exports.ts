/** The method and path of each operation whose contract is in ../exports.ts. */
export const exportAccounts = { method: 'GET', path: '/api/v1/accounts/export' } as const;
export const exportContacts = { method: 'GET', path: '/api/v1/contacts/export' } as const;
export const exportOpportunities = { method: 'GET', path: '/api/v1/opportunities/export' } as const;
export const exportFocus = { method: 'GET', path: '/api/v1/focus/export' } as const;
export const exportPlans = { method: 'GET', path: '/api/v1/plans/export' } as const;
export const exportInteractions = { method: 'GET', path: '/api/v1/interactions/export' } as const;
export const exportAccountObjectives = { method: 'GET', path: '/api/v1/accounts/:id/objectives/export' } as const;
export const exportGoals = { method: 'GET', path: '/api/v1/goals/export' } as const;
export const exportCheckIns = { method: 'GET', path: '/api/v1/check-ins/export' } as const;
export const exportWorkspace = { method: 'POST', path: '/api/v1/workspace/exports' } as const;
