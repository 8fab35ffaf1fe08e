import { contractVersions } from '../db/contracts.js';
import { findCaseDocument } from '../db/documents.js';
import type { Caller } from '../domain/caller.js';
import type { Signer } from '../domain/contract.js';
import { submitSignedScanUpdate } from '../workflows/apprenticeship/contract.js';
import { mayAttachDocuments } from './access.js';
import { updateCase } from './case-updates.js';
import { conflict, forbidden, invalid, notFound, type Outcome } from './outcome.js';
import type { Services } from './services.js';
import { visibleCase } from './view-case.js';

export interface SubmitSignedScan {
  caseId: string;
  /** A document of the case of kind `signed_contract`, uploaded first (POST /v1/cases/{id}/documents). */
  documentId: string;
  /** Whose signatures the scan carries. */
  signers: Signer[];
}

/**
 * The employer hands in the contract signed outside the system, as an uploaded scan naming whose
 * signatures it carries: the competent chamber (the ministry where none) accepts or rejects it.
 */
export async function submitSignedScan(services: Services, caller: Caller, command: SubmitSignedScan): Promise<Outcome<{ taskId: string }>> {
  const row = await visibleCase(services, caller, command.caseId);
  if (!row) return notFound('case');
  if (!mayAttachDocuments(caller, row.participants)) return forbidden("Only the case's employer hands in a signed scan");
  const document = await findCaseDocument(services.db, row.id, command.documentId);
  if (document?.kind !== 'signed_contract') {
    return invalid([{ path: ['documentId'], detail: 'Upload the scan first as a document of kind signed_contract of this case' }]);
  }
  const current = (await contractVersions(services.db, row.id)).at(-1);
  if (!current) return conflict('No contract', 'No contract is drawn up for this case yet');
  return updateCase(services.temporal, row.id, submitSignedScanUpdate, {
    documentId: document.id,
    signers: command.signers,
    contractVersion: current.version,
    organisationId: caller.organisationId,
    userId: caller.userId,
  });
}
