import type { ColumnType, Generated, Insertable, JSONColumnType, Selectable } from 'kysely';
import type { FieldComment } from '../domain/answers.js';
import type { CaseRequest } from '../domain/case-request.js';
import type { Eligibility } from '../domain/eligibility.js';
import type { CaseStatus, OrganisationKind, PartyKind, TaskKind, TaskStatus } from '../domain/parties.js';
import type { Language } from '../domain/language.js';
import type { FieldChange } from '../domain/request-changes.js';
import type { Notification } from '../domain/notification.js';
import type { CaseEventData, CaseEventType } from './events.js';
import type { UserRole } from '../domain/caller.js';
import type { DocumentKind, DocumentMediaType } from '../domain/documents.js';
import type { ChangeKind, ChangeStatus } from '../domain/contract-changes.js';
import type { AllowancePeriod } from '../domain/allowance-periods.js';
import type { AllowanceScheduleReason } from './allowance-schedules.js';
import type { ContractStatus, ContractTerms, SignatureMethod, Signer } from '../domain/contract.js';
import type {
  DiplomaType,
  DocumentLanguage,
  DocumentRequest,
  Payment,
  RecognitionDecision,
  RecognitionDocumentKind,
  RecognitionRequest,
  RecognitionStatus,
  RecognitionStep,
  RegisteredDecision,
  TranslatedKind,
} from '../domain/recognition.js';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** A jsonb column read as `T`, written as JSON text (JSON.stringify). */
type Json<T extends object | null> = JSONColumnType<T, T extends null ? string | null : string, T extends null ? string | null : string>;

export interface OrganisationTable {
  id: string;
  kind: OrganisationKind;
  name: string;
  email: string;
  language: Language;
  country: string | null;
  region: string | null;
  created_at: CreatedAt;
}

export interface UserTable {
  id: string;
  organisation_id: string;
  name: string;
  email: string;
  language: Language;
  is_supervisor: ColumnType<boolean, boolean | undefined, boolean>;
  roles: ColumnType<UserRole[], UserRole[] | undefined, UserRole[]>;
  created_at: CreatedAt;
}

export interface CaseTable {
  id: string;
  workflow_id: string;
  employer_organisation_id: string;
  submitted_by: string;
  idempotency_key: string | null;
  trade_code: string;
  status: CaseStatus;
  waiting_on: PartyKind[];
  /** `{}` on a case that got stuck before it was recorded. */
  request: Json<CaseRequest>;
  participants: Json<Record<string, string>>;
  /** The workflow's projection sequence: a write carrying an older one is ignored. */
  revision: number;
  submitted_at: ColumnType<Date, Date | string, never>;
  updated_at: ColumnType<Date, Date | string, Date | string>;
  decided_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  eligibility: Json<Eligibility | null>;
  request_revision: ColumnType<number, number | undefined, number>;
  /** Why the case is stuck (status `stuck`): a short reason without personal data. */
  stuck_reason: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface CaseRevisionTable {
  case_id: string;
  revision: number;
  request: Json<CaseRequest>;
  changes: Json<FieldChange[]>;
  amended_by: string | null;
  amended_at: ColumnType<Date, Date | string, never>;
}

export interface TaskTable {
  id: string;
  case_id: string;
  kind: TaskKind;
  party: PartyKind;
  organisation_id: string;
  status: TaskStatus;
  outcome: string | null;
  reasons: string | null;
  completed_by: string | null;
  created_at: ColumnType<Date, Date | string, never>;
  completed_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  due_on: string | null;
  due_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  assignee_user_id: string | null;
  comments: Json<FieldComment[] | null>;
}

export interface EventTable {
  id: Generated<string>;
  /** Derived from the workflow and its step, so a retried activity cannot log twice. */
  key: string;
  case_id: string;
  /** The case workflow's numbering of the events it writes; null for events written elsewhere. */
  sequence: ColumnType<number | null, number | null | undefined, never>;
  occurred_at: ColumnType<Date, Date | string, never>;
  actor_user_id: string | null;
  actor_organisation_id: string | null;
  type: CaseEventType;
  data: Json<CaseEventData[CaseEventType]>;
}

export interface ReferenceVersionTable {
  id: Generated<string>;
  table_name: string;
  valid_from: string;
  valid_to: string | null;
  legal_reference: string;
  sample: boolean;
  rows: Json<unknown[]>;
  published_by: string | null;
  published_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface MailDeliveryTable {
  key: string;
  recipient: string;
  sent_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface NoticeOutboxTable {
  key: string;
  notification: Json<Notification>;
  created_at: CreatedAt;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: ColumnType<Date, Date | string | undefined, Date | string>;
  sent_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  last_error: string | null;
}

export interface IdempotencyKeyTable {
  organisation_id: string;
  key: string;
  /** The hash of the request first sent with the key. */
  request_hash: string;
  case_id: string;
  claimed_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface DocumentBlobTable {
  sha256: string;
  bytes: Buffer;
  stored_at: CreatedAt;
}

export interface DocumentTable {
  id: string;
  case_id: string;
  kind: DocumentKind;
  file_name: string;
  /** By the file's content, not by what it was sent as. */
  media_type: DocumentMediaType;
  size: number;
  /** Names the bytes in the document store. */
  sha256: string;
  uploaded_by: string;
  uploaded_by_organisation_id: string;
  uploaded_at: CreatedAt;
}

export interface ContractTable {
  case_id: string;
  version: number;
  /** Names the PDF in the document store. */
  sha256: string;
  size: number;
  language: Language;
  terms: Json<ContractTerms>;
  drawn_up_at: ColumnType<Date, Date | string, never>;
  status: ColumnType<ContractStatus, ContractStatus | undefined, ContractStatus>;
  registration_number: string | null;
  registered_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  registered_by: string | null;
}

export interface SignatureTable {
  case_id: string;
  contract_version: number;
  signer: Signer;
  method: SignatureMethod;
  /** The employer's user; null for the apprentice and the legal representative, who sign by a personal link. */
  user_id: string | null;
  signed_at: ColumnType<Date, Date | string, never>;
  /** The hash of the document signed. */
  sha256: string;
  scan_document_id: string | null;
  voided_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** One change, suspension or termination of a running contract (domain/contract-changes.ts). */
export interface ContractCourseTable {
  case_id: string;
  id: string;
  kind: ChangeKind | 'suspension' | 'termination';
  status: ChangeStatus;
  details: Json<Record<string, unknown>>;
  effective_on: string;
  ends_on: string | null;
  proposed_by: string;
  proposed_by_organisation_id: string;
  agreeing_organisation_id: string | null;
  task_id: string | null;
  /** Free text: shown to the case's parties, never mailed or logged. */
  reasons: string | null;
  proposed_at: ColumnType<Date, Date | string, never>;
  decided_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  took_effect_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
}

export interface SigningLinkTable {
  id: string;
  /** The SHA-256 of the token, in hex: the token is only in the signer's mail. */
  token_hash: string;
  case_id: string;
  contract_version: number;
  signer: Exclude<Signer, 'employer'>;
  issued_at: CreatedAt;
  expires_at: ColumnType<Date, Date | string, never>;
  used_at: ColumnType<Date | null, never, Date | string>;
  voided_at: ColumnType<Date | null, never, Date | string>;
}

export interface AllowanceScheduleTable {
  case_id: string;
  version: number;
  /** The first day this version changes anything: the start of the contract for the first. */
  effective_from: ColumnType<string, string, never>;
  reason: AllowanceScheduleReason;
  mid_course_passed_on: ColumnType<string | null, string | null | undefined, never>;
  duration_months: ColumnType<number, number, never>;
  years: Json<AllowancePeriod[]>;
  created_at: CreatedAt;
}

/** A registration number given to a contract version (migration 0010). */
export interface ContractRegistrationTable {
  case_id: string;
  contract_version: number;
  registrar_organisation_id: string;
  year: number;
  serial: number;
  registration_number: string;
  registered_at: ColumnType<Date, Date | string, never>;
  registered_by: string;
}

/** The apprentice's social security affiliation, as the employer confirmed it: personal data. */
export interface SocialSecurityAffiliationTable {
  case_id: string;
  affiliation_number: string;
  affiliated_on: string;
  confirmed_by: string;
  confirmed_at: ColumnType<Date, Date | string, never>;
}

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface RecognitionTable {
  id: string;
  workflow_id: string;
  case_id: string | null;
  applicant_user_id: string;
  applicant_organisation_id: string;
  /** Personal data: the applicant's and the recognition staff's only. */
  request: Json<RecognitionRequest>;
  diploma_country: string;
  diploma_key: string;
  status: RecognitionStatus;
  status_sequence: ColumnType<number, number | undefined, number>;
  required_documents: Json<TranslatedKind[]>;
  fee_cents: number;
  payment: Json<Payment | null>;
  payment_recorded_by: string | null;
  document_request: Json<DocumentRequest | null>;
  proposal: Json<RecognitionDecision | null>;
  proposed_by: string | null;
  assignee_user_id: string | null;
  certificate_sha256: string | null;
  requested_at: ColumnType<Date, Date | string, never>;
  updated_at: Timestamp;
  decided_at: NullableTimestamp;
}

export interface RecognitionDocumentTable {
  id: string;
  recognition_id: string;
  kind: RecognitionDocumentKind;
  language: DocumentLanguage;
  translation_of: TranslatedKind | null;
  file_name: string;
  media_type: DocumentMediaType;
  size: number;
  sha256: string;
  uploaded_by: string;
  uploaded_at: CreatedAt;
}

export interface RecognitionStepTable {
  recognition_id: string;
  sequence: number;
  step: RecognitionStep;
  started_at: ColumnType<Date, Date | string, never>;
  ended_at: NullableTimestamp;
}

export interface RecognitionDecisionTable {
  recognition_id: string;
  diploma_key: string;
  diploma: Json<DiplomaType>;
  decision: Json<RegisteredDecision>;
  reasons: string | null;
  precedent_recognition_id: string | null;
  follows_precedent: boolean | null;
  proposed_by: string;
  approved_by: string;
  decided_at: ColumnType<Date, Date | string, never>;
  revoked_at: NullableTimestamp;
  revoked_by: string | null;
  revocation_reasons: string | null;
}

export interface RecognitionCredentialTable {
  id: string;
  recognition_id: string;
  jwt: string;
  issued_at: ColumnType<Date, Date | string, never>;
}

export interface Database {
  organisations: OrganisationTable;
  users: UserTable;
  reference_versions: ReferenceVersionTable;
  cases: CaseTable;
  case_revisions: CaseRevisionTable;
  tasks: TaskTable;
  events: EventTable;
  mail_deliveries: MailDeliveryTable;
  notice_outbox: NoticeOutboxTable;
  idempotency_keys: IdempotencyKeyTable;
  document_blobs: DocumentBlobTable;
  documents: DocumentTable;
  contracts: ContractTable;
  signatures: SignatureTable;
  contract_course: ContractCourseTable;
  signing_links: SigningLinkTable;
  allowance_schedules: AllowanceScheduleTable;
  contract_registrations: ContractRegistrationTable;
  social_security_affiliations: SocialSecurityAffiliationTable;
  recognitions: RecognitionTable;
  recognition_documents: RecognitionDocumentTable;
  recognition_steps: RecognitionStepTable;
  recognition_decisions: RecognitionDecisionTable;
  recognition_credentials: RecognitionCredentialTable;
}

export type Organisation = Selectable<OrganisationTable>;
export type User = Selectable<UserTable>;
export type NewOrganisation = Insertable<OrganisationTable>;
export type NewUser = Insertable<UserTable>;
export type CaseRow = Selectable<CaseTable>;
export type TaskRow = Selectable<TaskTable>;
export type EventRow = Selectable<EventTable>;
