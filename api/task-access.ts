import type { Kysely } from 'kysely';
import { visibleTo } from '../db/case-queries.js';
import { findTask } from '../db/task-queue.js';
import type { Database } from '../db/schema.js';
import type { Caller } from '../domain/caller.js';
import { HttpProblem } from './problem.js';

export const taskNotFound = () => new HttpProblem(404, 'Not found', 'There is no task with this id');

/**
 * The caller's organisation's task. A task of a case the caller cannot see answers as an
 * unknown id does (404), so that nobody learns it exists; a party to the case that sees the
 * task in the case gets 403 for another party's task.
 */
export async function ownTask(db: Kysely<Database>, caller: Caller, taskId: string, ministryOrganisationId: string) {
  const task = await findTask(db, taskId);
  if (!task) throw taskNotFound();
  if (task.organisation_id !== caller.organisationId) {
    const seen = await db.selectFrom('cases').select('cases.id').where('cases.id', '=', task.case_id).where(visibleTo(caller, ministryOrganisationId)).executeTakeFirst();
    if (!seen) throw taskNotFound();
    throw new HttpProblem(403, 'Forbidden', 'This task belongs to another organisation');
  }
  return task;
}
