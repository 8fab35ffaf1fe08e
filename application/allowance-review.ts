import type { Client } from '@temporalio/client';
import type { ReferenceTableName } from '../domain/reference-data.js';
import type { Config } from '../infra/config.js';
import { mailRetryOf } from './send-notice.js';
import { allowanceReviewWorkflowType, type AllowanceReviewInput, type AllowanceReviewWorkflow } from '../workflows/allowance-review/contract.js';

/** The tables the minimum allowance is computed from: a new version of one reviews every running contract. */
export const allowanceTables: readonly ReferenceTableName[] = ['allowance-rules', 'cost-of-living-index', 'social-minimum-wage'];

export function allowanceReviewInput(config: Config): AllowanceReviewInput {
  return {
    mailRetry: mailRetryOf(config),
    pageSize: config.ALLOWANCE_REVIEW_PAGE_SIZE,
  };
}

/**
 * Reviews every running contract now, once per published version (its id names the version).
 * If Temporal cannot be reached, the daily Schedule's review finds the version all the same.
 */
export async function reviewAllowancesFor(temporal: Client, config: Config, version: { table: ReferenceTableName; validFrom: string }): Promise<void> {
  if (!allowanceTables.includes(version.table)) return;
  try {
    await temporal.workflow.start<AllowanceReviewWorkflow>(allowanceReviewWorkflowType, {
      workflowId: `allowance-review-${config.TEMPORAL_TASK_QUEUE}-${version.table}-${version.validFrom}`,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      args: [allowanceReviewInput(config)],
    });
  } catch {
    // Already started for this version, or Temporal away: the daily review covers both.
  }
}
