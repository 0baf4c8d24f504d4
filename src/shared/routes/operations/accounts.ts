/** The method and path of each operation whose contract is in ../accounts.ts. */
export const listAccounts = { method: 'GET', path: '/api/v1/accounts' } as const;
export const createAccount = { method: 'POST', path: '/api/v1/accounts' } as const;
export const getAccount = { method: 'GET', path: '/api/v1/accounts/:id' } as const;
export const updateAccount = { method: 'PATCH', path: '/api/v1/accounts/:id' } as const;
export const archiveAccount = { method: 'POST', path: '/api/v1/accounts/:id/archive' } as const;
export const restoreAccount = { method: 'POST', path: '/api/v1/accounts/:id/restore' } as const;
export const listAccountHistory = { method: 'GET', path: '/api/v1/accounts/:id/history' } as const;
