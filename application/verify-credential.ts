import { findCredential } from '../db/recognition-credentials.js';
import { luxembourgDate } from '../domain/luxembourg-date.js';
import type { DiplomaType, LuxembourgQualification } from '../domain/recognition.js';
import type { CredentialKeys } from '../infra/credential-keys.js';
import { ok, type Outcome } from './outcome.js';
import type { Services } from './services.js';

/** What anyone holding a credential learns of it: what its certificate shows, and whether it stands. */
export type CredentialVerification =
  | { status: 'unknown' }
  | {
      status: 'valid' | 'revoked';
      credentialId: string;
      holder: { givenName: string; familyName: string };
      diploma: DiplomaType;
      qualification: LuxembourgQualification;
      level: number;
      tradeCode?: string | undefined;
      decidedOn: string;
      /** A revoked credential's day of revocation; its reasons are the applicant's and the ministry's. */
      revokedOn?: string | undefined;
    };

const credentialIdPattern = /^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/**
 * Checks a credential for anyone, without an account: it is valid or revoked only when the
 * ministry's key signed it and the ministry issued exactly this JWT; anything else (tampered,
 * forged, unknown, not a JWT) is unknown, with no hint of why, so nobody learns which ids exist.
 */
export async function verifyCredential({ db }: Pick<Services, 'db'>, keys: CredentialKeys, jwt: string): Promise<Outcome<CredentialVerification>> {
  const unknown = ok<CredentialVerification>({ status: 'unknown' });
  const payload = await keys.verify(jwt);
  const id = credentialIdPattern.exec(payload?.jti ?? '')?.[1];
  if (!id) return unknown;
  const credential = await findCredential(db, id);
  if (!credential || credential.jwt !== jwt || credential.decision.outcome !== 'equivalence') return unknown;
  const { decision } = credential;
  return ok({
    status: credential.revokedAt ? 'revoked' : 'valid',
    credentialId: payload!.jti!,
    holder: credential.holder,
    diploma: credential.diploma,
    qualification: decision.qualification,
    level: decision.level,
    ...(decision.tradeCode ? { tradeCode: decision.tradeCode } : {}),
    decidedOn: luxembourgDate(credential.decidedAt),
    ...(credential.revokedAt ? { revokedOn: luxembourgDate(credential.revokedAt) } : {}),
  });
}
