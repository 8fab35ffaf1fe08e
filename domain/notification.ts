/** A message to send; `key` makes its delivery happen once however often it is retried. */
export type Notification =
  | { key: string; kind: 'task_opened' | 'task_reminder' | 'task_escalated'; taskId: string }
  | { key: string; kind: 'case_decided'; caseId: string }
  /** To the operators: the case is stuck (the reason is on the case). */
  | { key: string; kind: 'case_stuck'; caseId: string }
  | { key: string; kind: 'case_withdrawn'; caseId: string; organisationId: string }
  /** To the organisation that uploaded a signed scan the chamber did not accept. */
  | { key: string; kind: 'scan_rejected'; caseId: string; organisationId: string };
