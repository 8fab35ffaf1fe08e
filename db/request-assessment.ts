import type { Kysely } from 'kysely';
import type { CaseRequest } from '../domain/case-request.js';
import { checkEligibility, type Eligibility } from '../domain/eligibility.js';
import { luxembourgDate } from '../domain/luxembourg-date.js';
import { loadReferenceData } from './reference-store.js';
import type { Database } from './schema.js';

/**
 * Checks a request against the reference data in the database. The API answers with
 * this before starting a case, and the workflow records the same check at submission.
 */
export async function assessRequest(
  db: Kysely<Database>,
  request: CaseRequest,
  employerOrganisationId: string,
  submittedAt: string,
): Promise<Eligibility> {
  const [reference, school] = await Promise.all([
    loadReferenceData(db),
    db
      .selectFrom('organisations')
      .select(['id', 'country', 'region'])
      .where('id', '=', request.foreignSchool.organisationId)
      .where('kind', '=', 'foreign_school')
      .executeTakeFirst(),
  ]);
  return checkEligibility(request, { reference, employerOrganisationId, school, submittedOn: luxembourgDate(submittedAt) });
}
