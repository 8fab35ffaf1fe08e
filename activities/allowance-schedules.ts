import type { Kysely } from 'kysely';
import { runningContracts, storeSchedule, type ScheduleChange, type StoredVersion } from '../db/allowance-schedules.js';
import { loadReferenceData } from '../db/reference-store.js';
import type { Database } from '../db/schema.js';
import { refusalsAreFinal } from './refusals.js';

/** A case whose paid allowance a new schedule version puts below the minimum: its employer is told. */
export interface BelowMinimum {
  caseId: string;
  version: number;
  effectiveFrom: string;
}

export interface AllowanceReviewPage {
  belowMinimum: BelowMinimum[];
  /** Where the next page starts; null after the last. */
  next: string | null;
}

/** Stores allowance schedules: for one case as its workflow asks, or page by page for every running case. */
export function createAllowanceScheduleActivities(db: Kysely<Database>) {
  return refusalsAreFinal({
    async storeAllowanceSchedule({ caseId, change }: { caseId: string; change: ScheduleChange }): Promise<StoredVersion> {
      return storeSchedule(db, caseId, change);
    },

    /** Recomputes one page of running contracts with the tables as published now. */
    async reviewAllowancePage({ after, limit }: { after?: string | undefined; limit: number }): Promise<AllowanceReviewPage> {
      const [caseIds, reference] = await Promise.all([runningContracts(db, after, limit), loadReferenceData(db)]);
      const belowMinimum: BelowMinimum[] = [];
      for (const caseId of caseIds) {
        const stored = await storeSchedule(db, caseId, { reason: 'table_change' }, reference);
        if (stored.belowMinimum) belowMinimum.push({ caseId, version: stored.version, effectiveFrom: stored.effectiveFrom });
      }
      return { belowMinimum, next: caseIds.length === limit ? caseIds.at(-1)! : null };
    },
  });
}

export type AllowanceScheduleActivities = ReturnType<typeof createAllowanceScheduleActivities>;
