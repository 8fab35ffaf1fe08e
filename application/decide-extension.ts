import type { CaseDetail } from '../api/responses.js';
import type { Caller } from '../domain/caller.js';
import { decideExtensionUpdate } from '../workflows/apprenticeship/contract.js';
import { mayActAsEmployer } from './access.js';
import { updateCase } from './case-updates.js';
import { conflict, forbidden, notFound, ok, type Outcome } from './outcome.js';
import type { Services } from './services.js';
import { caseDetail, visibleCase } from './view-case.js';

export interface DecideExtension {
  caseId: string;
  /** The apprentice (and the legal representative of a minor) agreed with the employer to a year more. */
  agreed: boolean;
}

/**
 * After a failed final exam, the employer says whether the parties extend the contract by a
 * year: a new training year and final exam follow, or the contract ends at its term.
 */
export async function decideExtension(services: Services, caller: Caller, command: DecideExtension): Promise<Outcome<CaseDetail>> {
  const row = await visibleCase(services, caller, command.caseId);
  if (!row) return notFound('case');
  if (!mayActAsEmployer(caller)) return forbidden('Only the employer answers for the parties on an extension');
  // Only the training years' workflow knows this message.
  if (row.status !== 'in_training') return conflict('No extension open', `The case is ${row.status}`);
  const decided = await updateCase(services.temporal, row.id, decideExtensionUpdate, { agreed: command.agreed, organisationId: caller.organisationId, userId: caller.userId });
  if (decided.kind !== 'ok') return decided;
  return ok(await caseDetail(services, (await visibleCase(services, caller, row.id))!));
}
