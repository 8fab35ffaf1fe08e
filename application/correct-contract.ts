import type { Caller } from '../domain/caller.js';
import { luxembourgDate } from '../domain/luxembourg-date.js';
import { correctContractUpdate, type ContractCorrection } from '../workflows/apprenticeship/contract.js';
import { mayActAsEmployer } from './access.js';
import { updateCase } from './case-updates.js';
import { forbidden, invalid, notFound, type Outcome } from './outcome.js';
import type { Services } from './services.js';
import { visibleCase } from './view-case.js';

/**
 * Before registration, the employer corrects authorised data the contract states (the start
 * date, the tutor): a new version is drawn up, and the signatures on the old one are void.
 */
export async function correctContract(
  services: Services,
  caller: Caller,
  command: { caseId: string } & Pick<ContractCorrection, 'startDate' | 'tutor'>,
): Promise<Outcome<{ contractVersion: number }>> {
  const row = await visibleCase(services, caller, command.caseId);
  if (!row) return notFound('case');
  if (!mayActAsEmployer(caller) || row.participants.employer !== caller.organisationId) return forbidden("Only the case's employer corrects its contract");
  const { startDate, tutor } = command;
  const today = luxembourgDate(new Date());
  if (startDate !== undefined && startDate < today) return invalid([{ path: ['startDate'], detail: `The contract cannot start before today (${today})` }]);
  return updateCase(services.temporal, row.id, correctContractUpdate, { organisationId: caller.organisationId, userId: caller.userId, startDate, tutor });
}
