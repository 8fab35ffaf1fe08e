import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { ApplicationFailure } from '@temporalio/common';
import type { RejectionReason } from '../domain/case-state.js';
import { caseStuckFailureType } from '../workflows/case-review/contract.js';
import { conflict, forbidden, invalid, notFound, ok, type Failure, type Outcome } from './outcome.js';

/** The workflow's validators have the last word: their rejections become typed failures. */
function failureOf(error: unknown): Failure | undefined {
  if (error instanceof WorkflowNotFoundError) return conflict('Case closed', 'The case is closed');
  if (!(error instanceof WorkflowUpdateFailedError) || !(error.cause instanceof ApplicationFailure)) return undefined;
  const failure = error.cause;
  // The Update that met a failure retrying cannot fix: the case is stuck now.
  if (failure.type === caseStuckFailureType) return { kind: 'case_stuck' };
  // The workflow takes a phase's Updates only in that phase: a contract's before there is one is a request out of turn, not our failure.
  if (failure.message.startsWith('No registered handler for update')) return conflict('Not possible now', 'The case is not at the stage that takes this request');
  switch (failure.type as RejectionReason) {
    case 'TaskNotFound':
      return notFound('task');
    case 'WrongParty':
      return forbidden(failure.message);
    case 'TaskNotOpen':
      return conflict('Task not open', failure.message);
    case 'AmendmentTask':
      return conflict('Task not answerable', `${failure.message}: POST /v1/cases/{id}/amendments`);
    case 'CaseClosed':
      return conflict('Case closed', failure.message);
    case 'StaleContract':
      return conflict('Stale contract', failure.message);
    case 'AlreadySigned':
      return { kind: 'gone', reason: 'used', title: 'Already signed', detail: failure.message };
    case 'StaleRevision':
      return { kind: 'stale_revision', detail: failure.message };
    case 'WrongState':
      return conflict('Not possible now', failure.message);
    case 'ChangeNotFound':
      return notFound('change');
    case 'InvalidDates':
    case 'InvalidAnswer': {
      const fields = (failure.details?.[0] ?? []) as { path: PropertyKey[]; message: string }[];
      return invalid(fields.map((f) => ({ path: f.path, detail: f.message })));
    }
    default:
      return undefined;
  }
}

/** Sends an Update to a case's workflow; a rejection comes back as a failure, anything else is thrown. */
export async function updateCase<Ret, Arg>(temporal: Client, caseId: string, update: UpdateDefinition<Ret, [Arg]>, arg: Arg): Promise<Outcome<Ret>> {
  try {
    return ok(await temporal.workflow.getHandle(`case-${caseId}`).executeUpdate(update, { args: [arg] }));
  } catch (error) {
    const failure = failureOf(error);
    if (failure) return failure;
    throw error;
  }
}
