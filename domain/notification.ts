/** A message to send; `key` makes its delivery happen once however often it is retried. */
export type Notification =
  | { key: string; kind: 'task_opened' | 'task_reminder' | 'task_escalated'; taskId: string }
  | { key: string; kind: 'case_decided'; caseId: string }
  | { key: string; kind: 'case_withdrawn'; caseId: string; organisationId: string };
