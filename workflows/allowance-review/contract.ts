/**
 * The allowance review's contract: a batch over every running contract, started daily by a
 * Temporal Schedule and right after a new allowance table, index value or social minimum wage is
 * published. Never rename the names below: the Schedule and running reviews know them.
 */
import type { MailRetry } from '../notification/contract.js';

export interface AllowanceReviewInput {
  mailRetry: MailRetry;
  /** Contracts per page: each page is one activity, and the review continues as new after it. */
  pageSize: number;
  /** The last contract of the page before; absent for the first page. */
  after?: string | undefined;
}

export const allowanceReviewWorkflowType = 'allowanceReviewWorkflow';
export type AllowanceReviewWorkflow = (input: AllowanceReviewInput) => Promise<void>;

/** The Schedule that starts the review each day, one per task queue. */
export function allowanceReviewScheduleId(taskQueue: string): string {
  return `allowance-review-${taskQueue}`;
}
