import { proxyActivities } from '@temporalio/workflow';
import type { AllowanceScheduleActivities } from '../../activities/allowance-schedules.js';
import type { ScheduleChange } from '../../db/allowance-schedules.js';
import { allowanceBelowMinimum } from '../../domain/notification.js';
import type { ApprenticeshipRun } from './run.js';

const schedules = proxyActivities<AllowanceScheduleActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumInterval: '30 seconds' },
});

/**
 * Stores the contract's allowance schedule as it now stands (a new version only if it changed)
 * and tells the employer when, from the version's date, the allowance paid is below the minimum.
 */
export async function storeAllowanceSchedule(run: ApprenticeshipRun, change: ScheduleChange): Promise<void> {
  const stored = await schedules.storeAllowanceSchedule({ caseId: run.caseId, change });
  if (stored.belowMinimum) {
    await run.notify(allowanceBelowMinimum(run.caseId, stored.version, stored.effectiveFrom));
  }
}
