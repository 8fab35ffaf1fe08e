import { partiesResetBy } from './amendment-policy.js';
import { invalidAnswer, isAnswerable } from './answer-check.js';
import type { Answer, FieldComment } from './answers.js';
import type { CaseRequest } from './case-request.js';
import {
  reviewParties,
  taskKindOf,
  type CaseStatus,
  type Participants,
  type PartyKind,
  type ReviewParty,
  type TaskKind,
  type TaskStatus,
} from './parties.js';
import { requestChanges, type FieldChange } from './request-changes.js';

export interface Task {
  id: string;
  kind: TaskKind;
  party: PartyKind;
  organisationId: string;
  status: TaskStatus;
  openedAt: string;
  /** Where its opening stands in the case's log (see `numberEvents`). */
  openedEvent: number;
  /** The Luxembourg working day by which the task is due. */
  dueOn?: string;
  /** The instant it is due: reminders and escalation count from it. */
  dueAt?: string;
  outcome?: string;
  reasons?: string;
  comments?: FieldComment[];
  completedBy?: string;
  completedAt?: string;
  /** The last deadline notice sent for it, so a new run of the workflow does not send it again. */
  deadlineNotice?: 'reminder' | 'escalation';
  /** False until the task is on the query side and its organisation told: a new run finishes the job. */
  announced?: boolean;
}

/** What a party sends to complete one of its tasks. */
export interface TaskCompletion {
  taskId: string;
  organisationId: string;
  userId: string;
  answer: Answer;
}

/** A new revision of the request, sent by the employer who last saw `expectedRevision`. */
export interface Amendment {
  expectedRevision: number;
  request: CaseRequest;
  participants: Partial<Participants>;
  organisationId: string;
  userId: string;
}

export interface Withdrawal {
  organisationId: string;
  userId: string;
  reason?: string | undefined;
}

export type RejectionReason =
  | 'TaskNotFound'
  | 'WrongParty'
  | 'TaskNotOpen'
  | 'InvalidAnswer'
  | 'AmendmentTask'
  | 'StaleRevision'
  | 'CaseClosed'
  /** The signature names a contract version, or a document, that is no longer the current one. */
  | 'StaleContract'
  | 'AlreadySigned'
  // The contract's course (domain/contract-changes.ts).
  | 'WrongState'
  | 'InvalidDates'
  | 'ChangeNotFound';

export interface Rejection {
  reason: RejectionReason;
  message: string;
  fields?: { path: PropertyKey[]; message: string }[];
}

/** What the query side shows of the process at one point: written only if newer than what it has. */
export interface CaseSnapshot {
  sequence: number;
  status: CaseStatus;
  waitingOn: PartyKind[];
  revision: number;
}

export interface AmendmentResult {
  revision: number;
  changes: FieldChange[];
  /** Parties whose earlier answers the changes reset, or who asked for the changes. */
  reset: ReviewParty[];
  /** Where the amendment stands in the case's log: before the tasks it opened. */
  sequence: number;
  opened: Task[];
  closed: Task[];
}

/** Names a party's task of one round: `legacyTaskId` in cases opened before ids were opaque. */
export type TaskIdentifier = (party: PartyKind, round: number) => string;

/** The ids of the first cases: they tell the case and the party, so new tasks no longer get them. */
export const legacyTaskId = (caseId: string): TaskIdentifier => (party, round) => `${caseId}.${party}.${round}`;

/** A review as a plain value: what the workflow carries into a new run (continue-as-new). */
export interface CaseReviewState {
  caseId: string;
  participants: Partial<Participants>;
  request: CaseRequest;
  tasks: Task[];
  revision: number;
  withdrawal: (Withdrawal & { at: string }) | undefined;
  stuck: Stuck | undefined;
  sequence: number;
  eventsNumbered: number;
}

/** Why a case cannot go on: a short reason without personal data. */
export interface Stuck {
  reason: string;
  at: string;
}

/**
 * The state of one case's review: who has a task, who has answered, what comes next,
 * over as many rounds of changes as it takes. Pure, so the workflow stays small and the
 * rules are tested without a server.
 */
export class CaseReview {
  readonly tasks: Task[] = [];
  revision = 1;
  withdrawal: (Withdrawal & { at: string }) | undefined;
  stuck: Stuck | undefined;
  private sequence = 0;
  private eventsNumbered = 0;

  constructor(
    readonly caseId: string,
    private participants: Partial<Participants>,
    private request: CaseRequest,
    private readonly taskId: TaskIdentifier = legacyTaskId(caseId),
  ) {}

  static fromState(state: CaseReviewState, taskId?: TaskIdentifier): CaseReview {
    const review = new CaseReview(state.caseId, state.participants, state.request, taskId);
    review.tasks.push(...state.tasks);
    review.revision = state.revision;
    review.withdrawal = state.withdrawal;
    review.stuck = state.stuck;
    review.sequence = state.sequence;
    review.eventsNumbered = state.eventsNumbered;
    return review;
  }

  get state(): CaseReviewState {
    const { caseId, participants, request, tasks, revision, withdrawal, stuck, sequence, eventsNumbered } = this;
    return { caseId, participants, request, tasks, revision, withdrawal, stuck, sequence, eventsNumbered };
  }

  /**
   * Numbers the next `count` events the case writes, in the order they happen in it: the
   * log is read in this order, since parallel writes land in any. Returns the first number.
   */
  numberEvents(count = 1): number {
    const first = this.eventsNumbered + 1;
    this.eventsNumbered += count;
    return first;
  }

  /** The parties asked in parallel: ADEM, the competent chamber (if the trade has one), the school. */
  openReviewTasks(at: string): Task[] {
    return reviewParties.filter((party) => this.participants[party]).map((party) => this.open(party, at));
  }

  openDecisionTask(at: string): Task {
    return this.open('ministry', at);
  }

  validate(completion: TaskCompletion): Rejection | undefined {
    if (this.stuck) return this.stuckRejection(this.stuck);
    const task = this.tasks.find((t) => t.id === completion.taskId);
    if (!task) return { reason: 'TaskNotFound', message: `Task ${completion.taskId} is not part of this case` };
    if (task.organisationId !== completion.organisationId) {
      return { reason: 'WrongParty', message: 'This task belongs to another organisation' };
    }
    if (task.status !== 'open') return { reason: 'TaskNotOpen', message: `This task is already ${task.status}` };
    if (!isAnswerable(task.kind)) {
      return { reason: 'AmendmentTask', message: 'This task is completed by amending the request' };
    }
    return invalidAnswer(task.kind, completion.answer);
  }

  /**
   * Records a validated completion. A request for changes sends the case back to the
   * employer: it opens the amendment task, unless one is open already. Returns what opened,
   * and where the answer stands in the case's log (the next number is for the decision it may be).
   */
  complete(completion: TaskCompletion, at: string): { task: Task; opened: Task[]; sequence: number } {
    const task = this.tasks.find((t) => t.id === completion.taskId)!;
    const { outcome, reasons, comments } = completion.answer;
    Object.assign(task, {
      status: 'completed',
      outcome,
      completedBy: completion.userId,
      completedAt: at,
      ...(reasons ? { reasons } : {}),
      ...(comments ? { comments } : {}),
    });
    this.sequence++;
    const sequence = this.numberEvents(2);
    const opened = outcome === 'changes_requested' && !this.openTask('employer') ? [this.open('employer', at)] : [];
    return { task, opened, sequence };
  }

  validateAmendment(amendment: Amendment): Rejection | undefined {
    if (this.stuck) return this.stuckRejection(this.stuck);
    if (amendment.organisationId !== this.participants.employer) {
      return { reason: 'WrongParty', message: 'Only the employer who submitted the request amends it' };
    }
    if (this.finished()) return { reason: 'CaseClosed', message: `The case is ${this.status()}` };
    if (amendment.expectedRevision !== this.revision) {
      return { reason: 'StaleRevision', message: `The request is at revision ${this.revision}, not ${amendment.expectedRevision}` };
    }
    return undefined;
  }

  /**
   * A new revision of the request. The changed fields reset the answers the policy says
   * they reset, and whoever asked for changes answers again; the others keep their
   * answers. An open decision no longer has every answer in front of it, so it closes.
   */
  amend(amendment: Amendment, at: string): AmendmentResult {
    const changes = requestChanges(this.request, amendment.request);
    const reset = partiesResetBy(changes.map((change) => change.field));
    for (const party of reviewParties) {
      const latest = this.latestTask(party);
      if (latest?.outcome === 'changes_requested') reset.add(party);
      // A party replaced by another organisation (a new school, another chamber) answers afresh.
      if (amendment.participants[party] !== this.participants[party]) reset.add(party);
    }
    const closed: Task[] = [];
    const close = (task: Task | undefined, how: Partial<Task>) => {
      if (task?.status !== 'open') return;
      Object.assign(task, { completedAt: at, ...how });
      closed.push(task);
    };
    close(this.openTask('employer'), { status: 'completed', outcome: 'amended', completedBy: amendment.userId });
    if (reset.size) close(this.openTask('ministry'), { status: 'cancelled' });

    this.participants = amendment.participants;
    this.request = amendment.request;
    this.revision++;
    const sequence = this.numberEvents();
    const opened: Task[] = [];
    for (const party of reviewParties) {
      const latest = this.latestTask(party);
      const stillAsked = latest?.status === 'open' && latest.organisationId === this.participants[party];
      if (!reset.has(party) || stillAsked) continue;
      close(latest, { status: 'cancelled' });
      if (this.participants[party]) opened.push(this.open(party, at));
    }
    this.sequence++;
    return { revision: this.revision, changes, reset: [...reset], sequence, opened, closed };
  }

  validateWithdrawal(withdrawal: Withdrawal): Rejection | undefined {
    if (this.stuck) return this.stuckRejection(this.stuck);
    if (withdrawal.organisationId !== this.participants.employer) {
      return { reason: 'WrongParty', message: 'Only the employer who submitted the request withdraws it' };
    }
    if (this.withdrawal || this.status() === 'refused') return { reason: 'CaseClosed', message: `The case is ${this.status()}` };
    return undefined;
  }

  /** Withdraws the request: every open task is cancelled. Returns those tasks. */
  withdraw(withdrawal: Withdrawal, at: string): Task[] {
    this.withdrawal = { ...withdrawal, at };
    const cancelled = this.tasks.filter((t) => t.status === 'open');
    for (const task of cancelled) Object.assign(task, { status: 'cancelled', completedAt: at });
    this.sequence++;
    return cancelled;
  }

  /** Every party has answered the latest revision, and nothing waits on the employer or the ministry. */
  readyForDecision(): boolean {
    if (this.finished() || this.openTask('employer') || this.openTask('ministry')) return false;
    const reviews = reviewParties.filter((party) => this.participants[party]).map((party) => this.latestTask(party));
    return reviews.length > 0 && reviews.every((t) => t?.status === 'completed' && t.outcome !== 'changes_requested');
  }

  decisionOpen(): boolean {
    return this.openTask('ministry') !== undefined;
  }

  /** The ministry's final word: authorised or refused. */
  decision(): Task | undefined {
    return this.tasks.find((t) => t.party === 'ministry' && (t.outcome === 'authorised' || t.outcome === 'refused'));
  }

  finished(): boolean {
    return this.withdrawal !== undefined || this.decision() !== undefined;
  }

  /** Every organisation that has had a task in the case: told of a withdrawal. */
  organisationsInvolved(): string[] {
    return [...new Set(this.tasks.map((t) => t.organisationId))];
  }

  /** Something that retrying cannot fix stopped the case: it takes nothing more until an operator acts. */
  markStuck(reason: string, at: string): void {
    this.stuck = { reason, at };
    this.sequence++;
  }

  status(): CaseStatus {
    if (this.stuck) return 'stuck';
    if (this.withdrawal) return 'withdrawn';
    const decision = this.decision();
    if (decision) return decision.outcome === 'authorised' ? 'authorised' : 'refused';
    if (this.openTask('employer')) return 'changes_requested';
    return this.decisionOpen() ? 'awaiting_decision' : 'in_review';
  }

  snapshot(): CaseSnapshot {
    const waitingOn = [...new Set(this.tasks.filter((t) => t.status === 'open').map((t) => t.party))];
    return { sequence: this.sequence, status: this.status(), waitingOn, revision: this.revision };
  }

  private stuckRejection(stuck: Stuck): Rejection {
    return { reason: 'CaseClosed', message: `The case is stuck and waits for an operator: ${stuck.reason}` };
  }

  private latestTask(party: PartyKind): Task | undefined {
    return this.tasks.findLast((t) => t.party === party);
  }

  private openTask(party: PartyKind): Task | undefined {
    return this.tasks.find((t) => t.party === party && t.status === 'open');
  }

  private open(party: PartyKind, at: string): Task {
    const round = this.tasks.filter((t) => t.party === party).length + 1;
    const task: Task = {
      id: this.taskId(party, round),
      kind: taskKindOf[party],
      party,
      organisationId: this.participants[party]!,
      status: 'open',
      openedAt: at,
      openedEvent: this.numberEvents(),
    };
    this.tasks.push(task);
    this.sequence++;
    return task;
  }
}
