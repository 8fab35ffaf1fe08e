import { invalidAnswer, isAnswerable } from './answer-check.js';
import type { Answer } from './answers.js';
import type { CaseRequest } from './case-request.js';
import type { Rejection, Task, TaskCompletion, Withdrawal } from './case-state.js';
import type { ContractCourse } from './contract-changes.js';
import type { Signer, SignatureMethod } from './contract.js';
import type { CaseStatus, Participants, PartyKind, TaskKind } from './parties.js';

/** One signature on one version of the contract. */
export interface Signature {
  signer: Signer;
  method: SignatureMethod;
  contractVersion: number;
  /** The hash of the document signed. */
  sha256: string;
  at: string;
  userId?: string | undefined;
  /** The accepted scan that carries it (method `scan`). */
  scanDocumentId?: string | undefined;
}

/** A scan signed outside the system, waiting for the competent chamber's review. */
export interface PendingScan {
  taskId: string;
  documentId: string;
  signers: Signer[];
  contractVersion: number;
  /** Who uploaded it, to be told if it is not accepted. */
  organisationId: string;
}

/** The contract as the workflow knows it: its current version, signatures, registration. */
export interface ContractState {
  version: number;
  /** The current version's PDF, once drawn up. */
  sha256?: string | undefined;
  signatures: Signature[];
  registrationNumber?: string | undefined;
  registeredAt?: string | undefined;
  /**
   * When the current version's signatures are due, whether the late signers were reminded, and
   * whether the deadline's passing was logged and told (a new run does neither again).
   */
  signatureDeadline?: { contractVersion: number; dueAt: string; reminded: boolean; passed?: boolean | undefined } | undefined;
  scans?: PendingScan[] | undefined;
}

/** How an apprenticeship ended, if it has. */
export interface Ending {
  outcome: 'withdrawn' | 'terminated' | 'completed';
  at: string;
}

/** Where the training years stand: carried from run to run, one run per training year. */
export interface TrainingState {
  /** The training year begun last; 0 before the first. */
  year: number;
  /** The contract's length, which an extension after a failed final exam lengthens by a year. */
  durationMonths: number;
  /** The contract date from which the mid-course integrated project counts as passed. */
  midCoursePassedOn?: string | undefined;
  /**
   * The contract's last day once an accepted change of it or an extension moved it; absent, the
   * authorised one for `durationMonths`. The training's anniversaries and final exam follow it.
   */
  endDate?: string | undefined;
  /** The last day a final exam was opened after: a new one opens only once that day moves. */
  finalExamAfter?: string | undefined;
  /** The last final exam was failed: the employer says whether the parties extend the contract. */
  extensionDue?: boolean | undefined;
}

/** Who takes part: a trade no chamber covers has none, and the ministry registers its contract. */
export type ApprenticeshipParticipants = Omit<Participants, 'chamber'> & { chamber?: string | undefined };

/** The first months after registration, as far as they have gone: a new run re-arms only what is still to come. */
export interface FirstMonths {
  /** Reminders sent so far to confirm the social security affiliation. */
  socialSecurityReminders: number;
  socialSecurityRemindedAt?: string | undefined;
  socialSecurityConfirmedAt?: string | undefined;
  /** The last day of the trial period, once it has passed. */
  trialPeriodEndedOn?: string | undefined;
  medicalExaminedOn?: string | undefined;
}

/** An apprenticeship as a plain value: what the workflow carries into a new run. */
export interface ApprenticeshipState {
  caseId: string;
  participants: ApprenticeshipParticipants;
  request: CaseRequest;
  /** The request's revision the ministry authorised. */
  revision: number;
  status: CaseStatus;
  tasks: Task[];
  contract: ContractState;
  withdrawal?: (Withdrawal & { at: string }) | undefined;
  ending?: Ending | undefined;
  /** Changes, suspensions and terminations of the running contract (absent until the first). */
  course?: ContractCourse | undefined;
  /** Set once the training years begin. */
  training?: TrainingState | undefined;
  /** Set at registration. */
  firstMonths?: FirstMonths | undefined;
  /** Continues the review's numbering: see `CaseReview.numberEvents`. */
  sequence: number;
  eventsNumbered: number;
}

/**
 * The state of an authorised case from its contract to its last training year: the tasks it
 * opens for the parties and where the case stands. Pure and serialisable, so the workflow
 * stays small and each run takes it up where the last one left it.
 */
export class Apprenticeship {
  constructor(readonly state: ApprenticeshipState) {}

  get tasks(): Task[] {
    return this.state.tasks;
  }

  /** Numbers the next `count` events the case writes; returns the first number. */
  numberEvents(count = 1): number {
    const first = this.state.eventsNumbered + 1;
    this.state.eventsNumbered += count;
    return first;
  }

  /** Something changed that the query side shows: its next snapshot replaces the last. */
  touch(): void {
    this.state.sequence++;
  }

  setStatus(status: CaseStatus): void {
    this.state.status = status;
    this.touch();
  }

  openTask(id: string, kind: TaskKind, party: PartyKind, organisationId: string, at: string): Task {
    const task: Task = { id, kind, party, organisationId, status: 'open', openedAt: at, openedEvent: this.numberEvents(), announced: false };
    this.state.tasks.push(task);
    this.touch();
    return task;
  }

  openTaskOf(kind: TaskKind): Task | undefined {
    return this.state.tasks.find((task) => task.kind === kind && task.status === 'open');
  }

  validateCompletion(completion: TaskCompletion): Rejection | undefined {
    if (this.state.ending) return { reason: 'CaseClosed', message: `The case is ${this.state.status}` };
    const task = this.state.tasks.find((t) => t.id === completion.taskId);
    if (!task) return { reason: 'TaskNotFound', message: `Task ${completion.taskId} is not part of this case` };
    if (task.organisationId !== completion.organisationId) return { reason: 'WrongParty', message: 'This task belongs to another organisation' };
    if (task.status !== 'open') return { reason: 'TaskNotOpen', message: `This task is already ${task.status}` };
    if (!isAnswerable(task.kind)) return { reason: 'AmendmentTask', message: 'This task is not completed by an answer' };
    const invalid = invalidAnswer(task.kind, completion.answer);
    if (invalid) return invalid;
    // No hash yet: the version's opening is still answering; the signature waits for it (workflows/apprenticeship/run.ts).
    const { sha256 } = this.state.contract;
    if (task.kind === 'signature' && sha256 !== undefined && completion.answer.documentSha256 !== sha256) {
      return { reason: 'StaleContract', message: `documentSha256 is not the SHA-256 of the contract's version ${this.state.contract.version}: read it again before signing` };
    }
    return undefined;
  }

  /** Records a validated completion; returns the task, and where its answer stands in the log. */
  complete(completion: TaskCompletion, at: string): { task: Task; sequence: number } {
    const task = this.state.tasks.find((t) => t.id === completion.taskId)!;
    closeTask(task, completion.answer, completion.userId, at);
    this.touch();
    return { task, sequence: this.numberEvents() };
  }

  /** Closes an open task the case no longer needs (a voided signature, a withdrawn change). */
  cancel(task: Task, at: string): void {
    Object.assign(task, { status: 'cancelled', completedAt: at });
    this.touch();
  }

  /** What the query side shows of the case now. */
  snapshot() {
    const waitingOn = [...new Set(this.state.tasks.filter((t) => t.status === 'open').map((t) => t.party))];
    return { sequence: this.state.sequence, status: this.state.status, waitingOn, revision: this.state.revision };
  }
}

function closeTask(task: Task, answer: Answer, userId: string, at: string): void {
  const { outcome, reasons } = answer;
  Object.assign(task, { status: 'completed', outcome, completedBy: userId, completedAt: at, ...(reasons ? { reasons } : {}) });
}
