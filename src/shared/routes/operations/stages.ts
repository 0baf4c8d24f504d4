/** The method and path of each operation whose contract is in ../stages.ts. */
export const listStages = { method: 'GET', path: '/api/v1/stages' } as const;
export const createStage = { method: 'POST', path: '/api/v1/stages' } as const;
export const updateStage = { method: 'PATCH', path: '/api/v1/stages/:id' } as const;
export const listStageHistory = { method: 'GET', path: '/api/v1/stages/:id/history' } as const;
