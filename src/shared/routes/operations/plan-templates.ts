/** The method and path of each operation whose contract is in ../plan-templates.ts. */
export const listPlanTemplates = { method: 'GET', path: '/api/v1/plan-templates' } as const;
export const createPlanTemplate = { method: 'POST', path: '/api/v1/plan-templates' } as const;
export const getPlanTemplate = { method: 'GET', path: '/api/v1/plan-templates/:id' } as const;
export const archivePlanTemplate = { method: 'POST', path: '/api/v1/plan-templates/:id/archive' } as const;
export const savePlanAsTemplate = { method: 'POST', path: '/api/v1/plans/:id/template' } as const;
