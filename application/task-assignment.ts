import type { Transaction } from 'kysely';
import type { TaskListRow } from '../db/case-queries.js';
import type { Database } from '../db/schema.js';
import { claimTask as takeTask, findTask, findUser, lockTask, logAssignment, setAssignee } from '../db/task-queue.js';
import type { Caller } from '../domain/caller.js';
import type { TaskSummary } from '../api/responses.js';
import { isSupervisor, mayUnclaim } from './access.js';
import { conflict, forbidden, invalid, notFound, ok, type Failure, type Outcome } from './outcome.js';
import { ownTask } from './own-task.js';
import type { Services } from './services.js';
import { taskSummary } from './views.js';

const notOpen = (status: string) => conflict('Task not open', `This task is already ${status}`);

/**
 * Changes who holds the caller's task in one transaction, then answers with the task as it
 * stands; a failure `change` returns leaves everything as it was.
 */
async function changeAssignee(
  services: Services,
  caller: Caller,
  taskId: string,
  change: (task: TaskListRow, trx: Transaction<Database>) => Promise<Failure | undefined>,
): Promise<Outcome<TaskSummary>> {
  const owned = await ownTask(services, caller, taskId);
  if (owned.kind !== 'ok') return owned;
  const failure = await services.db.transaction().execute((trx) => change(owned.value, trx));
  if (failure) return failure;
  const task = await findTask(services.db, taskId);
  return task ? ok(taskSummary(task)) : notFound('task');
}

/** A user of the organisation takes an open task; taking one you already hold changes nothing. */
export function claimTask(services: Services, caller: Caller, taskId: string): Promise<Outcome<TaskSummary>> {
  return changeAssignee(services, caller, taskId, async (task, trx) => {
    const claimed = await takeTask(trx, task.id, caller.userId);
    if (claimed) {
      await logAssignment(trx, { type: 'task_claimed', caseId: claimed.case_id, taskId: task.id, assigneeUserId: caller.userId, actor: caller });
      return undefined;
    }
    // Nothing matched: say why, from the state the winning change left.
    const now = await findTask(trx, task.id);
    if (!now) return notFound('task');
    if (now.status !== 'open') return notOpen(now.status);
    if (now.assignee_user_id !== caller.userId) return conflict('Task already claimed', `This task is already claimed by ${now.assignee_name ?? now.assignee_user_id}`);
    return undefined;
  });
}

/** Puts a task back in the queue: its assignee, or a supervisor, may. */
export async function unclaimTask(services: Services, caller: Caller, taskId: string): Promise<Outcome<TaskSummary>> {
  const supervisor = isSupervisor(await findUser(services.db, caller.userId));
  return changeAssignee(services, caller, taskId, async (task, trx) => {
    const now = await lockTask(trx, task.id);
    if (!now) return notFound('task');
    const assignee = now.assignee_user_id;
    if (!mayUnclaim(caller, assignee, supervisor)) return forbidden('Only the assignee or a supervisor may put this task back in the queue');
    if (now.status !== 'open') return notOpen(now.status);
    // Already in the queue: nothing to release.
    if (assignee === null) return undefined;
    await setAssignee(trx, task.id, null);
    await logAssignment(trx, { type: 'task_unclaimed', caseId: now.case_id, taskId: task.id, assigneeUserId: assignee, actor: caller });
    return undefined;
  });
}

export interface AssignTask {
  taskId: string;
  userId: string;
}

/** A supervisor gives a task to a user of the organisation, claimed or not. */
export async function assignTask(services: Services, caller: Caller, command: AssignTask): Promise<Outcome<TaskSummary>> {
  const owned = await ownTask(services, caller, command.taskId);
  if (owned.kind !== 'ok') return owned;
  if (!isSupervisor(await findUser(services.db, caller.userId))) return forbidden('Only a supervisor of the organisation assigns tasks');
  const target = await findUser(services.db, command.userId);
  if (!target || target.organisation_id !== owned.value.organisation_id) {
    return invalid([{ path: ['userId'], detail: 'Not a user of the organisation the task belongs to' }]);
  }
  return changeAssignee(services, caller, command.taskId, async (task, trx) => {
    const now = await lockTask(trx, task.id);
    if (!now) return notFound('task');
    if (now.status !== 'open') return notOpen(now.status);
    if (now.assignee_user_id === target.id) return undefined;
    await setAssignee(trx, task.id, target.id);
    await logAssignment(trx, { type: 'task_assigned', caseId: now.case_id, taskId: task.id, assigneeUserId: target.id, actor: caller });
    return undefined;
  });
}
