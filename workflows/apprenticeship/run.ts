import {
  allHandlersFinished,
  condition,
  makeContinueAsNewFunc,
  proxyActivities,
  uuid4,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { noticesInOutbox, usesChange } from '../changes.js';
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import type { CaseRecordActivities, Due, TaskOpening } from '../../activities/case-records.js';
import type { CaseEvent, CaseEventData, CaseEventType } from '../../db/events.js';
import { Apprenticeship, type ApprenticeshipState } from '../../domain/apprenticeship.js';
import type { Rejection, Task, TaskCompletion } from '../../domain/case-state.js';
import { instantOf, type ContractCalendar } from '../../domain/contract-calendar.js';
import { taskOpened, type Notification } from '../../domain/notification.js';
import type { PartyKind, TaskKind } from '../../domain/parties.js';
import { watchDeadline } from '../task-deadline.js';
import { noticesSent, notify, now, reject, sleepUntil } from '../workflow-steps.js';
import { caseSearchAttributes } from '../case-review/contract.js';
import { apprenticeshipWorkflowType, type ApprenticeshipInput, type ApprenticeshipWorkflow } from './contract.js';

export const records = proxyActivities<CaseRecordActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumInterval: '30 seconds' },
});

/** The notice of each deadline step, keyed as the review's tasks' are. */
const deadlineNotices = {
  reminder: { key: 'reminder', kind: 'task_reminder' },
  escalation: { key: 'escalated', kind: 'task_escalated' },
} as const;

/** Records an opened task on the query side; returns when it is due. */
type RecordOpening = (opening: TaskOpening) => Promise<Due | null>;

/** What a phase does when one of its tasks is completed. */
type CompletionHandler = (task: Task, completion: TaskCompletion) => Promise<void>;

const continueAsNewApprenticeship = makeContinueAsNewFunc<ApprenticeshipWorkflow>({ workflowType: apprenticeshipWorkflowType });

/**
 * One run of an apprenticeship workflow: the state, and what every phase does with it (open
 * a task, log a fact, tell someone, wait for a date of the contract). Phases register what
 * their tasks' completions do; the run sends each completion to its phase.
 */
export class ApprenticeshipRun {
  readonly apprenticeship: Apprenticeship;
  private readonly completions = new Map<TaskKind, CompletionHandler>();
  /** Notices and other work under way outside an Update: a new run must not begin in the middle of one. */
  private pending = 0;

  constructor(readonly input: ApprenticeshipInput) {
    this.apprenticeship = new Apprenticeship(input.state);
  }

  /** The contract's calendar, from its start as it stands now (a correction may move it). */
  get calendar(): ContractCalendar {
    return { startDate: this.state.request.startDate, originAt: this.input.authorisedAt, dayMs: this.input.settings.dayMs };
  }

  get state() {
    return this.apprenticeship.state;
  }

  get caseId(): string {
    return this.state.caseId;
  }

  onCompleted(kind: TaskKind, handler: CompletionHandler): void {
    this.completions.set(kind, handler);
  }

  validateCompletion(completion: TaskCompletion): Rejection | undefined {
    const rejection = this.apprenticeship.validateCompletion(completion);
    if (rejection) return rejection;
    const task = this.state.tasks.find((t) => t.id === completion.taskId)!;
    return this.completions.has(task.kind) ? undefined : { reason: 'TaskNotOpen', message: 'This task is not taken at this stage of the case' };
  }

  /** Records a validated completion, then lets the task's phase act on it. */
  async completeTask(completion: TaskCompletion): Promise<Task> {
    const answered = this.state.tasks.find((t) => t.id === completion.taskId)!;
    if (answered.kind === 'signature' && this.state.contract.sha256 === undefined) {
      // The task shows once its opening is written, before the activity that wrote it answers with the hash to sign.
      await condition(() => this.state.contract.sha256 !== undefined || answered.status !== 'open');
      reject(this.validateCompletion(completion));
    }
    const { task, sequence } = this.apprenticeship.complete(completion, now());
    await records.recordTaskCompleted({ caseId: this.caseId, task, snapshot: this.snapshot(), sequence });
    await this.completions.get(task.kind)!(task, completion);
    return task;
  }

  /**
   * Opens a task for an organisation: recorded with its due date, announced, and watched until due.
   * The due date is the task kind's working days, unless the contract sets it (`dueBy`). `record`
   * is the activity that records it, when another write goes with it (signing.ts).
   */
  async openTask(kind: TaskKind, party: PartyKind, organisationId: string, dueBy?: Due, record: RecordOpening = records.recordTaskOpened): Promise<Task> {
    const task = this.apprenticeship.openTask(uuid4(), kind, party, organisationId, now());
    if (dueBy) Object.assign(task, dueBy);
    await this.announce(task, record);
    return task;
  }

  /** Puts the task on the query side, tells its organisation, and watches its deadline. */
  private async announce(task: Task, record: RecordOpening = records.recordTaskOpened): Promise<void> {
    const { settings } = this.input;
    const queued = noticesInOutbox();
    const due = await record({
      caseId: this.caseId,
      task,
      snapshot: this.snapshot(),
      sequence: task.openedEvent,
      dueInWorkingDays: settings.taskDueWorkingDays?.[task.kind],
      dueAfterMs: settings.taskDueAfterMs,
      dueBy: task.dueOn && task.dueAt ? { dueOn: task.dueOn, dueAt: task.dueAt } : undefined,
      ...(queued && { notices: [taskOpened(task.id)] }),
    });
    if (due) Object.assign(task, due);
    if (!queued) await this.notify(taskOpened(task.id));
    task.announced = true;
    void this.watchDeadline(task);
  }

  /**
   * What the query side is told of where the case stands; Temporal's search is kept in step with
   * it (status, employer), so operators find the case as it moves on.
   */
  snapshot(): ReturnType<Apprenticeship['snapshot']> {
    const shown: SearchAttributeUpdatePair[] = [
      { key: caseSearchAttributes.status, value: this.state.status },
      { key: caseSearchAttributes.employer, value: this.state.participants.employer },
    ];
    const current = workflowInfo().typedSearchAttributes;
    const changed = shown.filter(({ key, value }) => current.get(key) !== value);
    if (changed.length && usesChange('apprenticeship-search-attributes')) upsertSearchAttributes(changed);
    return this.apprenticeship.snapshot();
  }

  /** Closes tasks the case no longer needs, on the query side too. */
  async cancelTasks(tasks: Task[]): Promise<void> {
    const at = now();
    for (const task of tasks) this.apprenticeship.cancel(task, at);
    await Promise.all(tasks.map((task) => records.recordTaskCompleted({ caseId: this.caseId, task, snapshot: this.snapshot() })));
  }

  /** Logs a fact of the case with where the case stands after it; `key` names the fact once. */
  async recordEvent<T extends CaseEventType>(
    key: string,
    type: T,
    data: CaseEventData[T],
    actor: { userId?: string | null | undefined; organisationId?: string | null | undefined } = {},
  ): Promise<void> {
    const event = { key: `${this.caseId}.${key}`, caseId: this.caseId, sequence: this.apprenticeship.numberEvents(), at: now(), type, data, ...actor } as CaseEvent & { sequence: number };
    await records.recordCaseEvent({ event, snapshot: this.snapshot() });
  }

  notify(notification: Notification): Promise<void> {
    return notify(notification, this.input.mailRetry);
  }

  /** Runs work that is not an Update's (a reminder, a date reached) so that no new run begins in its middle. */
  async guard<T>(work: () => Promise<T>): Promise<T> {
    this.pending++;
    try {
      return await work();
    } finally {
      this.pending--;
    }
  }

  /** Sleeps until the contract's calendar reaches `date` (at once if it has). */
  async sleepUntilDate(date: string): Promise<void> {
    await sleepUntil(instantOf(this.calendar, date));
  }

  /** Sleeps until the contract's calendar reaches `date`, unless `moved` comes true first: whether the date came. */
  async sleepUntilDateUnless(date: string, moved: () => boolean): Promise<boolean> {
    const wait = instantOf(this.calendar, date) - Date.now();
    if (moved()) return false;
    return wait <= 0 || !(await condition(moved, wait));
  }

  /**
   * Waits until `done`. An apprenticeship waits for years: when the history has grown long,
   * it continues as new at this point instead, carrying its state to `resumeAt`'s phase.
   */
  async waitFor(done: () => boolean, resumeAt: ApprenticeshipInput['resumeAt']): Promise<void> {
    await condition(() => done() || this.historyTooLong());
    if (!done()) await this.continueAsNew(resumeAt);
  }

  /**
   * Continues as new once no Update is half handled and no notice half sent, carrying the state
   * as it stood then: a timer that fires in the same activation may begin its work before this
   * run ends, and what that work changed before its first activity would otherwise be carried
   * without the activity. Taken at that instant, the next run finds the work undone and does it.
   */
  async continueAsNew(resumeAt: ApprenticeshipInput['resumeAt']): Promise<never> {
    let state: ApprenticeshipState | undefined;
    await condition(() => {
      if (!allHandlersFinished() || this.pending > 0 || !noticesSent()) return false;
      state = JSON.parse(JSON.stringify(this.state)) as ApprenticeshipState;
      return true;
    });
    return continueAsNewApprenticeship({ ...this.input, state: state!, resumeAt });
  }

  private historyTooLong(): boolean {
    const info = workflowInfo();
    return info.continueAsNewSuggested || (this.input.continueAsNewAfterEvents !== undefined && info.historyLength > this.input.continueAsNewAfterEvents);
  }

  /** Reminds before the due date and escalates when it passes, while the task is still open. */
  private async watchDeadline(task: Task): Promise<void> {
    await watchDeadline(task, this.input.settings.taskReminderBeforeMs, async (notice) => {
      await this.guard(async () => {
        if (notice === 'escalation') {
          await records.recordTaskOverdue({ caseId: this.caseId, taskId: task.id, at: now(), sequence: this.apprenticeship.numberEvents() });
        }
        const { key, kind } = deadlineNotices[notice];
        await this.notify({ key: `${task.id}.${key}`, kind, taskId: task.id });
      });
      task.deadlineNotice = notice;
    });
  }

  /** A new run re-arms the deadlines of the tasks still open: the last run's timers ended with it. */
  rewatchOpenTasks(): void {
    for (const task of this.state.tasks) {
      if (task.status !== 'open') continue;
      // A task the last run opened as a timer fired, but had not recorded when it handed on.
      if (task.announced === false) void this.guard(() => this.announce(task));
      else void this.watchDeadline(task);
    }
  }
}
