import type { CaseRequest } from './case-request.js';
import type { Signer } from './contract.js';
import { ageOn } from './luxembourg-date.js';

const ageOfMajority = 18;

/** Under 18 on `date`: the contract needs the legal representative's signature. */
export function isMinorOn(birthDate: string, date: string): boolean {
  return ageOn(birthDate, date) < ageOfMajority;
}

/** Who must sign the contract: the employer and the apprentice; for a minor at the start date, the legal representative too. */
export function requiredSigners(request: Pick<CaseRequest, 'apprentice' | 'startDate'>): Signer[] {
  const signers: Signer[] = ['employer', 'apprentice'];
  return isMinorOn(request.apprentice.birthDate, request.startDate) ? [...signers, 'legal_representative'] : signers;
}

/** The required signers whose signature on `version` is still missing. */
export function missingSigners(required: readonly Signer[], signatures: readonly { signer: Signer; contractVersion: number }[], version: number): Signer[] {
  return required.filter((signer) => !signatures.some((s) => s.signer === signer && s.contractVersion === version));
}
