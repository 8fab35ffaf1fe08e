import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  makeContinueAsNewFunc,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import type { CaseRecordActivities, Due, TaskOpening } from '../../activities/case-records.js';
import { caseReference } from '../../domain/case-reference.js';
import { CaseReview, legacyTaskId, type Stuck, type Task, type TaskIdentifier } from '../../domain/case-state.js';
import type { ApprenticeshipParticipants } from '../../domain/apprenticeship.js';
import { caseDecided, taskOpened, type Notification } from '../../domain/notification.js';
import { watchDeadline as watchTaskDeadline } from '../task-deadline.js';
import { noticesInOutbox, usesChange, usesLaterChange } from '../changes.js';
import { allNoticesSent, noticesSent, notify as sendNotice, now, reject } from '../workflow-steps.js';
import { apprenticeshipWorkflowType, type ApprenticeshipWorkflow } from '../apprenticeship/contract.js';
import {
  amendRequestUpdate,
  caseRecordedUpdate,
  caseSearchAttributes,
  caseStuckFailureType,
  completeTaskUpdate,
  recordRefusedFailureType,
  withdrawCaseUpdate,
  type CaseWorkflow,
} from './contract.js';

/** The apprenticeship begins awaiting signatures, and Temporal's search says so from its start, without an upsert of its own. */
function continueAsNewApprenticeship(input: Parameters<ApprenticeshipWorkflow>[0]): Promise<never> {
  const typedSearchAttributes = usesLaterChange('apprenticeship-searchable-at-start')
    ? workflowInfo().typedSearchAttributes.updateCopy([{ key: caseSearchAttributes.status, value: input.state.status }])
    : undefined;
  return makeContinueAsNewFunc<ApprenticeshipWorkflow>({ workflowType: apprenticeshipWorkflowType, ...(typedSearchAttributes && { typedSearchAttributes }) })(input);
}

const records = proxyActivities<CaseRecordActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumInterval: '30 seconds' },
});

/** What the API hears of a stuck case, from `caseRecorded` or the Update that met the failure. */
function stuckFailure(stuck: Stuck): ApplicationFailure {
  return ApplicationFailure.create({ type: caseStuckFailureType, message: stuck.reason, nonRetryable: true });
}

/** Why the database refused an activity's data, if that is why it failed. */
function refusalOf(error: unknown): string | undefined {
  const cause = error instanceof ActivityFailure ? error.cause : undefined;
  return cause instanceof ApplicationFailure && cause.type === recordRefusedFailureType ? cause.message : undefined;
}

/**
 * One cross-border apprenticeship request, from submission to the minister's decision:
 * ADEM, the chamber and the foreign school answer in parallel, then the ministry decides.
 * Any of them may send the request back for changes; the employer amends it and the
 * parties whose answers the changes reset answer again.
 */
export const caseWorkflow: CaseWorkflow = async function caseWorkflow(input) {
  const { caseId, continued } = input;
  // Task ids reveal nothing of the case; tasks opened before keep theirs.
  const taskId: TaskIdentifier = (party, round) => (usesChange('opaque-task-ids') ? uuid4() : legacyTaskId(caseId)(party, round));
  const begun = continued?.review ?? input.opened;
  const review = begun ? CaseReview.fromState(begun, taskId) : new CaseReview(caseId, input.participants, input.request, taskId);
  let recorded = continued?.recorded ?? input.opened !== undefined;
  let decisionAnnounced = continued?.decisionAnnounced ?? false;
  /** Deadline notices under way: a new run must not begin in the middle of one. */
  let deadlineNoticesSending = 0;
  /** The case shows that it is stuck, and why, on the query side. */
  let stuckShown = review.stuck !== undefined;

  setHandler(caseRecordedUpdate, async () => {
    await condition(() => recorded || stuckShown);
    if (!recorded) throw stuckFailure(review.stuck!);
  });
  setHandler(
    completeTaskUpdate,
    async (completion) => {
      const { task, opened, sequence } = review.complete(completion, now());
      // The answer that completes the review opens the decision task, in the same write.
      const openedAtOnce = usesLaterChange('tasks-opened-with-answer');
      if (openedAtOnce && review.readyForDecision()) opened.push(review.openDecisionTask(now()));
      showInSearch();
      // The decision's notice goes out with its record.
      const announced = review.decision() !== undefined && noticesInOutbox();
      const notices = announced ? [caseDecided(caseId)] : undefined;
      if (openedAtOnce) {
        const snapshot = review.snapshot();
        const openings = opened.map((next) => ({ ...opening(next, snapshot), notices: [taskOpened(next.id)] }));
        const dues = await record(records.recordTaskCompleted({ caseId, task, snapshot, sequence, notices, opened: openings }));
        if (announced) decisionAnnounced = true;
        await Promise.all(opened.map((next, i) => announce(next, dues[i] ?? null, true)));
        return task;
      }
      await record(records.recordTaskCompleted({ caseId, task, snapshot: review.snapshot(), sequence, ...(notices && { notices }) }));
      if (announced) decisionAnnounced = true;
      await openTasks(opened);
      return task;
    },
    { validator: (completion) => reject(review.validate(completion)) },
  );
  setHandler(
    amendRequestUpdate,
    async (amendment) => {
      const at = now();
      const result = review.amend(amendment, at);
      showInSearch();
      await record(records.recordAmendment({ caseId, amendment, result, at, snapshot: review.snapshot(), sequence: result.sequence }));
      await openTasks(result.opened);
      return { revision: result.revision, changes: result.changes };
    },
    { validator: (amendment) => reject(review.validateAmendment(amendment)) },
  );
  setHandler(
    withdrawCaseUpdate,
    async (withdrawal) => {
      const at = now();
      const cancelled = review.withdraw(withdrawal, at);
      showInSearch();
      await record(records.recordWithdrawal({ caseId, withdrawal, cancelled, at, snapshot: review.snapshot(), sequence: review.numberEvents() }));
    },
    { validator: (withdrawal) => reject(review.validateWithdrawal(withdrawal)) },
  );

  if (continued) showInSearch();
  if (!review.stuck) {
    try {
      const status = await proceed();
      await allNoticesSent();
      return status;
    } catch (error) {
      if (!review.stuck) throw error;
    }
    await showStuck(review.stuck);
  }
  return stayStuck();

  /** The case from where this run takes it up to its end. */
  async function proceed(): ReturnType<CaseWorkflow> {
    if (!recorded) {
      await recordSubmission();
      recorded = true;
      showInSearch();
    } else if (!continued) {
      // The API recorded the case and its first tasks: their parties are told from here.
      showInSearch();
      // The API queued their notices with them, unless this run began before it did.
      const queued = noticesInOutbox();
      await Promise.all(review.tasks.map((task) => announce(task, null, queued)));
    } else {
      // A new run: the previous one's timers ended with it.
      for (const task of review.tasks) if (task.status === 'open') void watchDeadline(task);
    }

    // One decision task per round: a request for changes from the ministry starts another.
    while (!review.finished()) {
      await waitFor(() => review.readyForDecision() || review.finished());
      if (review.finished()) break;
      const decisionTask = review.openDecisionTask(now());
      showInSearch();
      await openTasks([decisionTask]);
    }
    await condition(allHandlersFinished);
    goOn();

    const decision = review.decision();
    if (decision) {
      if (!decisionAnnounced) {
        await notify(caseDecided(caseId));
        decisionAnnounced = true;
      }
      if (decision.outcome !== 'authorised' || !usesChange('withdrawal-after-authorisation')) return review.status();
      // The contract and its years run as their own workflow, under this case's id.
      if (usesChange('contract-phase')) return beginApprenticeship(decision.completedAt!);
      // Until the contract is signed, the employer may still withdraw an authorised request.
      await waitFor(() => review.withdrawal !== undefined);
      await condition(allHandlersFinished);
      goOn();
    }
    await notifyWithdrawal();
    return review.status();
  }

  /** Stops here if the case got stuck meanwhile (in an Update's handler). */
  function goOn(): void {
    if (review.stuck) throw stuckFailure(review.stuck);
  }

  /** An activity's write; a refusal by the database makes the case stuck instead of failing it. */
  async function record<T>(write: Promise<T>): Promise<T> {
    try {
      return await write;
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal === undefined || !usesChange('stuck-cases')) throw error;
      if (!review.stuck) review.markStuck(refusal, now());
      throw stuckFailure(review.stuck!);
    }
  }

  /** Shows that the case is stuck and why, and tells an operator. */
  async function showStuck(stuck: Stuck): Promise<void> {
    log.error('Case stuck', { caseId, reason: stuck.reason });
    showInSearch();
    const { employerOrganisationId, submittedBy, idempotencyKey, submittedAt } = input;
    const submission = { caseId, employerOrganisationId, submittedBy, idempotencyKey, submittedAt };
    await records.recordCaseStuck({ submission, reason: stuck.reason, at: stuck.at, snapshot: review.snapshot(), sequence: review.numberEvents() });
    stuckShown = true;
    await notify({ key: `${caseId}.stuck`, kind: 'case_stuck', caseId });
  }

  /** A stuck case stays open, refusing every Update, so whoever asks hears why. */
  async function stayStuck(): Promise<never> {
    await condition(historyTooLong);
    return continueAsNewNow();
  }

  /**
   * Waits until `done`. A case waits for months: when its history has grown long, it
   * continues as new at this point instead, once no Update is half handled, carrying its state.
   */
  async function waitFor(done: () => boolean): Promise<void> {
    await condition(() => done() || review.stuck !== undefined || historyTooLong());
    goOn();
    if (done()) return;
    if (!usesChange('continue-as-new')) return condition(done);
    await continueAsNewNow();
  }

  /** Once no Update is half handled and no deadline notice half sent. */
  async function continueAsNewNow(): Promise<never> {
    await condition(() => allHandlersFinished() && deadlineNoticesSending === 0 && noticesSent());
    return continueAsNew<CaseWorkflow>({ ...input, continued: { review: review.state, recorded, decisionAnnounced } });
  }

  /** Continues as the apprenticeship workflow, once no Update is half handled, with the review's outcome. */
  async function beginApprenticeship(authorisedAt: string): Promise<never> {
    await condition(() => allHandlersFinished() && deadlineNoticesSending === 0 && noticesSent());
    const { participants, request, revision, sequence, eventsNumbered } = review.state;
    return continueAsNewApprenticeship({
      caseId,
      employerOrganisationId: input.employerOrganisationId,
      authorisedAt,
      settings: input.apprenticeship ?? {},
      mailRetry: input.mailRetry,
      continueAsNewAfterEvents: input.continueAsNewAfterEvents,
      state: {
        caseId,
        participants: { ...participants, employer: participants.employer ?? input.employerOrganisationId } as ApprenticeshipParticipants,
        request,
        revision,
        status: 'awaiting_signatures',
        tasks: [],
        contract: { version: 0, signatures: [] },
        sequence: sequence + 1,
        eventsNumbered,
      },
    });
  }

  /** Keeps what operators search by current; only what changed, so it costs no history otherwise. */
  function showInSearch(): void {
    const { request, participants } = review.state;
    const shown: SearchAttributeUpdatePair[] = [
      { key: caseSearchAttributes.reference, value: caseReference(caseId) },
      { key: caseSearchAttributes.status, value: review.status() },
      { key: caseSearchAttributes.employer, value: participants.employer ?? input.employerOrganisationId },
      { key: caseSearchAttributes.trade, value: request.tradeCode },
      { key: caseSearchAttributes.residenceCountry, value: request.apprentice.residenceCountry },
    ];
    const current = workflowInfo().typedSearchAttributes;
    const changed = shown.filter(({ key, value }) => current.get(key) !== value);
    if (changed.length && usesChange('search-attributes')) upsertSearchAttributes(changed);
  }

  function historyTooLong(): boolean {
    const info = workflowInfo();
    return info.continueAsNewSuggested || (input.continueAsNewAfterEvents !== undefined && info.historyLength > input.continueAsNewAfterEvents);
  }

  /** The case and its first tasks on the query side: in one activity, so the submission is answered sooner. */
  async function recordSubmission(): Promise<void> {
    const submission = { ...input, snapshot: review.snapshot(), sequence: review.numberEvents() };
    if (!usesChange('case-opened-at-once')) {
      await record(records.recordCaseSubmitted(submission));
      return openTasks(review.openReviewTasks(now()));
    }
    const tasks = review.openReviewTasks(now());
    const snapshot = review.snapshot();
    const dues = await record(records.recordCaseOpened({ submission, tasks: tasks.map((task) => opening(task, snapshot)) }));
    await Promise.all(tasks.map((task, i) => announce(task, dues[i] ?? null)));
  }

  async function openTasks(tasks: Task[]): Promise<void> {
    const snapshot = review.snapshot();
    const queued = noticesInOutbox();
    await Promise.all(
      tasks.map(async (task) => announce(task, await record(records.recordTaskOpened({ ...opening(task, snapshot), ...(queued && { notices: [taskOpened(task.id)] }) })), queued)),
    );
  }

  function opening(task: Task, snapshot: ReturnType<CaseReview['snapshot']>): TaskOpening {
    return { caseId, task, snapshot, sequence: task.openedEvent, dueInWorkingDays: input.taskDueWorkingDays?.[task.kind], dueAfterMs: input.taskDueAfterMs };
  }

  /** A task recorded as opened: due when the query side counted, told to its organisation, and watched. */
  async function announce(task: Task, due: Due | null, queued = false): Promise<void> {
    if (due) Object.assign(task, due);
    if (!queued) await notify(taskOpened(task.id));
    if (usesChange('task-deadlines')) void watchDeadline(task);
  }

  async function watchDeadline(task: Task): Promise<void> {
    await watchTaskDeadline(task, input.taskReminderBeforeMs, (notice) =>
      notice === 'reminder'
        ? sendDeadlineNotice(task, notice, () => notify({ key: `${task.id}.reminder`, kind: 'task_reminder', taskId: task.id }))
        : sendDeadlineNotice(task, notice, async () => {
            await record(records.recordTaskOverdue({ caseId, taskId: task.id, at: now(), sequence: review.numberEvents() }));
            await notify({ key: `${task.id}.escalated`, kind: 'task_escalated', taskId: task.id });
          }),
    );
  }

  async function sendDeadlineNotice(task: Task, notice: Task['deadlineNotice'] & string, send: () => Promise<void>): Promise<void> {
    if (review.stuck) return;
    deadlineNoticesSending++;
    try {
      await send();
      task.deadlineNotice = notice;
    } catch (error) {
      // A stuck case says so where the main flow waits; a timer has nothing to add.
      if (!review.stuck) throw error;
    } finally {
      deadlineNoticesSending--;
    }
  }

  async function notifyWithdrawal(): Promise<void> {
    const told = review.organisationsInvolved().filter((id) => id !== input.employerOrganisationId);
    await Promise.all(
      told.map((organisationId) =>
        notify({ key: `${caseId}.withdrawn.${organisationId}`, kind: 'case_withdrawn', caseId, organisationId }),
      ),
    );
  }

  function notify(notification: Notification): Promise<void> {
    return sendNotice(notification, input.mailRetry);
  }
};
