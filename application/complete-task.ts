import { isAnswerable, type Answer, type AnswerableKind } from '../domain/answers.js';
import type { Caller } from '../domain/caller.js';
import type { TaskDetail } from '../api/responses.js';
import { completeTaskUpdate } from '../workflows/case-review/contract.js';
import { findTask } from '../db/task-queue.js';
import { heldByAnother } from './access.js';
import { updateCase } from './case-updates.js';
import { conflict, ok, type Failure, type Outcome } from './outcome.js';
import { ownTask } from './own-task.js';
import type { Services } from './services.js';
import { viewTask } from './view-task.js';

export interface CompleteTask {
  taskId: string;
  /** Parsed by the answer schema of the task's kind (see `answerableTask`). */
  answer: Answer;
}

/** Which kind of answer a task takes (the door parses the answer by it), once the caller may complete it. */
export async function answerableTask(services: Services, caller: Caller, taskId: string): Promise<Outcome<{ kind: AnswerableKind }>> {
  const owned = await ownTask(services, caller, taskId);
  if (owned.kind !== 'ok') return owned;
  const { kind } = owned.value;
  if (!isAnswerable(kind)) return conflict('Task not answerable', 'This task is completed by amending the request: POST /v1/cases/{id}/amendments');
  return ok({ kind });
}

/** A party answers its task: an opinion, an enrolment confirmation or the decision. */
export async function completeTask(services: Services, caller: Caller, command: CompleteTask): Promise<Outcome<TaskDetail>> {
  const owned = await ownTask(services, caller, command.taskId);
  if (owned.kind !== 'ok') return owned;
  const task = owned.value;
  if (task.status !== 'open') return conflict('Task not open', `This task is already ${task.status}`);
  // A claim holds the task: its holder completes it, or a supervisor unclaims or reassigns it first.
  if (heldByAnother(caller, task)) {
    return conflict('Task claimed by someone else', `This task is held by ${task.assignee_name ?? task.assignee_user_id}; only they complete it, unless a supervisor unclaims or reassigns it`);
  }
  const completed = await updateCase(services.temporal, task.case_id, completeTaskUpdate, { taskId: task.id, organisationId: caller.organisationId, userId: caller.userId, answer: command.answer });
  if (completed.kind !== 'ok' && !(await answerLost(services, caller, task.id, completed))) return completed;
  return viewTask(services, caller, task.id);
}

/**
 * Whether a rejection is of the caller's own completion, sent again. An Update's answer can be lost
 * once the workflow has taken it (a dropped connection; Temporal drops the answer given in the
 * workflow task that continues as new, temporalio/temporal#6375): the client sends it again, and
 * the run, or the run after it, finds the task done or gone. The query side, written before the
 * answer, has the last word on who completed it.
 */
async function answerLost(services: Services, caller: Caller, taskId: string, rejection: Failure): Promise<boolean> {
  if (rejection.kind !== 'conflict' && rejection.kind !== 'not_found') return false;
  const task = await findTask(services.db, taskId);
  return task?.status === 'completed' && task.completed_by === caller.userId;
}
