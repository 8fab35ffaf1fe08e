import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { ApplicationFailure } from '@temporalio/common';
import type { RejectionReason } from '../domain/case-state.js';
import { HttpProblem, invalidRequest, pointerOf } from './problem.js';

/** The workflow's validators have the last word: their rejections become the matching 4xx. */
function asProblem(error: unknown): unknown {
  if (error instanceof WorkflowNotFoundError) return new HttpProblem(409, 'Case closed', 'The case is closed');
  if (!(error instanceof WorkflowUpdateFailedError) || !(error.cause instanceof ApplicationFailure)) return error;
  const failure = error.cause;
  switch (failure.type as RejectionReason) {
    case 'TaskNotFound':
      return new HttpProblem(404, 'Not found', failure.message);
    case 'WrongParty':
      return new HttpProblem(403, 'Forbidden', failure.message);
    case 'TaskNotOpen':
      return new HttpProblem(409, 'Task not open', failure.message);
    case 'AmendmentTask':
      return new HttpProblem(409, 'Task not answerable', `${failure.message}: POST /v1/cases/{id}/amendments`);
    case 'CaseClosed':
      return new HttpProblem(409, 'Case closed', failure.message);
    case 'StaleRevision':
      return new HttpProblem(412, 'Precondition failed', `${failure.message}; read it again before amending`);
    case 'InvalidAnswer': {
      const fields = (failure.details?.[0] ?? []) as { path: PropertyKey[]; message: string }[];
      return invalidRequest(fields.map((f) => ({ pointer: pointerOf(f.path), detail: f.message })));
    }
    default:
      return error;
  }
}

/** Sends an Update to a case's workflow; its rejection comes back as the matching 4xx. */
export async function updateCase<Ret, Arg>(temporal: Client, caseId: string, update: UpdateDefinition<Ret, [Arg]>, arg: Arg): Promise<Ret> {
  try {
    return await temporal.workflow.getHandle(`case-${caseId}`).executeUpdate(update, { args: [arg] });
  } catch (error) {
    throw asProblem(error);
  }
}
