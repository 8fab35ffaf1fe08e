/**
 * The apprenticeship workflow's contract: what starts it and the messages it answers. An
 * authorised case continues as new into this workflow under the same workflow id, so the API
 * reaches it as it reached the review. Never rename the names below: running cases and
 * recorded histories know the workflow and its messages by them.
 */
import { defineUpdate } from '@temporalio/workflow';
import type { ApprenticeshipState } from '../../domain/apprenticeship.js';
import type { Actor, ChangeProposal, ContractChange, Suspension, Termination, TerminationNotice } from '../../domain/contract-changes.js';
import type { Signer } from '../../domain/contract.js';
import type { CaseStatus, TaskKind } from '../../domain/parties.js';
import type { MailRetry } from '../notification/contract.js';

/** How long things take, from configuration: durations shrink in demonstrations and tests. */
export interface ApprenticeshipSettings {
  /** When set, a contract's day lasts this long (see `ContractCalendar`); unset, days are days. */
  dayMs?: number | undefined;
  /** Working days each kind of task has. */
  taskDueWorkingDays?: Partial<Record<TaskKind, number>>;
  /** When set, tasks are due this long after they open instead. */
  taskDueAfterMs?: number | undefined;
  /** How long before a task is due its organisation is reminded. */
  taskReminderBeforeMs?: number | undefined;
  /** How often the employer is reminded to confirm the social security affiliation, until it does. */
  socialSecurityReminderEveryMs?: number | undefined;
  /** How long a personal signing link works (SIGNING_LINK_TTL). */
  signingLinkTtlMs?: number | undefined;
  /** How long the parties have to sign a version of the contract (SIGNATURE_DEADLINE)... */
  signatureDeadlineMs?: number | undefined;
  /** ...and how long before that deadline whoever has not signed is reminded (SIGNATURE_REMINDER_BEFORE). */
  signatureReminderBeforeMs?: number | undefined;
}

export interface ApprenticeshipInput {
  caseId: string;
  employerOrganisationId: string;
  /** When the ministry authorised the case: the contract phase starts then. */
  authorisedAt: string;
  settings: ApprenticeshipSettings;
  mailRetry: MailRetry;
  /** Continue as new once the history is this long, as well as when Temporal suggests it (tests). */
  continueAsNewAfterEvents?: number | undefined;
  /** Where the case stands: the review's outcome at first, then what the last run left. */
  state: ApprenticeshipState;
  /** Where the run that continued as new had got to, for the phase to take up. */
  resumeAt?: 'contract' | 'training' | undefined;
}

export const apprenticeshipWorkflowType = 'apprenticeshipWorkflow';
export type ApprenticeshipWorkflow = (input: ApprenticeshipInput) => Promise<CaseStatus>;

/** The apprentice or the legal representative signs the contract version their personal link names. */
export interface LinkSignature {
  signer: Exclude<Signer, 'employer'>;
  contractVersion: number;
  /** The SHA-256 of the PDF the signing page showed. */
  documentSha256: string;
  /** The link signed through: it is spent once the signature is recorded. */
  linkId: string;
}
export const signContractUpdate = defineUpdate<void, [LinkSignature]>('signContract');

/** A party uploaded a scan of the contract signed on paper, naming whose signatures it carries. */
export interface SignedScan {
  documentId: string;
  signers: Signer[];
  contractVersion: number;
  organisationId: string;
  userId: string;
}
/** Answers the id of the chamber's (or the ministry's) `scan_review` task. */
export const submitSignedScanUpdate = defineUpdate<{ taskId: string }, [SignedScan]>('submitSignedScan');

/** Before registration, the employer corrects authorised data the contract states: a new version follows. */
export interface ContractCorrection {
  organisationId: string;
  userId: string;
  startDate?: string | undefined;
  tutor?: { name: string; email?: string | undefined } | undefined;
}
/** Answers the new contract version. */
export const correctContractUpdate = defineUpdate<{ contractVersion: number }, [ContractCorrection]>('correctContract');
/**
 * The contract's course (domain/contract-changes.ts): a party proposes a change of
 * circumstances, its proposer withdraws it while open; the employer suspends and resumes the
 * training and gives notice of a termination. Answers come as `completeTask` (kinds
 * `change_agreement`, `termination_agreement`). Validators reject a wrong party, a wrong state
 * and dates that do not fit the contract.
 */
export const proposeChangeUpdate = defineUpdate<ContractChange, [ChangeProposal]>('proposeChange');
export const withdrawChangeUpdate = defineUpdate<ContractChange, [Actor & { changeId: string }]>('withdrawChange');
export const suspendTrainingUpdate = defineUpdate<Suspension, [Actor & { from: string }]>('suspendTraining');
export const resumeTrainingUpdate = defineUpdate<Suspension, [Actor & { on: string }]>('resumeTraining');
export const terminateContractUpdate = defineUpdate<Termination, [TerminationNotice]>('terminateContract');

/**
 * After a failed final exam, the employer says whether the parties agreed to extend the
 * contract by a year; the validator rejects anyone else, or a case not waiting for this.
 */
export interface ExtensionDecision {
  agreed: boolean;
  organisationId: string;
  userId: string;
}
export const decideExtensionUpdate = defineUpdate<CaseStatus, [ExtensionDecision]>('decideExtension');
