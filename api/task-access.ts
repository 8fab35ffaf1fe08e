import type { Kysely } from 'kysely';
import { findTask } from '../db/task-queue.js';
import type { Database } from '../db/schema.js';
import { HttpProblem } from './problem.js';

export const taskNotFound = () => new HttpProblem(404, 'Not found', 'There is no task with this id');

/** The caller's organisation's task: 404 for an unknown id, 403 for another organisation's task. */
export async function ownTask(db: Kysely<Database>, taskId: string, organisationId: string) {
  const task = await findTask(db, taskId);
  if (!task) throw taskNotFound();
  if (task.organisation_id !== organisationId) {
    throw new HttpProblem(403, 'Forbidden', 'This task belongs to another organisation');
  }
  return task;
}
