/** The method and path of each operation whose contract is in ../people.ts. */
export const getWorkspace = { method: 'GET', path: '/api/v1/workspace' } as const;
export const updateWorkspace = { method: 'PATCH', path: '/api/v1/workspace' } as const;
export const listUsers = { method: 'GET', path: '/api/v1/users' } as const;
export const getUser = { method: 'GET', path: '/api/v1/users/:id' } as const;
export const updateUser = { method: 'PATCH', path: '/api/v1/users/:id' } as const;
export const deactivateUser = { method: 'POST', path: '/api/v1/users/:id/deactivate' } as const;
export const listUserHistory = { method: 'GET', path: '/api/v1/users/:id/history' } as const;
export const listTeams = { method: 'GET', path: '/api/v1/teams' } as const;
export const createTeam = { method: 'POST', path: '/api/v1/teams' } as const;
export const updateTeam = { method: 'PATCH', path: '/api/v1/teams/:id' } as const;
export const listTeamHistory = { method: 'GET', path: '/api/v1/teams/:id/history' } as const;
export const createInvite = { method: 'POST', path: '/api/v1/invites' } as const;
export const listInvites = { method: 'GET', path: '/api/v1/invites' } as const;
export const revokeInvite = { method: 'POST', path: '/api/v1/invites/:id/revoke' } as const;
export const lookupInvite = { method: 'POST', path: '/api/v1/invites/lookup' } as const;
export const acceptInvite = { method: 'POST', path: '/api/v1/invites/accept' } as const;
