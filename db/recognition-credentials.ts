import { sql, type Kysely } from 'kysely';
import type { DiplomaType, RegisteredDecision } from '../domain/recognition.js';
import type { Database } from './schema.js';

/** A credential as the public verification reads it: only what its certificate shows, not the revocation's reasons. */
export interface IssuedCredential {
  id: string;
  jwt: string;
  holder: { givenName: string; familyName: string };
  diploma: DiplomaType;
  decision: RegisteredDecision;
  decidedAt: Date;
  revokedAt: Date | null;
}

/** Records a signed credential; recording it again (a retried activity) keeps the first. */
export async function recordCredential(db: Kysely<Database>, credential: { id: string; recognitionId: string; jwt: string; issuedAt: string }): Promise<void> {
  await db
    .insertInto('recognition_credentials')
    .values({ id: credential.id, recognition_id: credential.recognitionId, jwt: credential.jwt, issued_at: credential.issuedAt })
    .onConflict((conflict) => conflict.doNothing())
    .execute();
}

/** The credential with this id, with its decision and its holder's name. */
export async function findCredential(db: Kysely<Database>, id: string): Promise<IssuedCredential | undefined> {
  const row = await db
    .selectFrom('recognition_credentials as c')
    .innerJoin('recognition_decisions as d', 'd.recognition_id', 'c.recognition_id')
    .innerJoin('recognitions as r', 'r.id', 'c.recognition_id')
    .select(['c.id', 'c.jwt', 'd.diploma', 'd.decision', 'd.decided_at', 'd.revoked_at'])
    .select([sql<string>`r.request->'holder'->>'givenName'`.as('given_name'), sql<string>`r.request->'holder'->>'familyName'`.as('family_name')])
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    jwt: row.jwt,
    holder: { givenName: row.given_name, familyName: row.family_name },
    diploma: row.diploma,
    decision: row.decision,
    decidedAt: row.decided_at,
    revokedAt: row.revoked_at,
  };
}

/** A recognition's decision as the register keeps it, with its revocation if any. */
export function findDecision(db: Kysely<Database>, recognitionId: string) {
  return db
    .selectFrom('recognition_decisions')
    .select(['recognition_id', 'diploma', 'decision', 'reasons', 'decided_at', 'revoked_at', 'revoked_by', 'revocation_reasons'])
    .where('recognition_id', '=', recognitionId)
    .executeTakeFirst();
}

export type DecisionRow = NonNullable<Awaited<ReturnType<typeof findDecision>>>;

/**
 * Revokes a decision not yet revoked: it is no precedent any more and its credential verifies
 * as revoked. Undefined when it was revoked already (by another officer at the same moment).
 */
export function revokeDecision(db: Kysely<Database>, revocation: { recognitionId: string; by: string; reasons: string; at: Date }) {
  return db
    .updateTable('recognition_decisions')
    .set({ revoked_at: revocation.at, revoked_by: revocation.by, revocation_reasons: revocation.reasons })
    .where('recognition_id', '=', revocation.recognitionId)
    .where('revoked_at', 'is', null)
    .returning(['recognition_id', 'diploma', 'decision', 'reasons', 'decided_at', 'revoked_at', 'revoked_by', 'revocation_reasons'])
    .executeTakeFirst();
}
