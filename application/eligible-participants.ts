import { assessRequest } from '../db/request-assessment.js';
import type { Caller } from '../domain/caller.js';
import type { CaseRequest } from '../domain/case-request.js';
import type { Participants } from '../domain/parties.js';
import { invalid, ok, type Outcome } from './outcome.js';
import type { Services } from './services.js';

/** Checks a request as the employer sends it, every broken rule at once, and names who answers it. */
export async function eligibleParticipants({ db, config }: Services, caller: Caller, request: CaseRequest, at: string): Promise<Outcome<Partial<Participants>>> {
  const eligibility = await assessRequest(db, request, caller.organisationId, at);
  if (eligibility.problems.length) {
    return invalid(
      eligibility.problems.map((p) => ({ path: p.path, detail: p.message })),
      'The request does not meet the conditions of a cross-border apprenticeship',
    );
  }
  return ok({
    employer: caller.organisationId,
    adem: config.ADEM_ORGANISATION_ID,
    ...(eligibility.trade?.chamberOrganisationId ? { chamber: eligibility.trade.chamberOrganisationId } : {}),
    foreign_school: request.foreignSchool.organisationId,
    ministry: config.MINISTRY_ORGANISATION_ID,
  });
}
