import { Router } from 'express';
import { answerableTask, completeTask } from '../../application/complete-task.js';
import { viewTask } from '../../application/view-task.js';
import { answerSchemas } from '../../domain/answers.js';
import { callerOf } from '../authentication.js';
import type { ApiDependencies } from '../dependencies.js';
import { valueOr } from '../outcomes.js';
import { parseOr400 } from '../problem.js';

export function taskRoutes(dependencies: ApiDependencies): Router {
  const router = Router();

  router.get('/:id', async (request, response) => {
    response.json(valueOr(await viewTask(dependencies, callerOf(response), request.params.id)));
  });

  router.post('/:id/complete', async (request, response) => {
    const caller = callerOf(response);
    // The answer is read by the schema of the task's kind.
    const { kind } = valueOr(await answerableTask(dependencies, caller, request.params.id));
    const answer = parseOr400(answerSchemas[kind], request.body);
    response.json(valueOr(await completeTask(dependencies, caller, { taskId: request.params.id, answer })));
  });

  return router;
}
