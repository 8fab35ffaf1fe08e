import { caseTasks, findCase } from '../db/case-queries.js';
import { latestRevision } from '../db/case-revisions.js';
import { listTaskQueue, type TaskQueueFilter } from '../db/task-queue.js';
import type { Caller } from '../domain/caller.js';
import { reviewParties } from '../domain/parties.js';
import type { TaskDetail, TaskSummary } from '../api/responses.js';
import { ok, type Outcome } from './outcome.js';
import { ownTask } from './own-task.js';
import type { Services } from './services.js';
import { amendedSince, caseSummary, lastAmendmentFor, openChangeRequests, taskSummary } from './views.js';

/** A task of the caller's organisation, with what it needs in front of it to answer. */
export async function viewTask(services: Services, caller: Caller, taskId: string): Promise<Outcome<TaskDetail>> {
  const { db } = services;
  const owned = await ownTask(services, caller, taskId);
  if (owned.kind !== 'ok') return owned;
  const task = owned.value;
  const [caseRow, revision, tasks] = await Promise.all([
    findCase(db, task.case_id),
    latestRevision(db, task.case_id),
    caseTasks(db, task.case_id),
  ]);
  const others = tasks.map(taskSummary);
  return ok({
    ...taskSummary(task),
    case: caseSummary(caseRow),
    // A party asked again sees what changed since it last answered.
    lastAmendment: lastAmendmentFor(revision, task.party),
    // The ministry decides with the opinions and the enrolment answers in front of it.
    ...(task.kind === 'decision' ? { answers: others.filter((t) => (reviewParties as readonly string[]).includes(t.party)) } : {}),
    // The employer amends with every request for changes in front of it.
    ...(task.kind === 'amendment' ? { changeRequests: openChangeRequests(others, amendedSince(revision)) } : {}),
  });
}

export type TaskListQuery = Omit<TaskQueueFilter, 'organisationId' | 'userId'>;

/** The inbox of the caller's organisation: only its own tasks, whatever the filter. */
export async function listTasks({ db }: Services, caller: Caller, query: TaskListQuery): Promise<Outcome<{ items: TaskSummary[]; nextCursor: string | null }>> {
  const { rows, nextCursor } = await listTaskQueue(db, { ...query, organisationId: caller.organisationId, userId: caller.userId });
  return ok({ items: rows.map(taskSummary), nextCursor });
}
