import { caseInScope, type TaskListRow } from '../db/case-queries.js';
import { findTask } from '../db/task-queue.js';
import type { Caller } from '../domain/caller.js';
import { caseScope, taskStanding } from './access.js';
import { forbidden, notFound, ok, type Outcome } from './outcome.js';
import type { Services } from './services.js';

/**
 * The caller's organisation's task. A task of a case the caller cannot see fails as an unknown
 * id does; a party to the case, which sees every task in it, is refused another party's task.
 */
export async function ownTask({ db, config }: Services, caller: Caller, taskId: string): Promise<Outcome<TaskListRow>> {
  const task = await findTask(db, taskId);
  if (!task) return notFound('task');
  const own = task.organisation_id === caller.organisationId;
  const standing = taskStanding(caller, task, own || (await caseInScope(db, task.case_id, caseScope(caller, config))));
  if (standing === 'hidden') return notFound('task');
  if (standing === 'seen') return forbidden('This task belongs to another organisation');
  return ok(task);
}
