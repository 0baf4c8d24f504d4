/** The method and path of each operation whose contract is in ../contacts.ts. */
export const listContacts = { method: 'GET', path: '/api/v1/contacts' } as const;
export const createContact = { method: 'POST', path: '/api/v1/contacts' } as const;
export const getContact = { method: 'GET', path: '/api/v1/contacts/:id' } as const;
export const updateContact = { method: 'PATCH', path: '/api/v1/contacts/:id' } as const;
export const archiveContact = { method: 'POST', path: '/api/v1/contacts/:id/archive' } as const;
export const restoreContact = { method: 'POST', path: '/api/v1/contacts/:id/restore' } as const;
export const listContactHistory = { method: 'GET', path: '/api/v1/contacts/:id/history' } as const;
