/** The method and path of each operation whose contract is in ../mail.ts. */
export const getMailPreferences = { method: 'GET', path: '/api/v1/mail-preferences' } as const;
export const updateMailPreferences = { method: 'PATCH', path: '/api/v1/mail-preferences' } as const;
export const unsubscribeMail = { method: 'POST', path: '/api/v1/unsubscribe' } as const;
export const listMails = { method: 'GET', path: '/api/v1/mails' } as const;
export const getMail = { method: 'GET', path: '/api/v1/mails/:id' } as const;
export const retryMail = { method: 'POST', path: '/api/v1/mails/:id/retry' } as const;
