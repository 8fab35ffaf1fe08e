import { ApplicationFailure, ParentClosePolicy, sleep, startChild } from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
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

/** Sleeps until the instant (epoch ms), at once if it has passed. */
export async function sleepUntil(instant: number): Promise<void> {
  const wait = instant - Date.now();
  if (wait > 0) await sleep(wait);
}

/** Sends a notice as its own small workflow, once per key; one a previous run started is on its way. */
export async function notify(notification: Notification, mailRetry: MailRetry): Promise<void> {
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
