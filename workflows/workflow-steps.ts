import { ApplicationFailure, ParentClosePolicy, condition, log, proxyActivities, sleep, startChild } from '@temporalio/workflow';
import { usesChange } from './changes.js';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { NotificationActivities } from '../activities/notifications.js';
import type { Rejection } from '../domain/case-state.js';
import type { Notification } from '../domain/notification.js';
import { deliverNotificationType, type DeliverNotification, type MailRetry } from './notification/contract.js';

/** What the case's workflows do alike: refuse an Update, read the time, sleep until an instant, send a notice. */

/** A validator's rejection, as the failure the API maps to its 4xx answer. */
export function reject(rejection: Rejection | undefined): void {
  if (!rejection) return;
  throw ApplicationFailure.create({ type: rejection.reason, message: rejection.message, details: [rejection.fields ?? []], nonRetryable: true });
}

/** Workflow time (deterministic on replay), as an ISO timestamp. */
export function now(): string {
  return new Date().toISOString();
}

/**
 * Timers under way in this run, by the instant they fire. Tasks opened together fall due at the
 * same instant (a working day's end): their reminders and escalations wait on one timer.
 */
const timers = new Map<number, Promise<void>>();

/** Sleeps until the instant (epoch ms), at once if it has passed; sleeps until the same instant share a timer. */
export async function sleepUntil(instant: number): Promise<void> {
  const wait = instant - Date.now();
  if (wait <= 0) return;
  if (!usesChange('shared-timers')) return sleep(wait);
  let timer = timers.get(instant);
  if (!timer) {
    timer = sleep(wait).finally(() => timers.delete(instant));
    timers.set(instant, timer);
  }
  await timer;
}

/**
 * Notices this run has scheduled and not yet seen sent. Each workflow run evaluates this module
 * anew (the SDK keeps module state per workflow), so the count is the run's own.
 */
let noticesUnderWay = 0;

/**
 * Sends a notice, once per key (activities/mail-delivery.ts), without holding up the caller: an
 * SMTP outage delays the mail, never the case or an Update's answer. The activity retries for as
 * long as the outage lasts; the run ends, or continues as new, only once it is sent
 * (`noticesSent`). Runs started before this was so send each notice as its own workflow.
 */
export function notify(notification: Notification, mailRetry: MailRetry): Promise<void> {
  if (!usesChange('notice-as-activity')) return notifyAsWorkflow(notification, mailRetry);
  const { sendNotification } = proxyActivities<NotificationActivities>({
    startToCloseTimeout: '1 minute',
    retry: { initialInterval: mailRetry.initialIntervalMs, maximumInterval: mailRetry.maximumIntervalMs },
  });
  noticesUnderWay++;
  void sendNotification(notification)
    // Attempts are unlimited: only a cancelled activity ends here, and the run must go on.
    .catch((error: unknown) => log.error('Notice not sent', { key: notification.key, error: String(error) }))
    .finally(() => noticesUnderWay--);
  return Promise.resolve();
}

/** Whether every notice this run scheduled has been sent: a run ends, or continues as new, only then. */
export function noticesSent(): boolean {
  return noticesUnderWay === 0;
}

/** Waits until every notice this run scheduled has been sent (at once if none is under way). */
export async function allNoticesSent(): Promise<void> {
  if (!noticesSent()) await condition(noticesSent);
}

/** Sends a notice as its own small workflow, once per key; one a previous run started is on its way. */
async function notifyAsWorkflow(notification: Notification, mailRetry: MailRetry): Promise<void> {
  try {
    await startChild<DeliverNotification>(deliverNotificationType, {
      workflowId: `notification-${notification.key}`,
      args: [notification, mailRetry],
      parentClosePolicy: ParentClosePolicy.ABANDON,
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}
