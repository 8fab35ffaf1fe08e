import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface KeyClaim {
  organisationId: string;
  key: string;
  requestHash: string;
  caseId: string;
}

/** Whether this call claimed the key, and the hash of the request that holds it. */
export interface KeyHold {
  claimed: boolean;
  requestHash: string;
}

/**
 * Claims an Idempotency-Key for a request: whether this call claimed it, and the hash of the
 * request that holds it. The primary key makes simultaneous claims wait for each other.
 */
export async function claimIdempotencyKey(db: Kysely<Database>, claim: KeyClaim): Promise<KeyHold> {
  const inserted = await db
    .insertInto('idempotency_keys')
    .values({ organisation_id: claim.organisationId, key: claim.key, request_hash: claim.requestHash, case_id: claim.caseId })
    .onConflict((conflict) => conflict.columns(['organisation_id', 'key']).doNothing())
    .returning('request_hash')
    .executeTakeFirst();
  if (inserted) return { claimed: true, requestHash: inserted.request_hash };
  const held = await db
    .selectFrom('idempotency_keys')
    .select('request_hash')
    .where('organisation_id', '=', claim.organisationId)
    .where('key', '=', claim.key)
    .executeTakeFirstOrThrow();
  return { claimed: false, requestHash: held.request_hash };
}

/** The case started under this key, with the request as first submitted. */
export function caseForKey(db: Kysely<Database>, employerOrganisationId: string, key: string) {
  return db
    .selectFrom('cases')
    .innerJoin('case_revisions', (join) => join.onRef('case_revisions.case_id', '=', 'cases.id').on('case_revisions.revision', '=', 1))
    .select(['cases.id', 'case_revisions.request'])
    .where('cases.employer_organisation_id', '=', employerOrganisationId)
    .where('cases.idempotency_key', '=', key)
    .executeTakeFirst();
}
