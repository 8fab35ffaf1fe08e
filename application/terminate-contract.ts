import type { CourseEntryView } from '../api/responses.js';
import type { Caller } from '../domain/caller.js';
import type { TerminationNotice } from '../domain/contract-changes.js';
import { holdsRightToTrain } from '../domain/eligibility.js';
import { loadReferenceData } from '../db/reference-store.js';
import { terminateContractUpdate } from '../workflows/apprenticeship/contract.js';
import { changeCourse } from './contract-course.js';
import { invalid, type Outcome } from './outcome.js';
import type { Services } from './services.js';

export type TerminateContract = Omit<TerminationNotice, 'organisationId' | 'userId'> & { caseId: string };

/**
 * The employer gives (or records) notice of the contract's termination; the competent chamber
 * gets a `termination_agreement` task. A change of employer names an employer organisation.
 */
export function terminateContract(services: Services, caller: Caller, { caseId, ...notice }: TerminateContract): Promise<Outcome<CourseEntryView>> {
  return changeCourse(services, caller, caseId, terminateContractUpdate, notice, async (row) => {
    if (!notice.newEmployer) return undefined;
    const { organisationId, startDate } = notice.newEmployer;
    const employer = await services.db.selectFrom('organisations').select('kind').where('id', '=', organisationId).executeTakeFirst();
    if (employer?.kind !== 'employer') return invalid([{ path: ['newEmployer', 'organisationId'], detail: 'There is no employer organisation with this id' }]);
    // The trade stays: the new employer must hold the right to train for it when the new contract starts.
    if (!holdsRightToTrain(await loadReferenceData(services.db), organisationId, row.trade_code, startDate)) {
      return invalid([{ path: ['newEmployer', 'organisationId'], detail: `This employer has no right to train for ${row.trade_code} on ${startDate}` }]);
    }
    return undefined;
  });
}
