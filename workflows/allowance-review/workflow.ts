import { continueAsNew, proxyActivities } from '@temporalio/workflow';
import type { AllowanceScheduleActivities } from '../../activities/allowance-schedules.js';
import { allowanceBelowMinimum } from '../../domain/notification.js';
import { allNoticesSent, notify } from '../workflow-steps.js';
import type { AllowanceReviewWorkflow } from './contract.js';

const { reviewAllowancePage } = proxyActivities<AllowanceScheduleActivities>({
  // A page recomputes up to `pageSize` schedules; each is kept as soon as stored, so a retry goes on where it stopped.
  startToCloseTimeout: '5 minutes',
  retry: { maximumInterval: '1 minute' },
});

/**
 * Recomputes the allowance schedule of every running contract with the tables as published,
 * a page at a time: a case whose minimum changed gets a new schedule version from that date,
 * and its employer is told when the allowance paid falls below it.
 */
export const allowanceReviewWorkflow: AllowanceReviewWorkflow = async function allowanceReviewWorkflow(input) {
  const page = await reviewAllowancePage({ after: input.after, limit: input.pageSize });
  for (const { caseId, version, effectiveFrom } of page.belowMinimum) {
    await notify(allowanceBelowMinimum(caseId, version, effectiveFrom), input.mailRetry);
  }
  await allNoticesSent();
  if (page.next) await continueAsNew<AllowanceReviewWorkflow>({ ...input, after: page.next });
};
