/** The method and path of each operation whose contract is in ../calendar.ts. */
export const getCalendarFeed = { method: 'GET', path: '/api/v1/calendar-feed' } as const;
export const createCalendarFeed = { method: 'POST', path: '/api/v1/calendar-feed' } as const;
export const revokeCalendarFeed = { method: 'DELETE', path: '/api/v1/calendar-feed' } as const;
export const getPersonalCalendar = { method: 'GET', path: '/api/v1/calendar-feed/:token.ics' } as const;
export const getSharedPlanCalendar = { method: 'GET', path: '/api/v1/shared/:token/calendar.ics' } as const;
