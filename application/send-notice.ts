import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { Notification } from '../domain/notification.js';
import type { Config } from '../infra/config.js';
import { deliverNotificationType, type DeliverNotification, type MailRetry } from '../workflows/notification/contract.js';
import type { Services } from './services.js';

/** How a mail delivery backs off while the SMTP server is away, as configured. */
export function mailRetryOf(config: Config): MailRetry {
  return { initialIntervalMs: config.MAIL_RETRY_INITIAL_INTERVAL, maximumIntervalMs: config.MAIL_RETRY_MAXIMUM_INTERVAL };
}

/**
 * Sends a notice from outside a workflow: its own small workflow (workflows send theirs as an
 * activity, workflows/workflow-steps.ts `notify`), once per key; sent again, the running one is
 * kept and a finished one sends nothing twice (each mail is keyed).
 */
export async function sendNotice({ temporal, config }: Pick<Services, 'temporal' | 'config'>, notification: Notification): Promise<void> {
  try {
    await temporal.workflow.start<DeliverNotification>(deliverNotificationType, {
      workflowId: `notification-${notification.key}`,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      args: [notification, mailRetryOf(config)],
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}
