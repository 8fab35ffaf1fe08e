import { answerSchemas, type Answer } from './answers.js';
import {
  reviewParties,
  taskKindOf,
  type CaseStatus,
  type Participants,
  type PartyKind,
  type TaskKind,
  type TaskStatus,
} from './parties.js';

export interface Task {
  id: string;
  kind: TaskKind;
  party: Exclude<PartyKind, 'employer'>;
  organisationId: string;
  status: TaskStatus;
  openedAt: string;
  /** The Luxembourg working day by which the task is due. */
  dueOn?: string;
  outcome?: string;
  reasons?: string;
  completedBy?: string;
  completedAt?: string;
}

/** What a party sends to complete one of its tasks. */
export interface TaskCompletion {
  taskId: string;
  organisationId: string;
  userId: string;
  answer: Answer;
}

export type RejectionReason = 'TaskNotFound' | 'WrongParty' | 'TaskNotOpen' | 'InvalidAnswer';

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
}

/**
 * The state of one case's review: who has a task, who has answered, what comes next.
 * Pure, so the workflow stays small and the rules are tested without a server.
 */
export class CaseReview {
  readonly tasks: Task[] = [];
  private sequence = 0;

  constructor(
    readonly caseId: string,
    readonly participants: Partial<Participants>,
  ) {}

  /** The parties asked in parallel: ADEM, the competent chamber (if the trade has one), the school. */
  openReviewTasks(at: string): Task[] {
    return reviewParties.filter((party) => this.participants[party]).map((party) => this.open(party, at));
  }

  openDecisionTask(at: string): Task {
    return this.open('ministry', at);
  }

  validate(completion: TaskCompletion): Rejection | undefined {
    const task = this.tasks.find((t) => t.id === completion.taskId);
    if (!task) return { reason: 'TaskNotFound', message: `Task ${completion.taskId} is not part of this case` };
    if (task.organisationId !== completion.organisationId) {
      return { reason: 'WrongParty', message: 'This task belongs to another organisation' };
    }
    if (task.status !== 'open') return { reason: 'TaskNotOpen', message: `This task is already ${task.status}` };
    const parsed = answerSchemas[task.kind].safeParse(completion.answer);
    if (!parsed.success) {
      return {
        reason: 'InvalidAnswer',
        message: 'The answer is not valid for this task',
        fields: parsed.error.issues.map((issue) => ({ path: issue.path, message: issue.message })),
      };
    }
    return undefined;
  }

  /** Records a validated completion; returns the completed task. */
  complete(completion: TaskCompletion, at: string): Task {
    const task = this.tasks.find((t) => t.id === completion.taskId)!;
    Object.assign(task, {
      status: 'completed',
      outcome: completion.answer.outcome,
      completedBy: completion.userId,
      completedAt: at,
      ...(completion.answer.reasons ? { reasons: completion.answer.reasons } : {}),
    });
    this.sequence++;
    return task;
  }

  reviewsAnswered(): boolean {
    const reviews = this.tasks.filter((t) => t.party !== 'ministry');
    return reviews.length > 0 && reviews.every((t) => t.status === 'completed');
  }

  decision(): Task | undefined {
    return this.tasks.find((t) => t.party === 'ministry' && t.status === 'completed');
  }

  status(): CaseStatus {
    const decision = this.decision();
    if (decision) return decision.outcome === 'authorised' ? 'authorised' : 'refused';
    return this.tasks.some((t) => t.party === 'ministry') ? 'awaiting_decision' : 'in_review';
  }

  snapshot(): CaseSnapshot {
    const waitingOn = this.tasks.filter((t) => t.status === 'open').map((t) => t.party);
    return { sequence: this.sequence, status: this.status(), waitingOn };
  }

  private open(party: Task['party'], at: string): Task {
    const round = this.tasks.filter((t) => t.party === party).length + 1;
    const task: Task = {
      id: `${this.caseId}.${party}.${round}`,
      kind: taskKindOf[party],
      party,
      organisationId: this.participants[party]!,
      status: 'open',
      openedAt: at,
    };
    this.tasks.push(task);
    this.sequence++;
    return task;
  }
}
