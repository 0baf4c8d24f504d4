/** The method and path of each operation whose contract is in ../imports.ts. */
export const listImports = { method: 'GET', path: '/api/v1/imports' } as const;
export const createImport = { method: 'POST', path: '/api/v1/imports' } as const;
export const getImport = { method: 'GET', path: '/api/v1/imports/:id' } as const;
export const updateImport = { method: 'PATCH', path: '/api/v1/imports/:id' } as const;
export const dryRunImport = { method: 'POST', path: '/api/v1/imports/:id/dry-run' } as const;
export const startImport = { method: 'POST', path: '/api/v1/imports/:id/start' } as const;
export const listImportResults = { method: 'GET', path: '/api/v1/imports/:id/results' } as const;
