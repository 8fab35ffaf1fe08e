import type { Caller } from '../domain/caller.js';
import type { CaseDetail } from '../api/responses.js';
import { withdrawCaseUpdate } from '../workflows/case-review/contract.js';
import { mayActAsEmployer } from './access.js';
import { updateCase } from './case-updates.js';
import { forbidden, notFound, ok, type Outcome } from './outcome.js';
import type { Services } from './services.js';
import { caseDetail, visibleCase } from './view-case.js';

export interface WithdrawCase {
  caseId: string;
  reason?: string | undefined;
}

/** The employer withdraws the request: every open task is cancelled and every party told. */
export async function withdrawCase(services: Services, caller: Caller, command: WithdrawCase): Promise<Outcome<CaseDetail>> {
  const row = await visibleCase(services, caller, command.caseId);
  if (!row) return notFound('case');
  if (!mayActAsEmployer(caller)) return forbidden('Only the employer withdraws its request');
  const withdrawn = await updateCase(services.temporal, row.id, withdrawCaseUpdate, { organisationId: caller.organisationId, userId: caller.userId, reason: command.reason });
  if (withdrawn.kind !== 'ok') return withdrawn;
  return ok(await caseDetail(services, (await visibleCase(services, caller, row.id))!));
}
