/** The method and path of each operation whose contract is in ../qualification.ts. */
export const listSweetSpotCriteria = { method: 'GET', path: '/api/v1/sweet-spot-criteria' } as const;
export const createSweetSpotCriterion = { method: 'POST', path: '/api/v1/sweet-spot-criteria' } as const;
export const updateSweetSpotCriterion = { method: 'PATCH', path: '/api/v1/sweet-spot-criteria/:id' } as const;
export const getStageGate = { method: 'GET', path: '/api/v1/workspace/stage-gate' } as const;
export const updateStageGate = { method: 'PATCH', path: '/api/v1/workspace/stage-gate' } as const;
export const getOpportunityQualification = { method: 'GET', path: '/api/v1/opportunities/:id/qualification' } as const;
export const updateOpportunityQualification = { method: 'PATCH', path: '/api/v1/opportunities/:id/qualification' } as const;
