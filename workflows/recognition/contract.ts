/**
 * The recognition's contract: its input, its Updates and the activities it asks for. The API,
 * the case's final exam and the activities import this, never the workflow. Never rename the
 * names below: running recognitions know them.
 */
import { defineUpdate } from '@temporalio/workflow';
import type { DocumentRequest, Payment, RecognitionDecision, RecognitionOrigin, RecognitionRequest, RecognitionStatus, RegisteredDecision, TranslatedKind } from '../../domain/recognition.js';
import type { MailRetry } from '../notification/contract.js';

export const recognitionWorkflowType = 'recognitionWorkflow';

/** The workflow id of a recognition: the API reaches it by the recognition's id. */
export function recognitionWorkflowId(recognitionId: string): string {
  return `recognition-${recognitionId}`;
}

/** Who did something: a user and the organisation they act for. */
export interface RecognitionActor {
  userId: string;
  organisationId: string;
}

/** What starts a recognition, from either door. */
export interface RecognitionInput {
  recognitionId: string;
  origin: RecognitionOrigin;
  request: RecognitionRequest;
  /** The applicant's account, when they asked on their own; a graduate's is opened by the recognition. */
  applicantUserId?: string | undefined;
  requestedAt: string;
  mailRetry: MailRetry;
}

/** What the recognition knows once it is recorded. */
export interface OpenedRecognition {
  applicantUserId: string;
  applicantOrganisationId: string;
  required: TranslatedKind[];
  feeCents: number;
}

/** A status the query side records, with the step it opens (and so closes the one before). */
export interface RecognitionStatusChange {
  recognitionId: string;
  /** Counts the changes of this recognition: a retried write carrying the same one writes nothing twice. */
  sequence: number;
  status: RecognitionStatus;
  at: string;
  by?: RecognitionActor | undefined;
  /** What was asked for (awaiting_applicant after the first) or decided (awaiting_approval). */
  documentRequest?: DocumentRequest | undefined;
  proposal?: RecognitionDecision | undefined;
}

/** What is issued: the register entry, the certificate and, for an equivalence, the credential. */
export interface IssuedRecognition {
  decision: RegisteredDecision;
  certificateDocumentSha256: string;
  credentialId?: string | undefined;
}

/** The side effects a recognition asks for; `activities/recognitions.ts` implements them, each idempotent. */
export interface RecognitionActivities {
  /**
   * Records the request (and a graduate's applicant account, found or opened by e-mail), with
   * its required documents and the fee of the issuing country in force; tells the applicant what
   * to add. Run again, it answers what it recorded the first time.
   */
  openRecognition(input: RecognitionInput): Promise<OpenedRecognition>;
  recordRecognitionStatus(change: RecognitionStatusChange): Promise<void>;
  recordPayment(recognitionId: string, payment: Payment, by: RecognitionActor): Promise<void>;
  /**
   * Records the approved decision in the register of decisions, draws up the certificate (PDF,
   * the applicant's language) and signs the credential for an equivalence; tells the applicant.
   */
  issueRecognition(command: { recognitionId: string; decision: RecognitionDecision; proposedBy: RecognitionActor; approvedBy: RecognitionActor; decidedAt: string }): Promise<IssuedRecognition>;
}

/** The applicant says the documents are there (the API checks they are complete first). */
export const submitDocumentsUpdate = defineUpdate<void, [{ by: RecognitionActor }]>('submitDocuments');
/** Recognition staff ask for documents again: the request waits on the applicant, their clock stops. */
export const requestDocumentsUpdate = defineUpdate<void, [{ by: RecognitionActor; request: DocumentRequest }]>('requestDocuments');
/** Recognition staff record the fee's payment. */
export const recordPaymentUpdate = defineUpdate<void, [{ by: RecognitionActor; payment: Payment }]>('recordPayment');
/** Recognition staff propose a decision; it waits for a second officer's approval. */
export const proposeDecisionUpdate = defineUpdate<void, [{ by: RecognitionActor; decision: RecognitionDecision }]>('proposeDecision');
/** A second officer approves the proposal (it is issued) or sends it back with reasons. */
export const approveDecisionUpdate = defineUpdate<void, [{ by: RecognitionActor; approved: boolean; reasons?: string | undefined }]>('approveDecision');

/** The failure types an Update answers with, which the API turns into its answers. */
export const recognitionFailureTypes = {
  /** The request is not in the state the Update needs (e.g. a decision proposed while documents are awaited). */
  wrongState: 'RecognitionWrongState',
  /** The officer who proposed the decision tried to approve it. */
  fourEyes: 'RecognitionFourEyes',
  /** A decision proposed before the fee is paid. */
  feeUnpaid: 'RecognitionFeeUnpaid',
} as const;

export type RecognitionWorkflow = (input: RecognitionInput) => Promise<RecognitionStatus>;
