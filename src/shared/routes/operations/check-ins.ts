/** The method and path of each operation whose contract is in ../check-ins.ts. */
export const getCheckInTemplate = { method: 'GET', path: '/api/v1/check-in-template' } as const;
export const updateCheckInTemplate = { method: 'PATCH', path: '/api/v1/check-in-template' } as const;
export const listCheckInSeries = { method: 'GET', path: '/api/v1/check-in-series' } as const;
export const createCheckInSeries = { method: 'POST', path: '/api/v1/check-in-series' } as const;
export const getCheckInSeries = { method: 'GET', path: '/api/v1/check-in-series/:id' } as const;
export const updateCheckInSeries = { method: 'PATCH', path: '/api/v1/check-in-series/:id' } as const;
export const openCheckIn = { method: 'POST', path: '/api/v1/check-in-series/:id/check-ins' } as const;
export const listCheckIns = { method: 'GET', path: '/api/v1/check-ins' } as const;
export const getCheckIn = { method: 'GET', path: '/api/v1/check-ins/:id' } as const;
export const updateCheckIn = { method: 'PATCH', path: '/api/v1/check-ins/:id' } as const;
export const saveCheckInAnswers = { method: 'PATCH', path: '/api/v1/check-ins/:id/answers' } as const;
export const createCheckInNote = { method: 'POST', path: '/api/v1/check-ins/:id/notes' } as const;
export const updateCheckInNote = { method: 'PATCH', path: '/api/v1/check-in-notes/:id' } as const;
export const createCheckInAction = { method: 'POST', path: '/api/v1/check-ins/:id/actions' } as const;
export const startCheckInCoaching = { method: 'POST', path: '/api/v1/check-ins/:id/coaching' } as const;
export const addCheckInCoachingRung = { method: 'POST', path: '/api/v1/check-ins/:id/coaching/rungs' } as const;
export const closeCheckInCoaching = { method: 'POST', path: '/api/v1/check-ins/:id/coaching/close' } as const;
