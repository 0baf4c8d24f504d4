/** The method and path of each operation whose contract is in ../search.ts. */
export const searchWorkspace = { method: 'GET', path: '/api/v1/search' } as const;
