/** The method and path of each operation whose contract is in ../commitments.ts. */
export const createCommitment = { method: 'POST', path: '/api/v1/plans/:id/commitments' } as const;
export const setPlanLayout = { method: 'POST', path: '/api/v1/plans/:id/layout' } as const;
export const getCommitment = { method: 'GET', path: '/api/v1/commitments/:id' } as const;
export const updateCommitment = { method: 'PATCH', path: '/api/v1/commitments/:id' } as const;
export const proposeNewDate = { method: 'POST', path: '/api/v1/commitments/:id/renegotiations' } as const;
export const acceptNewDate = { method: 'POST', path: '/api/v1/renegotiations/:id/accept' } as const;
export const declineNewDate = { method: 'POST', path: '/api/v1/renegotiations/:id/decline' } as const;
