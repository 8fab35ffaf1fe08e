import { createHash, randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import {
  isGrpcDeadlineError,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  WithStartWorkflowOperation,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { writeOpenedTask, writeSubmittedCase, taskDue } from '../db/case-opening.js';
import { caseForKey, claimIdempotencyKey, type KeyHold } from '../db/idempotency-keys.js';
import { enqueueNotices } from '../db/notice-outbox.js';
import { refusalOf } from '../db/refusals.js';
import { assessRequest } from '../db/request-assessment.js';
import { CaseReview } from '../domain/case-state.js';
import { taskOpened } from '../domain/notification.js';
import type { Caller } from '../domain/caller.js';
import type { CaseRequest } from '../domain/case-request.js';
import type { Config } from '../infra/config.js';
import type { CaseDetail } from '../api/responses.js';
import type { ApprenticeshipSettings } from '../workflows/apprenticeship/contract.js';
import { caseRecordedUpdate, caseStuckFailureType, caseWorkflowType, type CaseInput, type CaseWorkflow } from '../workflows/case-review/contract.js';
import { mayActAsEmployer } from './access.js';
import { eligibleParticipants } from './eligible-participants.js';
import { forbidden, ok, type Failure, type Outcome } from './outcome.js';
import type { Services } from './services.js';
import { mailRetryOf } from './send-notice.js';
import { caseDetail, visibleCase } from './view-case.js';

export interface SubmitRequest {
  request: CaseRequest;
  /** Sent again with the same request, it answers with the case it started. */
  idempotencyKey?: string | undefined;
}

/** An employer submits a cross-border apprenticeship request: the case starts, and its first tasks open. */
export async function submitRequest(services: Services, caller: Caller, command: SubmitRequest): Promise<Outcome<{ created: boolean; case: CaseDetail }>> {
  const { db, config } = services;
  if (!mayActAsEmployer(caller)) return forbidden('Only the employer submits a cross-border apprenticeship request');
  const key = command.idempotencyKey;

  const replayed = key ? await caseForKey(db, caller.organisationId, key) : undefined;
  if (replayed) {
    if (!isDeepStrictEqual(replayed.request, command.request)) return { kind: 'idempotency_key_reused' };
    return ok({ created: false, case: await caseDetail(services, (await visibleCase(services, caller, replayed.id))!) });
  }

  const submittedAt = new Date().toISOString();
  const participants = await eligibleParticipants(services, caller, command.request, submittedAt);
  if (participants.kind !== 'ok') return participants;
  const caseId = key ? keyedCaseId(caller.organisationId, key) : randomUUID();
  const input: CaseInput = {
    caseId,
    employerOrganisationId: caller.organisationId,
    submittedBy: caller.userId,
    ...(key ? { idempotencyKey: key } : {}),
    request: command.request,
    participants: participants.value,
    submittedAt,
    ...taskDeadlines(config),
    mailRetry: mailRetryOf(config),
    ...(config.CASE_CONTINUE_AS_NEW_AFTER_EVENTS ? { continueAsNewAfterEvents: config.CASE_CONTINUE_AS_NEW_AFTER_EVENTS } : {}),
    apprenticeship: apprenticeshipSettings(config),
  };
  const requestHash = key ? hashOf(command.request) : undefined;
  const opening = await openCase(services, input, requestHash);
  let created = true;
  if (opening.kind === 'held' || opening.kind === 'refused') {
    if (key && requestHash) {
      // The first body to claim the key wins; the case it started is the one every sender of that body sees.
      const held = opening.kind === 'held' ? opening : await claimIdempotencyKey(db, { organisationId: caller.organisationId, key, requestHash, caseId });
      if (held.requestHash !== requestHash) return { kind: 'idempotency_key_reused' };
      created = opening.kind === 'refused' && held.claimed;
    }
    // Let the workflow record it and say when it has: a case the database refuses gets stuck there, and operators hear why.
    const recorded = await startCase(services, input);
    if (recorded) return recorded;
  } else if (opening.kind !== 'opened') {
    return opening;
  }
  const row = await visibleCase(services, caller, caseId);
  // A closed run that never recorded the case: it got stuck.
  if (!row) return { kind: 'case_stuck' };
  return ok({ created, case: await caseDetail(services, row) });
}

function taskDeadlines(config: Config): Pick<CaseInput, 'taskDueWorkingDays' | 'taskDueAfterMs' | 'taskReminderBeforeMs'> {
  const deadlines: Pick<CaseInput, 'taskDueWorkingDays' | 'taskDueAfterMs' | 'taskReminderBeforeMs'> = {
    taskDueWorkingDays: { opinion: config.TASK_DUE_OPINION, enrolment: config.TASK_DUE_ENROLMENT, decision: config.TASK_DUE_DECISION, amendment: config.TASK_DUE_AMENDMENT },
    taskReminderBeforeMs: config.TASK_REMINDER_BEFORE,
  };
  if (config.TASK_DUE_AFTER !== undefined) deadlines.taskDueAfterMs = config.TASK_DUE_AFTER;
  return deadlines;
}

/** How the contract and its years run: the same task deadlines, and contract days as long as configured. */
function apprenticeshipSettings(config: Config): ApprenticeshipSettings {
  const { taskDueWorkingDays, taskDueAfterMs, taskReminderBeforeMs } = taskDeadlines(config);
  return {
    taskDueWorkingDays: {
      ...taskDueWorkingDays,
      signature: config.TASK_DUE_SIGNATURE,
      registration: config.TASK_DUE_REGISTRATION,
      scan_review: config.TASK_DUE_SCAN_REVIEW,
      social_security: config.TASK_DUE_SOCIAL_SECURITY,
    },
    taskDueAfterMs,
    taskReminderBeforeMs,
    dayMs: config.CONTRACT_DAY_LENGTH,
    socialSecurityReminderEveryMs: config.SOCIAL_SECURITY_REMINDER_EVERY,
    signingLinkTtlMs: config.SIGNING_LINK_TTL,
    signatureDeadlineMs: config.SIGNATURE_DEADLINE,
    signatureReminderBeforeMs: config.SIGNATURE_REMINDER_BEFORE,
  };
}

/**
 * Records the case and its first tasks, and starts its workflow, in one transaction: the employer
 * is answered without waiting for the worker, and a case whose workflow could not start is not
 * recorded either. `held` when another submission holds the Idempotency-Key; `refused` when the
 * database refuses the request's data (nothing is written).
 */
async function openCase(
  { db, temporal, config }: Services,
  input: CaseInput,
  requestHash: string | undefined,
): Promise<{ kind: 'opened' } | ({ kind: 'held' } & KeyHold) | { kind: 'refused' } | Failure> {
  const review = new CaseReview(input.caseId, input.participants, input.request, () => randomUUID());
  const submittedEvent = review.numberEvents();
  const submitted = review.snapshot();
  const tasks = review.openReviewTasks(input.submittedAt);
  const opened = review.snapshot();
  const [eligibility, ...dues] = await Promise.all([
    assessRequest(db, input.request, input.employerOrganisationId, input.submittedAt),
    ...tasks.map((task) => taskDue(db, task.openedAt, input.taskDueWorkingDays?.[task.kind], input.taskDueAfterMs)),
  ]);
  for (const [i, task] of tasks.entries()) Object.assign(task, dues[i]);
  const workflowId = `case-${input.caseId}`;
  let started = false;
  try {
    return await db.transaction().execute(async (trx) => {
      if (requestHash) {
        const held = await claimIdempotencyKey(trx, { organisationId: input.employerOrganisationId, key: input.idempotencyKey!, requestHash, caseId: input.caseId });
        if (!held.claimed) return { kind: 'held', ...held };
      }
      await writeSubmittedCase(trx, { ...input, snapshot: submitted, sequence: submittedEvent }, eligibility);
      for (const [i, task] of tasks.entries()) await writeOpenedTask(trx, { caseId: input.caseId, task, snapshot: opened, sequence: task.openedEvent }, dues[i] ?? null);
      await enqueueNotices(trx, tasks.map((task) => taskOpened(task.id)));
      await temporal.withDeadline(Date.now() + config.SUBMIT_TIMEOUT, () =>
        temporal.workflow.start<CaseWorkflow>(caseWorkflowType, {
          taskQueue: config.TEMPORAL_TASK_QUEUE,
          workflowId,
          args: [{ ...input, opened: review.state }],
          // Holding the key, no other submission runs under this id: one running is left from an
          // attempt whose transaction rolled back after the start had reached the server.
          workflowIdConflictPolicy: 'TERMINATE_EXISTING',
          workflowIdReusePolicy: 'ALLOW_DUPLICATE',
        }),
      );
      started = true;
      return { kind: 'opened' };
    });
  } catch (error) {
    if (refusalOf(error)) return { kind: 'refused' };
    // Not recorded after all: the workflow must not announce tasks nobody can see.
    if (started) await temporal.workflow.getHandle(workflowId).terminate('The submission was not recorded').catch(() => undefined);
    if (isGrpcDeadlineError(error)) return timedOut(config, input);
    throw error;
  }
}

function timedOut(config: Config, input: CaseInput): Failure {
  return { kind: 'timed_out', retryAfterSeconds: Math.max(1, Math.ceil(config.SUBMIT_TIMEOUT / 1000)), idempotencyKey: input.idempotencyKey !== undefined };
}

/**
 * Starts the case, or finds it started, and waits, at most SUBMIT_TIMEOUT in all, for the
 * workflow to say it is recorded: undefined once it is, or a failure when it got stuck (the
 * workflow tells operators why) or did not answer in time.
 */
async function startCase({ temporal, config }: Services, input: CaseInput): Promise<Failure | undefined> {
  const workflowId = `case-${input.caseId}`;
  try {
    await temporal.withDeadline(Date.now() + config.SUBMIT_TIMEOUT, async () => {
      // Start and Update in one call: the Update rides on the case's first workflow task instead of
      // waiting for another. Two concurrent submissions with one key meet at the same workflow id.
      const startWorkflowOperation = new WithStartWorkflowOperation<CaseWorkflow>(caseWorkflowType, {
        taskQueue: config.TEMPORAL_TASK_QUEUE,
        workflowId,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
      await temporal.workflow.executeUpdateWithStart(caseRecordedUpdate, { startWorkflowOperation }).catch((error: unknown) => {
        // A closed run under this id: whether it recorded the case, its Update (or the query side) tells.
        if (error instanceof WorkflowExecutionAlreadyStartedError) return temporal.workflow.getHandle(workflowId).executeUpdate(caseRecordedUpdate);
        throw error;
      });
    });
    return undefined;
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure && error.cause.type === caseStuckFailureType) return { kind: 'case_stuck' };
    if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError || isGrpcDeadlineError(error)) return timedOut(config, input);
    // Its run closed without the Update: whether it recorded the case, the query side tells.
    if (error instanceof WorkflowNotFoundError) return undefined;
    throw error;
  }
}

/** A request's fingerprint, the same whatever order its fields came in. */
function hashOf(request: CaseRequest): string {
  const canonical = (value: unknown): unknown =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, canonical(v)]))
      : Array.isArray(value) ? value.map(canonical) : value;
  return createHash('sha256').update(JSON.stringify(canonical(request))).digest('hex');
}

/** The same employer and key always name the same case. */
function keyedCaseId(employerOrganisationId: string, key: string): string {
  const hex = createHash('sha256').update(`${employerOrganisationId}\n${key}`).digest('hex');
  // Shaped as an RFC 9562 version 8 (custom) UUID.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}
