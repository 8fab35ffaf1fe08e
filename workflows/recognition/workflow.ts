import { ApplicationFailure, allHandlersFinished, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { RecognitionNotice } from '../../domain/notification.js';
import type { Payment, RecognitionDecision, RecognitionStatus } from '../../domain/recognition.js';
import { noticesSent, notify, now } from '../workflow-steps.js';
import {
  approveDecisionUpdate,
  proposeDecisionUpdate,
  recognitionFailureTypes,
  recordPaymentUpdate,
  requestDocumentsUpdate,
  submitDocumentsUpdate,
  type OpenedRecognition,
  type RecognitionActivities,
  type RecognitionActor,
  type RecognitionStatusChange,
  type RecognitionWorkflow,
} from './contract.js';

const recognitions = proxyActivities<RecognitionActivities>({
  startToCloseTimeout: '1 minute',
  retry: { maximumInterval: '30 seconds' },
});

/**
 * A foreign diploma's recognition (DOMAIN.md step 7): the applicant adds the documents, the
 * ministry's recognition staff examine them (asking again for what is missing or unreadable),
 * one officer proposes a decision and another approves it, and it is issued.
 */
export const recognitionWorkflow: RecognitionWorkflow = async function recognitionWorkflow(input) {
  const { recognitionId } = input;
  // Known once the request is recorded: an Update taken before then waits for it to write.
  let opened: OpenedRecognition | undefined;
  let status: RecognitionStatus = 'awaiting_applicant';
  let sequence = 0;
  let feePaid = false;
  let proposal: { decision: RecognitionDecision; by: RecognitionActor } | undefined;
  let approval: RecognitionActor | undefined;

  const tell = (notice: RecognitionNotice) => notify({ key: `recognition-${recognitionId}.${sequence}.${notice}`, kind: 'recognition_notice', recognitionId, notice }, input.mailRetry);
  const recorded = () => condition(() => opened !== undefined);
  const record = async (next: RecognitionStatus, change: Omit<RecognitionStatusChange, 'recognitionId' | 'sequence' | 'status' | 'at'> = {}) => {
    status = next;
    sequence += 1;
    // Stamped when it happened, written once the request is.
    const written: RecognitionStatusChange = { recognitionId, sequence, status: next, at: now(), ...change };
    await recorded();
    await recognitions.recordRecognitionStatus(written);
  };
  /** The fee is known once the request is recorded: checked then if the payment came before. */
  const checkFee = (payment: Payment) => {
    if (opened && payment.amountCents !== opened.feeCents) throw failure(recognitionFailureTypes.wrongState, `The fee is ${opened.feeCents} cents; ${payment.amountCents} were recorded`);
  };
  const expect = (...statuses: RecognitionStatus[]) => {
    if (!statuses.includes(status)) throw failure(recognitionFailureTypes.wrongState, `The recognition is ${status}`);
  };

  setHandler(
    submitDocumentsUpdate,
    async ({ by }) => {
      await record('in_examination', { by });
    },
    { validator: (_submission) => expect('awaiting_applicant') },
  );
  setHandler(
    requestDocumentsUpdate,
    async ({ by, request }) => {
      await record('awaiting_applicant', { by, documentRequest: request });
      await tell('documents_requested');
    },
    { validator: (_request) => expect('in_examination') },
  );
  setHandler(
    recordPaymentUpdate,
    async ({ by, payment }) => {
      await recorded();
      checkFee(payment);
      await recognitions.recordPayment(recognitionId, payment, by);
      feePaid = true;
    },
    {
      validator: ({ payment }) => {
        expect('awaiting_applicant', 'in_examination', 'awaiting_approval');
        checkFee(payment);
      },
    },
  );
  setHandler(
    proposeDecisionUpdate,
    async ({ by, decision }) => {
      proposal = { decision, by };
      await record('awaiting_approval', { by, proposal: decision });
    },
    {
      validator: (_proposal) => {
        expect('in_examination');
        if (!feePaid) throw failure(recognitionFailureTypes.feeUnpaid, 'The fee has not been paid');
      },
    },
  );
  setHandler(
    approveDecisionUpdate,
    async ({ by, approved }) => {
      if (approved) approval = by;
      else {
        proposal = undefined;
        await record('in_examination', { by });
      }
    },
    {
      validator: ({ by }) => {
        expect('awaiting_approval');
        // Four eyes: the officer who proposed the decision never approves it.
        if (by.userId === proposal?.by.userId) throw failure(recognitionFailureTypes.fourEyes, 'A decision is approved by another officer than the one who proposed it');
      },
    },
  );

  opened = await recognitions.openRecognition(input);
  feePaid ||= opened.feeCents === 0;
  await tell('documents_needed');
  await condition(() => approval !== undefined);
  const { decision, by: proposedBy } = proposal!;
  await recognitions.issueRecognition({ recognitionId, decision, proposedBy, approvedBy: approval!, decidedAt: now() });
  await record(decision.outcome === 'equivalence' ? 'recognised' : 'refused', { by: approval });
  await tell(decision.outcome === 'equivalence' ? 'recognised' : 'refused');
  await condition(() => allHandlersFinished() && noticesSent());
  return status;
};

function failure(type: string, message: string): ApplicationFailure {
  return ApplicationFailure.create({ type, message, nonRetryable: true });
}
