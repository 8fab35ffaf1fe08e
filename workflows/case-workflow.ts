import {
  ApplicationFailure,
  ParentClosePolicy,
  allHandlersFinished,
  condition,
  defineUpdate,
  proxyActivities,
  setHandler,
  startChild,
} from '@temporalio/workflow';
import type { CaseRecordActivities } from '../activities/case-records.js';
import type { CaseRequest } from '../domain/case-request.js';
import { CaseReview, type Task, type TaskCompletion } from '../domain/case-state.js';
import type { Notification } from '../domain/notification.js';
import type { CaseStatus, Participants, TaskKind } from '../domain/parties.js';
import { deliverNotification, type MailRetry } from './notification-workflow.js';

export interface CaseInput {
  caseId: string;
  employerOrganisationId: string;
  submittedBy: string;
  idempotencyKey?: string;
  request: CaseRequest;
  participants: Partial<Participants>;
  submittedAt: string;
  /** Working days each kind of task has; absent in cases started before due dates existed. */
  taskDueWorkingDays?: Record<TaskKind, number>;
  mailRetry: MailRetry;
}

/** Answers once the case and its first tasks are on the query side, so the API can show them. */
export const caseRecordedUpdate = defineUpdate<void>('caseRecorded');
/** A party answers its task; the validator rejects a wrong party, a closed task, a bad answer. */
export const completeTaskUpdate = defineUpdate<Task, [TaskCompletion]>('completeTask');

const records = proxyActivities<CaseRecordActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumInterval: '30 seconds' },
});

/**
 * One cross-border apprenticeship request, from submission to the minister's decision:
 * ADEM, the chamber and the foreign school answer in parallel, then the ministry decides.
 */
export async function caseWorkflow(input: CaseInput): Promise<CaseStatus> {
  const review = new CaseReview(input.caseId, input.participants);
  let recorded = false;

  setHandler(caseRecordedUpdate, () => condition(() => recorded));
  setHandler(
    completeTaskUpdate,
    async (completion) => {
      const task = review.complete(completion, now());
      await records.recordTaskCompleted({ caseId: input.caseId, task, snapshot: review.snapshot() });
      return task;
    },
    {
      validator: (completion) => {
        const rejection = review.validate(completion);
        if (rejection) {
          throw ApplicationFailure.create({
            type: rejection.reason,
            message: rejection.message,
            details: [rejection.fields ?? []],
            nonRetryable: true,
          });
        }
      },
    },
  );

  await records.recordCaseSubmitted({ ...input, snapshot: review.snapshot() });
  await openTasks(review.openReviewTasks(now()));
  recorded = true;
  await condition(() => review.reviewsAnswered());

  await openTasks([review.openDecisionTask(now())]);
  await condition(() => review.decision() !== undefined);
  await condition(allHandlersFinished);

  await notify({ key: `${input.caseId}.decided`, kind: 'case_decided', caseId: input.caseId });
  return review.status();

  async function openTasks(tasks: Task[]): Promise<void> {
    const snapshot = review.snapshot();
    await Promise.all(
      tasks.map(async (task) => {
        const dueInWorkingDays = input.taskDueWorkingDays?.[task.kind];
        const dueOn = await records.recordTaskOpened({ caseId: input.caseId, task, snapshot, dueInWorkingDays });
        if (dueOn) task.dueOn = dueOn;
        await notify({ key: `${task.id}.opened`, kind: 'task_opened', taskId: task.id });
      }),
    );
  }

  async function notify(notification: Notification): Promise<void> {
    await startChild(deliverNotification, {
      workflowId: `notification-${notification.key}`,
      args: [notification, input.mailRetry],
      parentClosePolicy: ParentClosePolicy.ABANDON,
    });
  }
}

/** Workflow time (deterministic on replay), as an ISO timestamp. */
function now(): string {
  return new Date().toISOString();
}
