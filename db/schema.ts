import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { CaseStatus, OrganisationKind, PartyKind, TaskKind, TaskStatus } from '../domain/parties.js';
import type { Language } from '../domain/language.js';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T> = ColumnType<T, string, string>;

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
  request: Json<unknown>;
  participants: Json<Record<string, string>>;
  /** The workflow's projection sequence: a write carrying an older one is ignored. */
  revision: number;
  submitted_at: ColumnType<Date, Date | string, never>;
  updated_at: ColumnType<Date, Date | string, Date | string>;
  decided_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  eligibility: ColumnType<unknown, string | null, string | null>;
  request_revision: ColumnType<number, number | undefined, number>;
}

export interface CaseRevisionTable {
  case_id: string;
  revision: number;
  request: Json<unknown>;
  changes: Json<unknown[]>;
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
  comments: ColumnType<unknown, string | null, string | null>;
}

export interface EventTable {
  id: Generated<string>;
  /** Derived from the workflow and its step, so a retried activity cannot log twice. */
  key: string;
  case_id: string;
  occurred_at: ColumnType<Date, Date | string, never>;
  actor_user_id: string | null;
  actor_organisation_id: string | null;
  type: string;
  data: Json<Record<string, unknown>>;
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

export interface IdempotencyKeyTable {
  organisation_id: string;
  key: string;
  /** The hash of the request first sent with the key. */
  request_hash: string;
  case_id: string;
  claimed_at: ColumnType<Date, Date | string | undefined, never>;
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
  idempotency_keys: IdempotencyKeyTable;
}

export type Organisation = Selectable<OrganisationTable>;
export type User = Selectable<UserTable>;
export type NewOrganisation = Insertable<OrganisationTable>;
export type NewUser = Insertable<UserTable>;
export type CaseRow = Selectable<CaseTable>;
export type TaskRow = Selectable<TaskTable>;
export type EventRow = Selectable<EventTable>;
