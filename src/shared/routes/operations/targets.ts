/** The method and path of each operation whose contract is in ../targets.ts. */
export const getFiscalSettings = { method: 'GET', path: '/api/v1/workspace/fiscal-year' } as const;
export const updateFiscalSettings = { method: 'PATCH', path: '/api/v1/workspace/fiscal-year' } as const;
export const setYearlyTarget = { method: 'POST', path: '/api/v1/users/:id/targets' } as const;
export const getAccountPlanning = { method: 'GET', path: '/api/v1/account-planning' } as const;
export const getTeamAccountPlanning = { method: 'GET', path: '/api/v1/teams/:id/account-planning' } as const;
