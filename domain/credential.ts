import type { JWTPayload } from 'jose';
import type { Language } from './language.js';
import type { DiplomaType, RegisteredDecision } from './recognition.js';

/**
 * What a recognition's certificate shows, and so all its credential and the public
 * verification may reveal: never the applicant's e-mail or the documents.
 */
export interface CertificateFacts {
  recognitionId: string;
  /** The credential's id (its JWT `jti`); an equivalence has one, a refusal none. */
  credentialId?: string | undefined;
  holder: { givenName: string; familyName: string; birthDate: string };
  diploma: DiplomaType;
  awardedOn: string;
  schoolName: string;
  decision: RegisteredDecision;
  /** A refusal's reasons. */
  reasons?: string | undefined;
  decidedAt: string;
  language: Language;
  /** Where anyone checks the credential. */
  verificationUrl: string;
}

/** TODO(helper credentials): the W3C verifiable credential's claims (with its `jti`) for these facts. */
export function credentialPayload(_facts: CertificateFacts, _issuer: string): JWTPayload & { jti: string } {
  throw new Error('not yet built');
}
