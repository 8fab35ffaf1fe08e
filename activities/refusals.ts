import { ApplicationFailure } from '@temporalio/activity';
import { recordRefusedFailureType } from '../workflows/case-review/contract.js';

/**
 * SQLSTATE classes for which PostgreSQL refused the data itself: 22 data exception (a NUL
 * character, a value out of range), 23 integrity constraint violation. Retrying the same
 * write cannot help. Everything else (connection refused, 57P01 admin shutdown, 40001
 * serialization failure, 53xxx resources …) may pass on a later attempt and is retried.
 */
const refusedClasses = ['22', '23'];

interface DatabaseError {
  code?: unknown;
  table?: string;
  constraint?: string;
}

/** The reason an operator reads: codes and names only, never the values (the message may quote them). */
function refusal(error: DatabaseError): string | undefined {
  if (typeof error?.code !== 'string' || !refusedClasses.includes(error.code.slice(0, 2))) return undefined;
  const where = [error.table && `table ${error.table}`, error.constraint && `constraint ${error.constraint}`].filter(Boolean).join(', ');
  return `The database refused the record (SQLSTATE ${error.code}${where ? `, ${where}` : ''})`;
}

/** The same activities, failing non-retryably when the database refuses their data. */
export function refusalsAreFinal<T extends Record<string, (...args: any[]) => Promise<unknown>>>(activities: T): T {
  return Object.fromEntries(
    Object.entries(activities).map(([name, activity]) => [
      name,
      async (...args: unknown[]) => {
        try {
          return await activity(...args);
        } catch (error) {
          const reason = refusal(error as DatabaseError);
          if (reason) throw ApplicationFailure.nonRetryable(reason, recordRefusedFailureType);
          throw error;
        }
      },
    ]),
  ) as T;
}
