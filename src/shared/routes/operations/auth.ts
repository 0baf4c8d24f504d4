/** The method and path of each operation whose contract is in ../auth.ts. */
export const getSetupStatus = { method: 'GET', path: '/api/v1/setup' } as const;
export const createWorkspace = { method: 'POST', path: '/api/v1/signup' } as const;
export const createSession = { method: 'POST', path: '/api/v1/session' } as const;
export const getSession = { method: 'GET', path: '/api/v1/session' } as const;
export const deleteSession = { method: 'DELETE', path: '/api/v1/session' } as const;
export const createDemoSession = { method: 'POST', path: '/api/v1/demo/session' } as const;
export const resetDemoWorkspace = { method: 'POST', path: '/api/v1/demo/reset' } as const;
export const requestSignUp = { method: 'POST', path: '/api/v1/signup-requests' } as const;
export const confirmSignUp = { method: 'POST', path: '/api/v1/signup-requests/confirm' } as const;
export const requestPasswordReset = { method: 'POST', path: '/api/v1/password-resets' } as const;
export const lookupPasswordReset = { method: 'POST', path: '/api/v1/password-resets/lookup' } as const;
export const completePasswordReset = { method: 'POST', path: '/api/v1/password-resets/complete' } as const;
export const changePassword = { method: 'POST', path: '/api/v1/session/password' } as const;
export const endOtherSessions = { method: 'DELETE', path: '/api/v1/session/others' } as const;
