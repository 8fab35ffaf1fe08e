import { z } from 'zod';
import { caseTasks, earlierParty, findCaseInScope } from '../db/case-queries.js';
import { currentSchedule } from '../db/allowance-schedules.js';
import { latestRevision } from '../db/case-revisions.js';
import { affiliationOf, registrationOf } from '../db/contract-registrations.js';
import { loadReferenceData } from '../db/reference-store.js';
import type { Caller } from '../domain/caller.js';
import type { CaseRequest } from '../domain/case-request.js';
import type { PartyKind } from '../domain/parties.js';
import { mayKnow, requestFor, withheld } from '../domain/personal-data.js';
import type { CaseDetail } from '../api/responses.js';
import { caseScope, partyIn } from './access.js';
import { notFound, ok, type Outcome } from './outcome.js';
import type { Services } from './services.js';
import { allowanceScheduleOf, amendedSince, caseSummary, lastAmendmentFor, openChangeRequests, taskSummary } from './views.js';

/** A case the caller may see, with the part its organisation plays in it; undefined for any other id. */
export async function visibleCase({ db, config }: Services, caller: Caller, caseId: string) {
  if (!z.uuid().safeParse(caseId).success) return undefined;
  const row = await findCaseInScope(db, caseId, caseScope(caller, config));
  if (!row) return undefined;
  // An organisation replaced by an amendment keeps the part it had; the scope lets no one else this far.
  const party: PartyKind = partyIn(caller, row.participants, config) ?? (await earlierParty(db, caseId, caller.organisationId))!;
  return { ...row, party };
}

export type VisibleCase = NonNullable<Awaited<ReturnType<typeof visibleCase>>>;

/** The case as the caller may see it: state, request, every task and answer so far. */
export async function viewCase(services: Services, caller: Caller, caseId: string): Promise<Outcome<CaseDetail>> {
  const row = await visibleCase(services, caller, caseId);
  if (!row) return notFound('case');
  return ok(await caseDetail(services, row));
}

export async function caseDetail({ db }: Services, row: VisibleCase): Promise<CaseDetail> {
  const [tasks, lastRevision, allowance, registration, affiliation] = await Promise.all([
    caseTasks(db, row.id),
    latestRevision(db, row.id),
    currentSchedule(db, row.id),
    registrationOf(db, row.id),
    affiliationOf(db, row.id),
  ]);
  const views = tasks.map(taskSummary);
  const amendedAt = amendedSince(lastRevision);
  return {
    ...caseSummary(row),
    revision: row.request_revision,
    request: requestFor(row.request as CaseRequest, row.party),
    participants: row.participants,
    eligibility: row.eligibility as Record<string, unknown> | null,
    // The request's proposal, computed on each read, until the registered contract's schedule is stored.
    allowanceSchedule: allowance ? [] : allowanceScheduleOf(row, await loadReferenceData(db)),
    allowance: allowance ?? null,
    // What the parties asked to change since the last revision: the employer's to-do list.
    changeRequests: openChangeRequests(views, amendedAt),
    lastAmendment: lastAmendmentFor(lastRevision, row.party),
    tasks: views,
    registration: registration
      ? { number: registration.registration_number, contractVersion: registration.contract_version, registeredAt: registration.registered_at.toISOString(), registrar: { id: registration.registrar_id, name: registration.registrar_name } }
      : null,
    socialSecurity: affiliation
      ? {
          affiliationNumber: mayKnow('/socialSecurity/affiliationNumber', row.party) ? affiliation.affiliation_number : withheld,
          affiliatedOn: affiliation.affiliated_on,
          confirmedAt: affiliation.confirmed_at.toISOString(),
        }
      : null,
  };
}
