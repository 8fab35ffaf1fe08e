import type { ContractNotice } from './contract-changes.js';

/** A message to send; `key` makes its delivery happen once however often it is retried. */
export type Notification =
  | { key: string; kind: 'task_opened' | 'task_reminder' | 'task_escalated'; taskId: string }
  | { key: string; kind: 'case_decided'; caseId: string }
  /** To the operators: the case is stuck (the reason is on the case). */
  | { key: string; kind: 'case_stuck'; caseId: string }
  | { key: string; kind: 'case_withdrawn'; caseId: string; organisationId: string }
  /** A fact of the contract's course, to one organisation or to the foreign authority of the case's school's country. */
  | { key: string; kind: 'contract_notice'; caseId: string; notice: ContractNotice; on: string; to: { organisationId: string } | 'foreign_authority' };
