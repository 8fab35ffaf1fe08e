import { Router } from 'express';
import { z } from 'zod';
import { calendarDate } from '../../domain/calendar-date.js';
import { assignTask, claimTask, unclaimTask } from '../../application/task-assignment.js';
import { listTasks } from '../../application/view-task.js';
import { decodeCursor } from '../../db/keyset-cursor.js';
import { taskScopes } from '../../db/task-queue.js';
import { taskKinds } from '../../domain/parties.js';
import { callerOf } from '../authentication.js';
import type { ApiDependencies } from '../dependencies.js';
import { valueOr } from '../outcomes.js';
import { parseOr400 } from '../problem.js';

export const taskListQuery = z.object({
  scope: z.enum(taskScopes).default('organisation'),
  status: z.enum(['open', 'completed', 'cancelled', 'all']).default('open'),
  kind: z.enum(taskKinds).optional(),
  dueBefore: calendarDate().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z
    .string()
    .refine((cursor) => decodeCursor(cursor) !== undefined, 'This is not a cursor from a previous page')
    .optional(),
});

export const taskAssignmentBody = z.strictObject({
  userId: z.string().min(1),
});

/** An organisation's work queue: its inbox, and who works which task. */
export function taskQueueRoutes(dependencies: ApiDependencies): Router {
  const router = Router();

  router.get('/', async (request, response) => {
    const { cursor, ...query } = parseOr400(taskListQuery, request.query);
    const after = cursor === undefined ? undefined : decodeCursor(cursor);
    response.json(valueOr(await listTasks(dependencies, callerOf(response), { ...query, after })));
  });

  router.post('/:id/claim', async (request, response) => {
    response.json(valueOr(await claimTask(dependencies, callerOf(response), request.params.id)));
  });

  router.post('/:id/unclaim', async (request, response) => {
    response.json(valueOr(await unclaimTask(dependencies, callerOf(response), request.params.id)));
  });

  router.post('/:id/assign', async (request, response) => {
    const { userId } = parseOr400(taskAssignmentBody, request.body);
    response.json(valueOr(await assignTask(dependencies, callerOf(response), { taskId: request.params.id, userId })));
  });

  return router;
}
