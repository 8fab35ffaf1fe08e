import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import { allowanceReviewInput } from '../application/allowance-review.js';
import { allowanceReviewScheduleId, allowanceReviewWorkflowType, type AllowanceReviewWorkflow } from '../workflows/allowance-review/contract.js';
import type { Config } from './config.js';

/**
 * The Temporal Schedule that reviews every running contract's allowance each night, created at
 * worker start if missing: a worker that finds it already there (another worker's) leaves it.
 */
export async function scheduleAllowanceReview(client: Client, config: Config): Promise<void> {
  const scheduleId = allowanceReviewScheduleId(config.TEMPORAL_TASK_QUEUE);
  try {
    await client.schedule.create({
      scheduleId,
      spec: { calendars: [{ hour: 2, minute: 15 }], timezone: 'Europe/Luxembourg' },
      action: {
        type: 'startWorkflow',
        workflowType: allowanceReviewWorkflowType,
        workflowId: scheduleId,
        taskQueue: config.TEMPORAL_TASK_QUEUE,
        args: [allowanceReviewInput(config)] as Parameters<AllowanceReviewWorkflow>,
      },
      // A review still running when the next is due: the next waits for it rather than being dropped.
      policies: { overlap: ScheduleOverlapPolicy.BUFFER_ONE },
    });
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
}
