import type { Kysely, Transaction } from 'kysely';
import type { FieldComment } from '../domain/answers.js';
import type { DocumentKind } from '../domain/documents.js';
import type { SignatureMethod, Signer } from '../domain/contract.js';
import type { PartyKind, ReviewParty, TaskKind } from '../domain/parties.js';
import type { FieldChange } from '../domain/request-changes.js';
import type { Database } from './schema.js';

interface TaskAnswered {
  taskId: string;
  kind: TaskKind;
  party: PartyKind;
  outcome: string | undefined;
  reasons: string | undefined;
  comments: FieldComment[] | undefined;
}

interface AssigneeChanged {
  taskId: string;
  /** For an unclaim, the user the task was taken from. */
  assigneeUserId: string;
}

/** A change, suspension or termination of the running contract (the `contract_course` row it concerns). */
interface CourseFact {
  entryId: string;
  kind: string;
  effectiveOn: string;
}

/** What each kind of event in a case's log holds: ids and facts, no personal data. */
export interface CaseEventData {
  case_submitted: { revision: number; tradeCode: string; foreignSchoolId: string; startDate: string };
  task_opened: { taskId: string; kind: TaskKind; party: PartyKind; organisationId: string; dueOn: string | null };
  task_completed: TaskAnswered;
  changes_requested: TaskAnswered;
  case_authorised: Record<string, never>;
  case_refused: Record<string, never>;
  request_amended: { revision: number; changes: FieldChange[]; reset: ReviewParty[] };
  case_withdrawn: { reason: string | null; cancelledTasks: string[] };
  task_overdue: { taskId: string };
  task_claimed: AssigneeChanged;
  task_unclaimed: AssigneeChanged;
  task_assigned: AssigneeChanged;
  case_stuck: { reason: string };
  document_attached: { documentId: string; kind: DocumentKind; sha256: string };
  /** `signaturesDueAt`: when the parties are to have signed this version. */
  contract_drawn_up: { contractVersion: number; sha256: string; signaturesDueAt?: string | undefined };
  /** The version's signature deadline passed with these signers' signatures missing (roles, never names). */
  signature_deadline_passed: { contractVersion: number; dueAt: string; missing: Signer[] };
  contract_signed: { signer: Signer; method: SignatureMethod; contractVersion: number; sha256: string };
  change_proposed: CourseFact;
  change_accepted: CourseFact;
  change_rejected: CourseFact;
  change_withdrawn: CourseFact;
  change_lapsed: CourseFact;
  training_suspended: CourseFact;
  training_resumed: CourseFact;
  suspension_began: CourseFact;
  suspension_ended: CourseFact;
  termination_notified: CourseFact;
  termination_agreed: CourseFact;
  termination_refused: CourseFact;
  contract_terminated: CourseFact;
  employer_changed: CourseFact & { previousEmployerId: string; newEmployerId: string; startDate: string };
  /** A new version of the contract voids the signatures on the old; `reason` is a code, never free text. */
  contract_revised: { voidedVersion: number; contractVersion: number; reason: string };
  allowance_schedule_stored: { version: number; reason: string; effectiveFrom: string };
  allowance_year_started: { year: number; from: string };
  school_year_reported: { year: number; outcome: string; midCourseProjectPassed?: boolean | undefined; midCourseProjectPassedOn?: string | undefined };
  final_exam_reported: { outcome: string; diplomaTitle?: string | undefined; diplomaDate?: string | undefined };
  training_completed: { diplomaTitle: string; diplomaDate: string };
  /** The graduate's diploma recognition began (the recognition holds the request). */
  recognition_started: { recognitionId: string };
  /** After a failed final exam: whether the parties extended the contract, and its last day since. */
  training_extended: { agreed: boolean; endDate: string };
  contract_registered: { contractVersion: number; registrationNumber: string };
  /** The trial period's last day has passed. */
  trial_period_ended: { lastDay: string };
}

export type CaseEventType = keyof CaseEventData;

interface EventOf<T extends CaseEventType> {
  /** Unique per fact: derived from the workflow step, so a retried write cannot log it twice. */
  key: string;
  caseId: string;
  /** Where the case workflow places the event among its others; absent for events from outside it. */
  sequence?: number | undefined;
  at: string;
  userId?: string | null | undefined;
  organisationId?: string | null | undefined;
  type: T;
  data: CaseEventData[T];
}

export type CaseEvent = { [T in CaseEventType]: EventOf<T> }[CaseEventType];

/** Appends to the case's event log; a second write under the same key is ignored. */
export async function appendEvent(db: Kysely<Database> | Transaction<Database>, event: CaseEvent): Promise<void> {
  await db
    .insertInto('events')
    .values({
      key: event.key,
      case_id: event.caseId,
      sequence: event.sequence ?? null,
      occurred_at: event.at,
      actor_user_id: event.userId ?? null,
      actor_organisation_id: event.organisationId ?? null,
      type: event.type,
      data: JSON.stringify(event.data),
    })
    .onConflict((conflict) => conflict.column('key').doNothing())
    .execute();
}
