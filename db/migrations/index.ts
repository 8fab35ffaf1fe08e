import type { Migration } from 'kysely';
import * as cases from './0001_cases.js';
import * as referenceData from './0002_reference_data.js';
import * as reviewRounds from './0003_review_rounds.js';
import * as eventSequence from './0004_event_sequence.js';
import * as stuckCases from './0004_stuck_cases.js';
import * as userRoles from './0005_user_roles.js';
import * as idempotencyKeys from './0006_idempotency_keys.js';
import * as documents from './0007_documents.js';
import * as contracts from './0008_contracts.js';
import * as signingLinks from './0009_signing_links.js';
import * as registrations from './0010_registrations.js';
import * as allowanceSchedules from './0011_allowance_schedules.js';
import * as contractCourse from './0012_contract_course.js';
import * as recognitions from './0013_recognitions.js';
import * as caseListOrder from './0014_case_list_order.js';
import * as inboxOrder from './0015_inbox_order.js';
import * as noticeOutbox from './0016_notice_outbox.js';

/** Every migration, in order; a new one is added here under a name that sorts after the last. */
export const migrations: Record<string, Migration> = {
  '0001_cases': cases,
  '0002_reference_data': referenceData,
  '0003_review_rounds': reviewRounds,
  '0004_event_sequence': eventSequence,
  '0004_stuck_cases': stuckCases,
  '0005_user_roles': userRoles,
  '0006_idempotency_keys': idempotencyKeys,
  '0007_documents': documents,
  '0008_contracts': contracts,
  '0009_signing_links': signingLinks,
  '0010_registrations': registrations,
  '0011_allowance_schedules': allowanceSchedules,
  '0012_contract_course': contractCourse,
  '0013_recognitions': recognitions,
  '0014_case_list_order': caseListOrder,
  '0015_inbox_order': inboxOrder,
  '0016_notice_outbox': noticeOutbox,
};
