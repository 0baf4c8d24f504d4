/** The method and path of each operation whose contract is in ../coaching.ts. */
export const getRepCoaching = { method: 'GET', path: '/api/v1/users/:id/coaching' } as const;
export const getTeamCoaching = { method: 'GET', path: '/api/v1/teams/:id/coaching' } as const;
