/**
 * The case workflow's contract: what starts it and the messages it answers. The API and the
 * activities import this module, never the workflow code. The names below are what running
 * cases and recorded histories know the workflow and its messages by: never rename them.
 */
import { SearchAttributeType, defineSearchAttributeKey } from '@temporalio/common';
import { defineUpdate } from '@temporalio/workflow';
import type { CaseRequest } from '../../domain/case-request.js';
import type { Amendment, CaseReviewState, Task, TaskCompletion, Withdrawal } from '../../domain/case-state.js';
import type { CaseStatus, Participants, TaskKind } from '../../domain/parties.js';
import type { FieldChange } from '../../domain/request-changes.js';
import type { ApprenticeshipSettings } from '../apprenticeship/contract.js';
import type { MailRetry } from '../notification/contract.js';

export interface CaseInput {
  caseId: string;
  employerOrganisationId: string;
  submittedBy: string;
  idempotencyKey?: string;
  request: CaseRequest;
  participants: Partial<Participants>;
  submittedAt: string;
  /** Working days each kind of task has; absent in cases started before due dates existed. */
  taskDueWorkingDays?: Partial<Record<TaskKind, number>>;
  /** When set, tasks are due this long after they open instead (demonstrations, tests). */
  taskDueAfterMs?: number;
  /** How long before a task is due its assignee, or its queue, is reminded. */
  taskReminderBeforeMs?: number;
  mailRetry: MailRetry;
  /** Continue as new once the history is this long, as well as when Temporal suggests it (tests). */
  continueAsNewAfterEvents?: number;
  /** How the contract phase runs once the case is authorised; absent in cases submitted before it existed. */
  apprenticeship?: ApprenticeshipSettings;
  /**
   * Set when the API recorded the case and its first tasks before starting the workflow: the
   * review as recorded. The workflow announces those tasks; absent in cases it recorded itself.
   */
  opened?: CaseReviewState;
  /** Set when an earlier run of the case continued as new: where it had got to. */
  continued?: CaseContinuation;
}

/** What one run of the case hands to the next: a plain, serialisable value. */
export interface CaseContinuation {
  review: CaseReviewState;
  /** The case and its first tasks are on the query side. */
  recorded: boolean;
  /** The employer has been told the decision. */
  decisionAnnounced: boolean;
}

/** The registered workflow type: start it by this name, typed by `CaseWorkflow`. */
export const caseWorkflowType = 'caseWorkflow';
export type CaseWorkflow = (input: CaseInput) => Promise<CaseStatus>;

/**
 * Answers once the case and its first tasks are on the query side, so the API can show them.
 * Fails with an ApplicationFailure of type `CaseStuck` (message: why, no personal data) if the
 * case got stuck before that: it will not be recorded until an operator acts.
 */
export const caseRecordedUpdate = defineUpdate<void>('caseRecorded');
export const caseStuckFailureType = 'CaseStuck';
/** An activity's failure type when the database refused the data itself: retrying cannot help. */
export const recordRefusedFailureType = 'RecordRefused';
/** A party answers its task; the validator rejects a wrong party, a closed task, a bad answer. */
export const completeTaskUpdate = defineUpdate<Task, [TaskCompletion]>('completeTask');
/** The employer submits a new revision of the request. */
export const amendRequestUpdate = defineUpdate<{ revision: number; changes: FieldChange[] }, [Amendment]>('amendRequest');
/** The employer withdraws the request. */
export const withdrawCaseUpdate = defineUpdate<void, [Withdrawal]>('withdrawCase');

/**
 * What operators find a case by in the Web UI and with `temporal workflow list --query`;
 * registered when a worker starts, kept current by the workflow. No personal data: these are
 * stored unencrypted.
 */
export const caseSearchAttributes = {
  reference: defineSearchAttributeKey('CaseReference', SearchAttributeType.KEYWORD),
  status: defineSearchAttributeKey('CaseStatus', SearchAttributeType.KEYWORD),
  employer: defineSearchAttributeKey('EmployerId', SearchAttributeType.KEYWORD),
  trade: defineSearchAttributeKey('TradeCode', SearchAttributeType.KEYWORD),
  residenceCountry: defineSearchAttributeKey('ResidenceCountry', SearchAttributeType.KEYWORD),
};
