/** The method and path of each operation whose contract is in ../sharing.ts. */
export const createShareLink = { method: 'POST', path: '/api/v1/plans/:id/share-links' } as const;
export const listShareLinks = { method: 'GET', path: '/api/v1/plans/:id/share-links' } as const;
export const revokeShareLink = { method: 'POST', path: '/api/v1/share-links/:id/revoke' } as const;
export const listPlanComments = { method: 'GET', path: '/api/v1/plans/:id/comments' } as const;
export const createPlanComment = { method: 'POST', path: '/api/v1/plans/:id/comments' } as const;
export const listNotifications = { method: 'GET', path: '/api/v1/notifications' } as const;
export const markAllNotificationsRead = { method: 'POST', path: '/api/v1/notifications/read-all' } as const;
export const markNotificationRead = { method: 'POST', path: '/api/v1/notifications/:id/read' } as const;
