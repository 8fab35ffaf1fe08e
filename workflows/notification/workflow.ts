import { proxyActivities } from '@temporalio/workflow';
import type { NotificationActivities } from '../../activities/notifications.js';
import type { DeliverNotification } from './contract.js';

/**
 * Delivers one message, retrying for as long as the SMTP server is away: a notice sent from
 * outside a workflow (application/send-notice.ts), and those that runs started before workflows
 * sent their notices as activities (workflows/workflow-steps.ts) had started.
 */
export const deliverNotification: DeliverNotification = async function deliverNotification(notification, retry) {
  const { sendNotification } = proxyActivities<NotificationActivities>({
    startToCloseTimeout: '1 minute',
    retry: { initialInterval: retry.initialIntervalMs, maximumInterval: retry.maximumIntervalMs },
  });
  await sendNotification(notification);
};
