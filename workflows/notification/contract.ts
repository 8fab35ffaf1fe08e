import type { Notification } from '../../domain/notification.js';

/** How a mail delivery backs off while the SMTP server is away. */
export interface MailRetry {
  initialIntervalMs: number;
  maximumIntervalMs: number;
}

/** The registered name of the mail delivery workflow; it takes no messages. */
export const deliverNotificationType = 'deliverNotification';
export type DeliverNotification = (notification: Notification, retry: MailRetry) => Promise<void>;
