/** The method and path of each operation whose contract is in ../shared-plan.ts. */
export const getSharedPlan = { method: 'GET', path: '/api/v1/shared/:token' } as const;
export const setSharedCommitmentState = { method: 'POST', path: '/api/v1/shared/:token/commitments/:id/state' } as const;
export const proposeSharedNewDate = { method: 'POST', path: '/api/v1/shared/:token/commitments/:id/renegotiations' } as const;
export const acceptSharedNewDate = { method: 'POST', path: '/api/v1/shared/:token/renegotiations/:id/accept' } as const;
export const declineSharedNewDate = { method: 'POST', path: '/api/v1/shared/:token/renegotiations/:id/decline' } as const;
export const createSharedComment = { method: 'POST', path: '/api/v1/shared/:token/comments' } as const;
export const createSharedCommitment = { method: 'POST', path: '/api/v1/shared/:token/commitments' } as const;
