import { createHash, randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { Router, type Response } from 'express';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { selectCases, selectTasks, visibleTo } from '../../db/case-queries.js';
import { loadReferenceData } from '../../db/reference-store.js';
import { latestRevision } from '../../db/case-revisions.js';
import { assessRequest } from '../../db/request-assessment.js';
import type { Database } from '../../db/schema.js';
import type { Caller } from '../../domain/caller.js';
import { caseRequestSchema, type CaseRequest } from '../../domain/case-request.js';
import type { Participants, PartyKind } from '../../domain/parties.js';
import { changesFor, requestFor } from '../../domain/personal-data.js';
import type { FieldChange } from '../../domain/request-changes.js';
import type { Config } from '../../infra/config.js';
import { amendRequestUpdate, caseRecordedUpdate, caseWorkflow, withdrawCaseUpdate, type CaseInput } from '../../workflows/case-workflow.js';
import { callerOf } from '../authentication.js';
import type { ApiDependencies } from '../dependencies.js';
import { HttpProblem, invalidRequest, parseOr400, pointerOf } from '../problem.js';
import type { CaseDetail } from '../responses.js';
import { updateCase } from '../update-failures.js';
import { allowanceScheduleOf, amendedSince, caseSummary, lastAmendmentFor, openChangeRequests, taskSummary } from '../views.js';

export const caseListQuery = z.object({
  status: z.enum(['in_review', 'changes_requested', 'awaiting_decision', 'authorised', 'refused', 'withdrawn']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const withdrawalBody = z.object({ reason: z.string().trim().min(1).max(2_000).optional() }).strict();

const idempotencyKeySchema = z.string().min(1).max(200).optional();
const notFound = () => new HttpProblem(404, 'Not found', 'There is no case with this id that you can see');

export function caseRoutes({ config, db, temporal }: ApiDependencies): Router {
  const router = Router();

  /** The case as the caller may see it, or 404. */
  async function visibleCase(caller: Caller, caseId: string) {
    if (!z.uuid().safeParse(caseId).success) throw notFound();
    const row = await selectCases(db)
      .select(['cases.participants', 'cases.eligibility', 'cases.request_revision'])
      .where('cases.id', '=', caseId)
      .where(visibleTo(caller, config.MINISTRY_ORGANISATION_ID))
      .executeTakeFirst();
    if (!row) throw notFound();
    return { ...row, party: await partyOf(db, caller, row.participants, caseId, config) };
  }

  async function caseDetail(caller: Caller, caseId: string): Promise<CaseDetail> {
    const row = await visibleCase(caller, caseId);
    const [tasks, reference, lastRevision] = await Promise.all([
      selectTasks(db).where('tasks.case_id', '=', caseId).orderBy('tasks.created_at').orderBy('tasks.id').execute(),
      loadReferenceData(db),
      latestRevision(db, caseId),
    ]);
    const views = tasks.map(taskSummary);
    const amendedAt = amendedSince(lastRevision);
    return {
      ...caseSummary(row),
      revision: row.request_revision,
      request: requestFor(row.request as CaseRequest, row.party),
      participants: row.participants,
      eligibility: row.eligibility as Record<string, unknown> | null,
      // Computed on each read, so a newly published table shows in the years it covers.
      allowanceSchedule: allowanceScheduleOf(row, reference),
      // What the parties asked to change since the last revision: the employer's to-do list.
      changeRequests: openChangeRequests(views, amendedAt),
      lastAmendment: lastAmendmentFor(lastRevision, row.party),
      tasks: views,
    };
  }

  /** Answers with the case and its ETag, for the next If-None-Match or If-Match. */
  async function sendCase(response: Response, caller: Caller, caseId: string, status = 200) {
    const detail = await caseDetail(caller, caseId);
    response.status(status).set('ETag', caseETag(detail)).location(`/v1/cases/${caseId}`).json(detail);
  }

  /** Checks a request as the employer would submit it; every broken rule at once. */
  async function eligibleParticipants(caller: Caller, request: CaseRequest, at: string): Promise<Partial<Participants>> {
    const eligibility = await assessRequest(db, request, caller.organisationId, at);
    if (eligibility.problems.length) {
      throw invalidRequest(
        eligibility.problems.map((p) => ({ pointer: pointerOf(p.path), detail: p.message })),
        'The request does not meet the conditions of a cross-border apprenticeship',
      );
    }
    return {
      employer: caller.organisationId,
      adem: config.ADEM_ORGANISATION_ID,
      ...(eligibility.trade?.chamberOrganisationId ? { chamber: eligibility.trade.chamberOrganisationId } : {}),
      foreign_school: request.foreignSchool.organisationId,
      ministry: config.MINISTRY_ORGANISATION_ID,
    };
  }

  router.post('/', async (request, response) => {
    const caller = callerOf(response);
    requireEmployer(caller, 'submits a cross-border apprenticeship request');
    const idempotencyKey = idempotencyKeySchema.safeParse(request.get('idempotency-key'));
    if (!idempotencyKey.success) throw new HttpProblem(400, 'Invalid Idempotency-Key', 'The Idempotency-Key header must have 1 to 200 characters');
    const caseRequest = parseOr400(caseRequestSchema, request.body);
    const key = idempotencyKey.data;

    const replayed = key ? await caseForKey(db, caller.organisationId, key) : undefined;
    if (replayed) {
      if (!isDeepStrictEqual(replayed.request, caseRequest)) {
        throw new HttpProblem(422, 'Idempotency-Key reused', 'This Idempotency-Key was already used for a different request');
      }
      await sendCase(response, caller, replayed.id);
      return;
    }

    const submittedAt = new Date().toISOString();
    const participants = await eligibleParticipants(caller, caseRequest, submittedAt);
    const caseId = key ? keyedCaseId(caller.organisationId, key) : randomUUID();
    const input: CaseInput = {
      caseId,
      employerOrganisationId: caller.organisationId,
      submittedBy: caller.userId,
      ...(key ? { idempotencyKey: key } : {}),
      request: caseRequest,
      participants,
      submittedAt,
      ...taskDeadlines(config),
      mailRetry: { initialIntervalMs: config.MAIL_RETRY_INITIAL_INTERVAL, maximumIntervalMs: config.MAIL_RETRY_MAXIMUM_INTERVAL },
    };
    await startCase(temporal, config, input);
    await sendCase(response, caller, caseId, 201);
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
    const caller = callerOf(response);
    const detail = await caseDetail(caller, request.params.id);
    const etag = caseETag(detail);
    response.set('ETag', etag);
    // Checked here rather than by Express, which skips it when a client (as fetch does) sends Cache-Control: no-cache.
    if (namesETag(request.get('if-none-match'), etag)) {
      response.status(304).end();
      return;
    }
    response.json(detail);
  });

  router.post('/:id/amendments', async (request, response) => {
    const caller = callerOf(response);
    const row = await visibleCase(caller, request.params.id);
    requireEmployer(caller, 'amends its request');
    const expectedRevision = revisionFromIfMatch(request.get('if-match'));
    const amended = parseOr400(caseRequestSchema, request.body);
    if (expectedRevision !== row.request_revision) throw staleRevision(row.request_revision);
    const participants = await eligibleParticipants(caller, amended, new Date().toISOString());
    await updateCase(temporal, row.id, amendRequestUpdate, {
      expectedRevision,
      request: amended,
      participants,
      organisationId: caller.organisationId,
      userId: caller.userId,
    });
    await sendCase(response, caller, row.id);
  });

  router.post('/:id/withdraw', async (request, response) => {
    const caller = callerOf(response);
    const row = await visibleCase(caller, request.params.id);
    requireEmployer(caller, 'withdraws its request');
    const { reason } = parseOr400(withdrawalBody, request.body ?? {});
    await updateCase(temporal, row.id, withdrawCaseUpdate, { organisationId: caller.organisationId, userId: caller.userId, reason });
    await sendCase(response, caller, row.id);
  });

  router.get('/:id/history', async (request, response) => {
    const caller = callerOf(response);
    const row = await visibleCase(caller, request.params.id);
    const events = await db
      .selectFrom('events')
      .leftJoin('users', 'users.id', 'events.actor_user_id')
      .leftJoin('organisations', 'organisations.id', 'events.actor_organisation_id')
      .select(['events.id', 'events.occurred_at', 'events.type', 'events.data', 'events.actor_user_id', 'users.name as user_name', 'events.actor_organisation_id', 'organisations.name as organisation_name'])
      .where('events.case_id', '=', row.id)
      // Parallel answers can be written in another order than they were given.
      .orderBy('events.occurred_at')
      .orderBy('events.id')
      .execute();
    response.json({
      items: events.map((event) => {
        const data = event.data as Record<string, unknown>;
        return {
          at: event.occurred_at.toISOString(),
          type: event.type,
          user: event.actor_user_id ? { id: event.actor_user_id, name: event.user_name } : null,
          organisation: event.actor_organisation_id ? { id: event.actor_organisation_id, name: event.organisation_name } : null,
          data: Array.isArray(data.changes) ? { ...data, changes: changesFor(data.changes as FieldChange[], row.party) } : data,
        };
      }),
    });
  });

  return router;
}

function requireEmployer(caller: Caller, what: string): void {
  if (caller.organisationKind !== 'employer') throw new HttpProblem(403, 'Forbidden', `Only the employer ${what}`);
}

/**
 * A case's ETag, `"r3-<hash>"`: the request revision, then a hash of the whole representation
 * as this caller sees it, so any change (status, tasks, anything) makes a new one.
 */
function caseETag(detail: CaseDetail): string {
  return `"r${detail.revision}-${createHash('sha256').update(JSON.stringify(detail)).digest('base64url').slice(0, 22)}"`;
}

/** Whether an If-None-Match header names this ETag (weak comparison, as RFC 9110 asks for it). */
function namesETag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.trim() === '*' || header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * The request revision named by If-Match (`"r3-…"`, or `"3"` as given before): an amendment
 * compares only that, since a task answered meanwhile does not change what is amended.
 */
function revisionFromIfMatch(header: string | undefined): number {
  if (!header) throw new HttpProblem(428, 'Precondition required', 'Send If-Match with the ETag of the case you amend');
  const revision = /^(?:W\/)?"r?(\d+)(?:-[\w-]+)?"$/.exec(header.trim())?.[1];
  if (!revision) throw new HttpProblem(400, 'Invalid If-Match', 'If-Match must be the ETag of a case, such as "r3-…"');
  return Number(revision);
}

export function staleRevision(current: number): HttpProblem {
  return new HttpProblem(412, 'Precondition failed', `The request has changed since you read it: it is now at revision ${current}; read it again before amending`);
}

/** The part the caller's organisation plays in this case, for what of the personal data it may see. */
async function partyOf(db: Kysely<Database>, caller: Caller, participants: Record<string, string>, caseId: string, config: Config): Promise<PartyKind> {
  if (caller.organisationId === participants.employer) return 'employer';
  if (caller.organisationId === config.MINISTRY_ORGANISATION_ID) return 'ministry';
  const current = Object.entries(participants).find(([, organisationId]) => organisationId === caller.organisationId)?.[0];
  if (current) return current as PartyKind;
  // An organisation replaced by an amendment keeps the part it had; visibleTo lets no one else this far.
  const earlier = await db.selectFrom('tasks').select('party').where('case_id', '=', caseId).where('organisation_id', '=', caller.organisationId).executeTakeFirstOrThrow();
  return earlier.party;
}

function taskDeadlines(config: Config): Pick<CaseInput, 'taskDueWorkingDays' | 'taskDueAfterMs' | 'taskReminderBeforeMs'> {
  return {
    taskDueWorkingDays: { opinion: config.TASK_DUE_OPINION, enrolment: config.TASK_DUE_ENROLMENT, decision: config.TASK_DUE_DECISION, amendment: config.TASK_DUE_AMENDMENT },
    ...(config.TASK_DUE_AFTER !== undefined ? { taskDueAfterMs: config.TASK_DUE_AFTER } : {}),
    taskReminderBeforeMs: config.TASK_REMINDER_BEFORE,
  };
}

async function startCase(temporal: Client, config: Config, input: CaseInput): Promise<void> {
  try {
    // Two concurrent submissions with one key meet at the same workflow id.
    const handle = await temporal.workflow.start(caseWorkflow, {
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      workflowId: `case-${input.caseId}`,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    await handle.executeUpdate(caseRecordedUpdate);
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}

/** The case started under this key, with the request as first submitted. */
function caseForKey(db: Kysely<Database>, employerOrganisationId: string, key: string) {
  return db
    .selectFrom('cases')
    .innerJoin('case_revisions', (join) => join.onRef('case_revisions.case_id', '=', 'cases.id').on('case_revisions.revision', '=', 1))
    .select(['cases.id', 'case_revisions.request'])
    .where('cases.employer_organisation_id', '=', employerOrganisationId)
    .where('cases.idempotency_key', '=', key)
    .executeTakeFirst();
}

/** The same employer and key always name the same case. */
function keyedCaseId(employerOrganisationId: string, key: string): string {
  const hex = createHash('sha256').update(`${employerOrganisationId}\n${key}`).digest('hex');
  // Shaped as an RFC 9562 version 8 (custom) UUID.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}
