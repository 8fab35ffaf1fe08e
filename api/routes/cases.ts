import { createHash, randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { Router } from 'express';
import { z } from 'zod';
import { selectCases, selectTasks, visibleTo } from '../../db/case-queries.js';
import { loadReferenceData } from '../../db/reference-store.js';
import { assessRequest } from '../../db/request-assessment.js';
import type { Caller } from '../../domain/caller.js';
import { caseRequestSchema } from '../../domain/case-request.js';
import type { Participants } from '../../domain/parties.js';
import { caseRecordedUpdate, caseWorkflow, type CaseInput } from '../../workflows/case-workflow.js';
import { callerOf } from '../authentication.js';
import type { ApiDependencies } from '../dependencies.js';
import { HttpProblem, invalidRequest, parseOr400, pointerOf } from '../problem.js';
import { allowanceScheduleOf, caseSummary, taskSummary } from '../views.js';

export const caseListQuery = z.object({
  status: z.enum(['in_review', 'awaiting_decision', 'authorised', 'refused']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const idempotencyKeySchema = z.string().min(1).max(200).optional();

export function caseRoutes({ config, db, temporal }: ApiDependencies): Router {
  const router = Router();

  async function caseDetail(caller: Caller, caseId: string) {
    const row = await selectCases(db)
      .select(['cases.participants', 'cases.eligibility'])
      .where('cases.id', '=', caseId)
      .where(visibleTo(caller, config.MINISTRY_ORGANISATION_ID))
      .executeTakeFirst();
    if (!row) throw new HttpProblem(404, 'Not found', 'There is no case with this id that you can see');
    const [tasks, reference] = await Promise.all([
      selectTasks(db).where('tasks.case_id', '=', caseId).orderBy('tasks.created_at').orderBy('tasks.id').execute(),
      loadReferenceData(db),
    ]);
    return {
      ...caseSummary(row),
      request: row.request,
      participants: row.participants,
      eligibility: row.eligibility,
      // Computed on each read, so a newly published table shows in the years it covers.
      allowanceSchedule: allowanceScheduleOf(row, reference),
      tasks: tasks.map(taskSummary),
    };
  }

  router.post('/', async (request, response) => {
    const caller = callerOf(response);
    if (caller.organisationKind !== 'employer') {
      throw new HttpProblem(403, 'Forbidden', 'Only an employer submits a cross-border apprenticeship request');
    }
    const idempotencyKey = idempotencyKeySchema.safeParse(request.get('idempotency-key'));
    if (!idempotencyKey.success) throw new HttpProblem(400, 'Invalid Idempotency-Key', 'The Idempotency-Key header must have 1 to 200 characters');
    const caseRequest = parseOr400(caseRequestSchema, request.body);
    const key = idempotencyKey.data;

    const replayed = key ? await caseForKey(caller.organisationId, key) : undefined;
    if (replayed) {
      if (!isDeepStrictEqual(replayed.request, caseRequest)) {
        throw new HttpProblem(422, 'Idempotency-Key reused', 'This Idempotency-Key was already used for a different request');
      }
      response.status(200).location(`/v1/cases/${replayed.id}`).json(await caseDetail(caller, replayed.id));
      return;
    }

    const submittedAt = new Date().toISOString();
    const eligibility = await assessRequest(db, caseRequest, caller.organisationId, submittedAt);
    if (eligibility.problems.length) {
      throw invalidRequest(
        eligibility.problems.map((p) => ({ pointer: pointerOf(p.path), detail: p.message })),
        'The request does not meet the conditions of a cross-border apprenticeship',
      );
    }
    const participants: Partial<Participants> = {
      employer: caller.organisationId,
      adem: config.ADEM_ORGANISATION_ID,
      ...(eligibility.trade?.chamberOrganisationId ? { chamber: eligibility.trade.chamberOrganisationId } : {}),
      foreign_school: caseRequest.foreignSchool.organisationId,
      ministry: config.MINISTRY_ORGANISATION_ID,
    };
    const caseId = key ? keyedCaseId(caller.organisationId, key) : randomUUID();
    const input: CaseInput = {
      caseId,
      employerOrganisationId: caller.organisationId,
      submittedBy: caller.userId,
      ...(key ? { idempotencyKey: key } : {}),
      request: caseRequest,
      participants,
      submittedAt,
      taskDueWorkingDays: { opinion: config.TASK_DUE_OPINION, enrolment: config.TASK_DUE_ENROLMENT, decision: config.TASK_DUE_DECISION },
      mailRetry: { initialIntervalMs: config.MAIL_RETRY_INITIAL_INTERVAL, maximumIntervalMs: config.MAIL_RETRY_MAXIMUM_INTERVAL },
    };
    try {
      // Two concurrent submissions with one key meet at the same workflow id.
      const handle = await temporal.workflow.start(caseWorkflow, {
        taskQueue: config.TEMPORAL_TASK_QUEUE,
        workflowId: `case-${caseId}`,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
      await handle.executeUpdate(caseRecordedUpdate);
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    response.status(201).location(`/v1/cases/${caseId}`).json(await caseDetail(caller, caseId));
  });

  router.get('/', async (request, response) => {
    const caller = callerOf(response);
    const query = parseOr400(caseListQuery, request.query);
    let select = selectCases(db).where(visibleTo(caller, config.MINISTRY_ORGANISATION_ID));
    if (query.status) select = select.where('cases.status', '=', query.status);
    const rows = await select.orderBy('cases.submitted_at', 'desc').orderBy('cases.id', 'desc').limit(query.limit).execute();
    response.json({ items: rows.map(caseSummary) });
  });

  router.get('/:id', async (request, response) => {
    const id = z.uuid().safeParse(request.params.id);
    if (!id.success) throw new HttpProblem(404, 'Not found', 'There is no case with this id that you can see');
    response.json(await caseDetail(callerOf(response), id.data));
  });

  function caseForKey(employerOrganisationId: string, key: string) {
    return db
      .selectFrom('cases')
      .select(['id', 'request'])
      .where('employer_organisation_id', '=', employerOrganisationId)
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
  }

  return router;
}

/** The same employer and key always name the same case. */
function keyedCaseId(employerOrganisationId: string, key: string): string {
  const hex = createHash('sha256').update(`${employerOrganisationId}\n${key}`).digest('hex');
  // Shaped as an RFC 9562 version 8 (custom) UUID.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}
