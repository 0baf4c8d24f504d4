import type { Notification } from '../../../shared/notifications';
import { describeNotification } from '../../../shared/notifications';
import { formatDate } from '../../lib/format';

/** A notification's sentence, its dates written the reader's way (the one date formatter, lib/format). */
export function notificationText(n: Notification): string {
  return describeNotification(n, formatDate);
}
