/** A message to send; `key` makes its delivery happen once however often it is retried. */
export type Notification =
  | { key: string; kind: 'task_opened' | 'task_reminder' | 'task_escalated'; taskId: string }
  | { key: string; kind: 'case_decided'; caseId: string }
  /** To the operators: the case is stuck (the reason is on the case). */
  | { key: string; kind: 'case_stuck'; caseId: string }
  | { key: string; kind: 'case_withdrawn'; caseId: string; organisationId: string }
  /** To the employer, the apprentice, the foreign school (with a link to the contract), ADEM and the Chambre des salariés. */
  | { key: string; kind: 'contract_registered'; caseId: string }
  /** To the employer: from the day after, the contract is past its trial period. */
  | { key: string; kind: 'trial_period_ended'; caseId: string; endedOn: string };
