/** The method and path of each operation whose contract is in ../objectives.ts. */
export const listAccountObjectives = { method: 'GET', path: '/api/v1/accounts/:id/objectives' } as const;
export const createObjective = { method: 'POST', path: '/api/v1/accounts/:id/objectives' } as const;
export const getObjective = { method: 'GET', path: '/api/v1/objectives/:id' } as const;
export const updateObjective = { method: 'PATCH', path: '/api/v1/objectives/:id' } as const;
export const listObjectiveHistory = { method: 'GET', path: '/api/v1/objectives/:id/history' } as const;
export const addObjectiveContributor = { method: 'POST', path: '/api/v1/objectives/:id/contributors' } as const;
export const removeObjectiveContributor = { method: 'DELETE', path: '/api/v1/objectives/:id/contributors/:userId' } as const;
export const createObjectiveInsight = { method: 'POST', path: '/api/v1/objectives/:id/insights' } as const;
export const createObjectiveTask = { method: 'POST', path: '/api/v1/objectives/:id/tasks' } as const;
