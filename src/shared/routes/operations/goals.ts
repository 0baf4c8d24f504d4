/** The method and path of each operation whose contract is in ../goals.ts. */
export const listWhyLadders = { method: 'GET', path: '/api/v1/why-ladders' } as const;
export const createWhyLadder = { method: 'POST', path: '/api/v1/why-ladders' } as const;
export const getWhyLadder = { method: 'GET', path: '/api/v1/why-ladders/:id' } as const;
export const updateWhyLadder = { method: 'PATCH', path: '/api/v1/why-ladders/:id' } as const;
export const addWhyRung = { method: 'POST', path: '/api/v1/why-ladders/:id/rungs' } as const;
export const endWhyLadder = { method: 'POST', path: '/api/v1/why-ladders/:id/end' } as const;
export const listWhyLadderHistory = { method: 'GET', path: '/api/v1/why-ladders/:id/history' } as const;
export const listGoals = { method: 'GET', path: '/api/v1/goals' } as const;
export const createGoal = { method: 'POST', path: '/api/v1/goals' } as const;
export const getGoal = { method: 'GET', path: '/api/v1/goals/:id' } as const;
export const updateGoal = { method: 'PATCH', path: '/api/v1/goals/:id' } as const;
export const completeGoalStep = { method: 'POST', path: '/api/v1/goals/:id/complete-step' } as const;
export const createGoalNote = { method: 'POST', path: '/api/v1/goals/:id/notes' } as const;
export const listGoalHistory = { method: 'GET', path: '/api/v1/goals/:id/history' } as const;
