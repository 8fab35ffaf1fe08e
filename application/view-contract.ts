import { contractSignatures, contractVersions, findContractVersion, signatureDeadlines } from '../db/contracts.js';
import type { Caller } from '../domain/caller.js';
import { caseReference } from '../domain/case-reference.js';
import type { CaseContract } from '../api/responses.js';
import { caseWithDocuments, storedBytes } from './case-documents.js';
import { notFound, ok, type Outcome } from './outcome.js';
import type { Services } from './services.js';

/** A case's contract for its parties: each version drawn up, the signatures so far, the registration. */
export async function viewContract(services: Services, caller: Caller, caseId: string): Promise<Outcome<CaseContract>> {
  const row = await caseWithDocuments(services, caller, caseId);
  if (row.kind !== 'ok') return row;
  const { id } = row.value;
  const [versions, signatures, deadlines] = await Promise.all([contractVersions(services.db, id), contractSignatures(services.db, id), signatureDeadlines(services.db, id)]);
  const current = versions.at(-1);
  if (!current) return notFound('contract');
  return ok({
    currentVersion: current.version,
    registrationNumber: versions.find((v) => v.registration_number !== null)?.registration_number ?? null,
    versions: versions.map((v) => ({
      version: v.version,
      sha256: v.sha256,
      size: v.size,
      language: v.language,
      drawnUpAt: v.drawn_up_at.toISOString(),
      status: v.status,
      registrationNumber: v.registration_number,
      registeredAt: v.registered_at?.toISOString() ?? null,
      signatureDeadline: deadlines.get(v.version) ?? null,
      document: `/v1/cases/${id}/contract/versions/${v.version}/document`,
    })),
    signatures: signatures.map((s) => ({
      contractVersion: s.contract_version,
      signer: s.signer,
      method: s.method,
      signedAt: s.signed_at.toISOString(),
      sha256: s.sha256,
      voidedAt: s.voided_at?.toISOString() ?? null,
    })),
  });
}

/** One version of a case's contract as the PDF its parties read and sign. */
export async function downloadContract(
  services: Services,
  caller: Caller,
  command: { caseId: string; version: number },
): Promise<Outcome<{ fileName: string; sha256: string; bytes: Buffer }>> {
  const row = await caseWithDocuments(services, caller, command.caseId);
  if (row.kind !== 'ok') return row;
  const contract = await findContractVersion(services.db, row.value.id, command.version);
  if (!contract) return notFound('contract');
  return ok({
    fileName: `contract-${caseReference(row.value.id)}-v${contract.version}.pdf`,
    sha256: contract.sha256,
    bytes: await storedBytes(services, contract.sha256, `contract ${row.value.id} version ${contract.version}`),
  });
}
