import { Router } from 'express';
import { selectCases, selectTasks } from '../../db/case-queries.js';
import { latestRevision } from '../../db/case-revisions.js';
import type { Caller } from '../../domain/caller.js';
import { answerSchemas, isAnswerable } from '../../domain/answers.js';
import { reviewParties } from '../../domain/parties.js';
import type { TaskCompletion } from '../../domain/case-state.js';
import { completeTaskUpdate } from '../../workflows/case-workflow.js';
import { callerOf } from '../authentication.js';
import type { ApiDependencies } from '../dependencies.js';
import { HttpProblem, parseOr400 } from '../problem.js';
import type { TaskDetail } from '../responses.js';
import { ownTask } from '../task-access.js';
import { updateCase } from '../update-failures.js';
import { amendedSince, caseSummary, lastAmendmentFor, openChangeRequests, taskSummary } from '../views.js';

export function taskRoutes({ db, temporal, config }: ApiDependencies): Router {
  const router = Router();

  async function taskDetail(caller: Caller, taskId: string): Promise<TaskDetail> {
    const task = await ownTask(db, caller, taskId, config.MINISTRY_ORGANISATION_ID);
    const [caseRow, revision, caseTasks] = await Promise.all([
      selectCases(db).where('cases.id', '=', task.case_id).executeTakeFirstOrThrow(),
      latestRevision(db, task.case_id),
      selectTasks(db).where('tasks.case_id', '=', task.case_id).orderBy('tasks.created_at').orderBy('tasks.id').execute(),
    ]);
    const others = caseTasks.map(taskSummary);
    return {
      ...taskSummary(task),
      case: caseSummary(caseRow),
      // A party asked again sees what changed since it last answered.
      lastAmendment: lastAmendmentFor(revision, task.party),
      // The ministry decides with the opinions and the enrolment answers in front of it.
      ...(task.kind === 'decision' ? { answers: others.filter((t) => (reviewParties as readonly string[]).includes(t.party)) } : {}),
      // The employer amends with every request for changes in front of it.
      ...(task.kind === 'amendment' ? { changeRequests: openChangeRequests(others, amendedSince(revision)) } : {}),
    };
  }

  router.get('/:id', async (request, response) => {
    response.json(await taskDetail(callerOf(response), request.params.id));
  });

  router.post('/:id/complete', async (request, response) => {
    const caller = callerOf(response);
    const task = await ownTask(db, caller, request.params.id, config.MINISTRY_ORGANISATION_ID);
    if (!isAnswerable(task.kind)) {
      throw new HttpProblem(409, 'Task not answerable', 'This task is completed by amending the request: POST /v1/cases/{id}/amendments');
    }
    const answer = parseOr400(answerSchemas[task.kind], request.body);
    if (task.status !== 'open') throw new HttpProblem(409, 'Task not open', `This task is already ${task.status}`);
    // A claim holds the task: its holder completes it, or a supervisor unclaims or reassigns it first.
    if (task.assignee_user_id !== null && task.assignee_user_id !== caller.userId) {
      throw new HttpProblem(409, 'Task claimed by someone else', `This task is held by ${task.assignee_name ?? task.assignee_user_id}; only they complete it, unless a supervisor unclaims or reassigns it`);
    }
    const completion: TaskCompletion = { taskId: task.id, organisationId: caller.organisationId, userId: caller.userId, answer };
    await updateCase(temporal, task.case_id, completeTaskUpdate, completion);
    response.json(await taskDetail(caller, task.id));
  });

  return router;
}
