import { ParentClosePolicy, proxyActivities, startChild, uuid4 } from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { CaseRecognitionActivities } from '../../activities/recognitions.js';
import { now } from '../workflow-steps.js';
import { recognitionWorkflowId, recognitionWorkflowType, type RecognitionWorkflow } from '../recognition/contract.js';
import type { ApprenticeshipRun } from './run.js';

const graduation = proxyActivities<CaseRecognitionActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumInterval: '30 seconds' },
});

/**
 * A passed final exam asks for the diploma's recognition (DOMAIN.md step 7): the graduate's
 * request, made from what the case knows, starts a recognition of its own that outlives the case.
 */
export async function startRecognition(run: ApprenticeshipRun, diploma: { diplomaTitle: string; diplomaDate: string }): Promise<void> {
  const recognitionId = uuid4();
  const request = await graduation.recognitionRequestForCase(run.caseId, diploma);
  try {
    await startChild<RecognitionWorkflow>(recognitionWorkflowType, {
      workflowId: recognitionWorkflowId(recognitionId),
      args: [{ recognitionId, origin: { kind: 'case', caseId: run.caseId }, request, requestedAt: now(), mailRetry: run.input.mailRetry }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
    });
  } catch (error) {
    // Started by an earlier attempt of this step: it is on its way.
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
  await run.recordEvent('recognition.started', 'recognition_started', { recognitionId });
}
