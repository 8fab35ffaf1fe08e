import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { ApplicationFailure } from '@temporalio/common';
import { recognitionFailureTypes, recognitionWorkflowId } from '../workflows/recognition/contract.js';
import { conflict, forbidden, ok, type Failure, type Outcome } from './outcome.js';

/** The recognition's validators have the last word: their rejections become typed failures. */
function failureOf(error: unknown): Failure | undefined {
  if (error instanceof WorkflowNotFoundError) return conflict('Recognition closed', 'The recognition is decided: nothing more can be done in it');
  if (!(error instanceof WorkflowUpdateFailedError) || !(error.cause instanceof ApplicationFailure)) return undefined;
  const failure = error.cause;
  switch (failure.type) {
    case recognitionFailureTypes.wrongState:
      return conflict('Not possible now', failure.message);
    case recognitionFailureTypes.feeUnpaid:
      return conflict('Fee not paid', `${failure.message}: record the payment first (POST /v1/recognitions/{id}/payment)`);
    case recognitionFailureTypes.fourEyes:
      return forbidden(`Four eyes: ${failure.message}`);
    default:
      return undefined;
  }
}

/** Sends an Update to a recognition's workflow; a rejection comes back as a failure, anything else is thrown. */
export async function updateRecognition<Ret, Arg>(temporal: Client, recognitionId: string, update: UpdateDefinition<Ret, [Arg]>, arg: Arg): Promise<Outcome<Ret>> {
  try {
    return ok(await temporal.workflow.getHandle(recognitionWorkflowId(recognitionId)).executeUpdate(update, { args: [arg] }));
  } catch (error) {
    const failure = failureOf(error);
    if (failure) return failure;
    throw error;
  }
}
