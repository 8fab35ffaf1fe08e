import { Router, type Response } from 'express';
import { z } from 'zod';
import {
  claimTask,
  decodeTaskCursor,
  findTask,
  findUser,
  listTaskQueue,
  lockTask,
  logAssignment,
  setAssignee,
  taskScopes,
} from '../../db/task-queue.js';
import type { Caller } from '../../domain/caller.js';
import { taskKinds } from '../../domain/parties.js';
import { callerOf } from '../authentication.js';
import type { ApiDependencies } from '../dependencies.js';
import { ownTask, taskNotFound } from '../task-access.js';
import { HttpProblem, invalidRequest, parseOr400 } from '../problem.js';
import { taskSummary } from '../views.js';

export const taskListQuery = z.object({
  scope: z.enum(taskScopes).default('organisation'),
  status: z.enum(['open', 'completed', 'cancelled', 'all']).default('open'),
  kind: z.enum(taskKinds).optional(),
  dueBefore: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z
    .string()
    .refine((cursor) => decodeTaskCursor(cursor) !== undefined, 'This is not a cursor from a previous page')
    .optional(),
});

export const taskAssignmentBody = z.strictObject({
  userId: z.string().min(1),
});

const notOpen = (status: string) => new HttpProblem(409, 'Task not open', `This task is already ${status}`);

/** An organisation's work queue: its inbox, and who works which task. */
export function taskQueueRoutes({ db, config }: ApiDependencies): Router {
  const router = Router();

  async function isSupervisor(caller: Caller): Promise<boolean> {
    return (await findUser(db, caller.userId))?.is_supervisor ?? false;
  }

  async function answerWithTask(response: Response, taskId: string) {
    const task = await findTask(db, taskId);
    if (!task) throw taskNotFound();
    response.json(taskSummary(task));
  }

  router.get('/', async (request, response) => {
    const caller = callerOf(response);
    const query = parseOr400(taskListQuery, request.query);
    const { rows, nextCursor } = await listTaskQueue(db, {
      organisationId: caller.organisationId,
      userId: caller.userId,
      scope: query.scope,
      status: query.status,
      kind: query.kind,
      dueBefore: query.dueBefore,
      limit: query.limit,
      after: query.cursor === undefined ? undefined : decodeTaskCursor(query.cursor),
    });
    response.json({ items: rows.map(taskSummary), nextCursor });
  });

  /** Takes an open task; taking one you already hold changes nothing. */
  router.post('/:id/claim', async (request, response) => {
    const caller = callerOf(response);
    const task = await ownTask(db, caller, request.params.id, config.MINISTRY_ORGANISATION_ID);
    await db.transaction().execute(async (trx) => {
      const claimed = await claimTask(trx, task.id, caller.userId);
      if (claimed) {
        await logAssignment(trx, { type: 'task_claimed', caseId: claimed.case_id, taskId: task.id, assigneeUserId: caller.userId, actor: caller });
        return;
      }
      // Nothing matched: say why, from the state the winning change left.
      const current = await findTask(trx, task.id);
      if (!current) throw taskNotFound();
      if (current.status !== 'open') throw notOpen(current.status);
      if (current.assignee_user_id !== caller.userId) {
        throw new HttpProblem(409, 'Task already claimed', `This task is already claimed by ${current.assignee_name ?? current.assignee_user_id}`);
      }
    });
    await answerWithTask(response, task.id);
  });

  /** Puts a task back in the queue: its assignee, or a supervisor, may. */
  router.post('/:id/unclaim', async (request, response) => {
    const caller = callerOf(response);
    const task = await ownTask(db, caller, request.params.id, config.MINISTRY_ORGANISATION_ID);
    const supervisor = await isSupervisor(caller);
    await db.transaction().execute(async (trx) => {
      const current = await lockTask(trx, task.id);
      if (!current) throw taskNotFound();
      const assignee = current.assignee_user_id;
      if (assignee !== null && assignee !== caller.userId && !supervisor) {
        throw new HttpProblem(403, 'Forbidden', 'Only the assignee or a supervisor may put this task back in the queue');
      }
      if (current.status !== 'open') throw notOpen(current.status);
      // Already in the queue: nothing to release.
      if (assignee === null) return;
      await setAssignee(trx, task.id, null);
      await logAssignment(trx, { type: 'task_unclaimed', caseId: current.case_id, taskId: task.id, assigneeUserId: assignee, actor: caller });
    });
    await answerWithTask(response, task.id);
  });

  /** A supervisor gives a task to a user of the organisation, claimed or not. */
  router.post('/:id/assign', async (request, response) => {
    const caller = callerOf(response);
    const task = await ownTask(db, caller, request.params.id, config.MINISTRY_ORGANISATION_ID);
    if (!(await isSupervisor(caller))) {
      throw new HttpProblem(403, 'Forbidden', 'Only a supervisor of the organisation assigns tasks');
    }
    const { userId } = parseOr400(taskAssignmentBody, request.body);
    const target = await findUser(db, userId);
    if (!target || target.organisation_id !== task.organisation_id) {
      throw invalidRequest([{ pointer: '#/userId', detail: 'Not a user of the organisation the task belongs to' }]);
    }
    await db.transaction().execute(async (trx) => {
      const current = await lockTask(trx, task.id);
      if (!current) throw taskNotFound();
      if (current.status !== 'open') throw notOpen(current.status);
      if (current.assignee_user_id === target.id) return;
      await setAssignee(trx, task.id, target.id);
      await logAssignment(trx, { type: 'task_assigned', caseId: current.case_id, taskId: task.id, assigneeUserId: target.id, actor: caller });
    });
    await answerWithTask(response, task.id);
  });

  return router;
}
