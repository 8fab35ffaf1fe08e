import type { Insertable, Kysely } from 'kysely';
import { appendEvent, type CaseEvent } from '../db/events.js';
import type { ContractCourseTable, Database } from '../db/schema.js';
import type { CaseSnapshot } from '../domain/case-state.js';
import { project } from '../db/case-opening.js';
import { refusalsAreFinal } from './refusals.js';

/** A row of `contract_course` as the workflow writes it: plain values, dates as ISO strings. */
export type CourseEntry = Omit<Insertable<ContractCourseTable>, 'details'> & { details: Record<string, unknown> };

/**
 * Keeps the query side of a contract's course in step with the workflow: the change,
 * suspension or termination's row, the fact in the case's log and where the case stands, in
 * one transaction. The row is keyed by the workflow's id and the event by its step, so a
 * retried write changes nothing.
 */
export function createContractCourseActivities(db: Kysely<Database>) {
  return refusalsAreFinal({
    async recordCourseEntry({ entry, event, snapshot, employer }: { entry: CourseEntry; event: CaseEvent; snapshot: CaseSnapshot; employer?: { organisationId: string; participants: Record<string, string> } }): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('contract_course')
          .values({ ...entry, details: JSON.stringify(entry.details) })
          .onConflict((conflict) =>
            conflict.columns(['case_id', 'id']).doUpdateSet({ status: entry.status, ends_on: entry.ends_on ?? null, decided_at: entry.decided_at ?? null, took_effect_at: entry.took_effect_at ?? null }),
          )
          .execute();
        // A change of employer: the case is the new employer's from now on.
        if (employer) {
          await trx.updateTable('cases').set({ employer_organisation_id: employer.organisationId, participants: JSON.stringify(employer.participants) }).where('id', '=', entry.case_id).execute();
        }
        await appendEvent(trx, event);
        await project(trx, entry.case_id, snapshot, event.at);
      });
    },
  });
}

export type ContractCourseActivities = ReturnType<typeof createContractCourseActivities>;
