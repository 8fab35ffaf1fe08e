import type { ContractNotice } from './contract-changes.js';
import type { Signer } from './contract.js';

/** What a recognition's applicant is told: what to add, what is asked again, the decision. */
export type RecognitionNotice = 'documents_needed' | 'documents_requested' | 'recognised' | 'refused' | 'revoked';

/** A message to send; `key` makes its delivery happen once however often it is retried. */
export type Notification =
  | { key: string; kind: 'task_opened' | 'task_reminder' | 'task_escalated'; taskId: string }
  | { key: string; kind: 'case_decided'; caseId: string }
  /** To the operators: the case is stuck (the reason is on the case). */
  | { key: string; kind: 'case_stuck'; caseId: string }
  | { key: string; kind: 'case_withdrawn'; caseId: string; organisationId: string }
  /** A fact of the contract's course, to one organisation or to the foreign authority of the case's school's country. */
  | { key: string; kind: 'contract_notice'; caseId: string; notice: ContractNotice; on: string; to: { organisationId: string } | 'foreign_authority' }
  /** To the employer and the registrar: a version's signature deadline passed with these signatures missing. */
  | { key: string; kind: 'signatures_overdue'; caseId: string; organisationId: string; missing: Signer[] }
  /** To the organisation that uploaded a signed scan the chamber did not accept. */
  | { key: string; kind: 'scan_rejected'; caseId: string; organisationId: string }
  /** To the employer: a training year begins, and with it the year's allowance (amounts behind the link). */
  | { key: string; kind: 'allowance_year'; caseId: string; year: number; from: string }
  /** To the employer: from `from`, the allowance paid is below the minimum of the stored schedule. */
  | { key: string; kind: 'allowance_below_minimum'; caseId: string; from: string }
  /** To a party: the school reported the final exam. */
  | { key: string; kind: 'final_exam_reported'; caseId: string; organisationId: string; outcome: 'passed' | 'failed' }
  /** To the employer, the apprentice, the foreign school (with a link to the contract), ADEM and the Chambre des salariés. */
  | { key: string; kind: 'contract_registered'; caseId: string }
  /** To the employer: from the day after, the contract is past its trial period. */
  | { key: string; kind: 'trial_period_ended'; caseId: string; endedOn: string }
  /** To a recognition's applicant: the documents and decisions are behind the link, never in the mail. */
  | { key: string; kind: 'recognition_notice'; recognitionId: string; notice: RecognitionNotice };

/** The employer's notice that a schedule version's minimum is above the allowance paid: keyed by the version, so it goes once whoever stores it. */
export function allowanceBelowMinimum(caseId: string, version: number, from: string): Notification {
  return { key: `${caseId}.allowance.${version}.below-minimum`, kind: 'allowance_below_minimum', caseId, from };
}

/** A task's organisation (or its assignee) is told the task is open: keyed by the task, so it goes once. */
export function taskOpened(taskId: string): Notification {
  return { key: `${taskId}.opened`, kind: 'task_opened', taskId };
}

/** The employer is told the ministry's decision, once. */
export function caseDecided(caseId: string): Notification {
  return { key: `${caseId}.decided`, kind: 'case_decided', caseId };
}
