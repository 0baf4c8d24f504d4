/** The method and path of each operation whose contract is in ../api-tokens.ts. */
export const listApiTokens = { method: 'GET', path: '/api/v1/api-tokens' } as const;
export const createApiToken = { method: 'POST', path: '/api/v1/api-tokens' } as const;
export const revokeApiToken = { method: 'DELETE', path: '/api/v1/api-tokens/:id' } as const;
