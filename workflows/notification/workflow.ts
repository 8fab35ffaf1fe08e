import { proxyActivities } from '@temporalio/workflow';
import type { NotificationActivities } from '../../activities/notifications.js';
import type { DeliverNotification } from './contract.js';

/**
 * Delivers one message, retrying for as long as the SMTP server is away. It runs as its
 * own workflow so that a mail server outage never holds up, or outlives, the case.
 */
export const deliverNotification: DeliverNotification = async function deliverNotification(notification, retry) {
  const { sendNotification } = proxyActivities<NotificationActivities>({
    startToCloseTimeout: '1 minute',
    retry: { initialInterval: retry.initialIntervalMs, maximumInterval: retry.maximumIntervalMs },
  });
  await sendNotification(notification);
};
