import { ApplicationFailure } from '@temporalio/activity';
import { refusalOf } from '../db/refusals.js';
import { recordRefusedFailureType } from '../workflows/case-review/contract.js';

/** The same activities, failing non-retryably when the database refuses their data. */
export function refusalsAreFinal<T extends Record<string, (...args: any[]) => Promise<unknown>>>(activities: T): T {
  return Object.fromEntries(
    Object.entries(activities).map(([name, activity]) => [
      name,
      async (...args: unknown[]) => {
        try {
          return await activity(...args);
        } catch (error) {
          const reason = refusalOf(error);
          if (reason) throw ApplicationFailure.nonRetryable(reason, recordRefusedFailureType);
          throw error;
        }
      },
    ]),
  ) as T;
}
