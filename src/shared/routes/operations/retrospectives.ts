/** The method and path of each operation whose contract is in ../retrospectives.ts. */
export const getRetrospective = { method: 'GET', path: '/api/v1/opportunities/:id/retrospective' } as const;
export const submitRetrospective = { method: 'POST', path: '/api/v1/opportunities/:id/retrospective' } as const;
export const getTeamRetrospectives = { method: 'GET', path: '/api/v1/teams/:id/retrospectives' } as const;
