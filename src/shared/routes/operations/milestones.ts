/** The method and path of each operation whose contract is in ../milestones.ts. */
export const createMilestone = { method: 'POST', path: '/api/v1/plans/:id/milestones' } as const;
export const getMilestone = { method: 'GET', path: '/api/v1/milestones/:id' } as const;
export const updateMilestone = { method: 'PATCH', path: '/api/v1/milestones/:id' } as const;
export const archiveMilestone = { method: 'POST', path: '/api/v1/milestones/:id/archive' } as const;
export const restoreMilestone = { method: 'POST', path: '/api/v1/milestones/:id/restore' } as const;
