import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { Router } from 'express';
import { z } from 'zod';
import { selectCases, selectTasks } from '../../db/case-queries.js';
import { answerSchemas } from '../../domain/answers.js';
import type { RejectionReason, TaskCompletion } from '../../domain/case-state.js';
import { taskKinds } from '../../domain/parties.js';
import { completeTaskUpdate } from '../../workflows/case-workflow.js';
import { callerOf } from '../authentication.js';
import type { ApiDependencies } from '../dependencies.js';
import { HttpProblem, invalidRequest, parseOr400, pointerOf } from '../problem.js';
import { caseSummary, taskSummary } from '../views.js';

export const taskListQuery = z.object({
  status: z.enum(['open', 'completed', 'cancelled', 'all']).default('open'),
  kind: z.enum(taskKinds).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const notFound = () => new HttpProblem(404, 'Not found', 'There is no task with this id');

export function taskRoutes({ db, temporal }: ApiDependencies): Router {
  const router = Router();

  /** The caller's own task, or 404 for an unknown id and 403 for another organisation's task. */
  async function ownTask(taskId: string, organisationId: string) {
    const task = await selectTasks(db).where('tasks.id', '=', taskId).executeTakeFirst();
    if (!task) throw notFound();
    if (task.organisation_id !== organisationId) {
      throw new HttpProblem(403, 'Forbidden', 'This task belongs to another organisation');
    }
    return task;
  }

  async function taskDetail(taskId: string, organisationId: string) {
    const task = await ownTask(taskId, organisationId);
    const caseRow = await selectCases(db).where('cases.id', '=', task.case_id).executeTakeFirstOrThrow();
    // The ministry decides with the opinions and the enrolment answer in front of it.
    const answers =
      task.kind === 'decision'
        ? (await selectTasks(db).where('tasks.case_id', '=', task.case_id).where('tasks.party', '!=', 'ministry').orderBy('tasks.created_at').execute()).map(taskSummary)
        : undefined;
    return { ...taskSummary(task), case: caseSummary(caseRow), ...(answers ? { answers } : {}) };
  }

  router.get('/', async (request, response) => {
    const caller = callerOf(response);
    const query = parseOr400(taskListQuery, request.query);
    let select = selectTasks(db).where('tasks.organisation_id', '=', caller.organisationId);
    if (query.status !== 'all') select = select.where('tasks.status', '=', query.status);
    if (query.kind) select = select.where('tasks.kind', '=', query.kind);
    const rows = await select.orderBy('tasks.created_at').orderBy('tasks.id').limit(query.limit).execute();
    response.json({ items: rows.map(taskSummary) });
  });

  router.get('/:id', async (request, response) => {
    response.json(await taskDetail(request.params.id, callerOf(response).organisationId));
  });

  router.post('/:id/complete', async (request, response) => {
    const caller = callerOf(response);
    const task = await ownTask(request.params.id, caller.organisationId);
    const answer = parseOr400(answerSchemas[task.kind], request.body);
    if (task.status !== 'open') throw new HttpProblem(409, 'Task not open', `This task is already ${task.status}`);
    const completion: TaskCompletion = { taskId: task.id, organisationId: caller.organisationId, userId: caller.userId, answer };
    try {
      await temporal.workflow.getHandle(`case-${task.case_id}`).executeUpdate(completeTaskUpdate, { args: [completion] });
    } catch (error) {
      throw asProblem(error);
    }
    response.json(await taskDetail(task.id, caller.organisationId));
  });

  return router;
}

/** The workflow's validator has the last word: its rejections become the matching 4xx. */
function asProblem(error: unknown): unknown {
  if (error instanceof WorkflowNotFoundError) return new HttpProblem(409, 'Task not open', 'The case is closed');
  if (!(error instanceof WorkflowUpdateFailedError) || !(error.cause instanceof ApplicationFailure)) return error;
  const failure = error.cause;
  switch (failure.type as RejectionReason) {
    case 'TaskNotFound':
      return notFound();
    case 'WrongParty':
      return new HttpProblem(403, 'Forbidden', failure.message);
    case 'TaskNotOpen':
      return new HttpProblem(409, 'Task not open', failure.message);
    case 'InvalidAnswer': {
      const fields = (failure.details?.[0] ?? []) as { path: PropertyKey[]; message: string }[];
      return invalidRequest(fields.map((f) => ({ pointer: pointerOf(f.path), detail: f.message })));
    }
    default:
      return error;
  }
}
