import type { Caller } from '../domain/caller.js';
import type { CaseRequest } from '../domain/case-request.js';
import type { CaseDetail } from '../api/responses.js';
import { amendRequestUpdate } from '../workflows/case-review/contract.js';
import { mayActAsEmployer } from './access.js';
import { updateCase } from './case-updates.js';
import { eligibleParticipants } from './eligible-participants.js';
import { forbidden, notFound, ok, type Outcome } from './outcome.js';
import type { Services } from './services.js';
import { caseDetail, visibleCase } from './view-case.js';

export interface AmendRequest {
  caseId: string;
  /** The request revision the employer read; none means it would overwrite changes unseen. */
  expectedRevision: number | undefined;
  request: CaseRequest;
}

/** The employer submits a new revision of the request; the answers its changes reset are asked again. */
export async function amendRequest(services: Services, caller: Caller, command: AmendRequest): Promise<Outcome<CaseDetail>> {
  const row = await visibleCase(services, caller, command.caseId);
  if (!row) return notFound('case');
  if (!mayActAsEmployer(caller)) return forbidden('Only the employer amends its request');
  if (command.expectedRevision === undefined) return { kind: 'revision_required' };
  if (command.expectedRevision !== row.request_revision) {
    return { kind: 'stale_revision', detail: `The request has changed since you read it: it is now at revision ${row.request_revision}` };
  }
  const participants = await eligibleParticipants(services, caller, command.request, new Date().toISOString());
  if (participants.kind !== 'ok') return participants;
  const amended = await updateCase(services.temporal, row.id, amendRequestUpdate, {
    expectedRevision: command.expectedRevision,
    request: command.request,
    participants: participants.value,
    organisationId: caller.organisationId,
    userId: caller.userId,
  });
  if (amended.kind !== 'ok') return amended;
  return ok(await caseDetail(services, (await visibleCase(services, caller, row.id))!));
}
