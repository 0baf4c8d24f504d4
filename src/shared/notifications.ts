import { z } from 'zod';
import { Id, Instant, listQueryBase, page } from './common.js';

/** In-app notifications: something happened that a person should see, with a link to it. */

export const NOTIFICATION_KINDS = ['customer_ticked', 'customer_commented', 'customer_proposed_date', 'customer_answered_date', 'customer_added_commitment'] as const;
export const NotificationKind = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKind>;

export const Notification = z
  .object({
    id: Id,
    kind: NotificationKind,
    text: z.string(),
    /** What it links to. */
    plan: z.object({ id: Id, title: z.string() }).nullable(),
    createdAt: Instant,
    readAt: Instant.nullable(),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof Notification>;

export const NotificationListQuery = z.strictObject({ ...listQueryBase, unread: z.enum(['true', 'false']).optional() });
export type NotificationListQuery = z.infer<typeof NotificationListQuery>;

export const NotificationList = page(Notification).extend({ unreadCount: z.number().int() }).meta({ id: 'NotificationList' });
export type NotificationList = z.infer<typeof NotificationList>;
