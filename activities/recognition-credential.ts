import type { Kysely } from 'kysely';
import { credentialOf, recordCredential } from '../db/recognition-credentials.js';
import type { Database } from '../db/schema.js';
import { credentialPayload, type CertificateFacts } from '../domain/credential.js';
import type { CredentialKeys } from '../infra/credential-keys.js';

/**
 * Signs an equivalence's credential and records it beside its decision (recorded first). A
 * signature is never the same twice, so run again it answers the credential recorded the
 * first time instead of signing anew: the holder's copy stays the one that verifies.
 */
export async function issueCredential(db: Kysely<Database>, keys: CredentialKeys, facts: CertificateFacts & { credentialId: string }): Promise<{ id: string; jwt: string }> {
  const issued = await credentialOf(db, facts.recognitionId);
  if (issued) return issued;
  const jwt = await keys.sign(credentialPayload(facts, keys.issuer));
  return recordCredential(db, { id: facts.credentialId, recognitionId: facts.recognitionId, jwt, issuedAt: facts.decidedAt });
}
