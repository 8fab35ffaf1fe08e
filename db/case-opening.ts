import type { Insertable, Kysely, Transaction } from 'kysely';
import type { CaseSnapshot, Task } from '../domain/case-state.js';
import type { Eligibility } from '../domain/eligibility.js';
import { endOfLuxembourgDay, luxembourgDate } from '../domain/luxembourg-date.js';
import { versionInForce } from '../domain/reference-data.js';
import { WorkingDayCalendar } from '../domain/working-days.js';
import type { CaseInput } from '../workflows/case-review/contract.js';
import { appendEvent } from './events.js';
import { referenceVersions } from './reference-store.js';
import type { CaseTable, Database } from './schema.js';

/**
 * A case's first writes on the query side: its row, its first revision, its tasks. The API
 * makes them when it opens a case, the workflow's activities in cases it opened itself. Each
 * is keyed by the case's or the task's id, so written again it writes nothing twice.
 */

/** Who submitted a case and when: what is known of it before its request is recorded. */
export type Submission = Pick<CaseInput, 'caseId' | 'employerOrganisationId' | 'submittedBy' | 'submittedAt'> & { idempotencyKey?: string | undefined };

/** Where the workflow places the event in the case's log; absent in activities scheduled before it did. */
export type Sequence = number | undefined;

export interface Due {
  dueOn: string;
  dueAt: string;
}

export interface TaskRecord {
  caseId: string;
  task: Task;
  snapshot: CaseSnapshot;
  sequence?: Sequence;
}

/** When a task opened at `openedAt` is due: after a fixed delay, or a number of Luxembourg working days. */
export async function taskDue(db: Kysely<Database>, openedAt: string, workingDays: number | undefined, afterMs: number | undefined): Promise<Due | null> {
  if (afterMs !== undefined) {
    const dueAt = new Date(Date.parse(openedAt) + afterMs).toISOString();
    return { dueOn: luxembourgDate(dueAt), dueAt };
  }
  if (workingDays === undefined) return null;
  const openedOn = luxembourgDate(openedAt);
  const holidays = versionInForce(await referenceVersions(db, 'public-holidays'), openedOn);
  const dueOn = new WorkingDayCalendar(holidays?.rows ?? []).addWorkingDays(openedOn, workingDays);
  return { dueOn, dueAt: endOfLuxembourgDay(dueOn) };
}

/** The submitted case, its first revision and its `case_submitted` event, with the eligibility check as of submission. */
export async function writeSubmittedCase(
  trx: Transaction<Database>,
  input: CaseInput & { snapshot: CaseSnapshot; sequence?: Sequence },
  eligibility: Eligibility,
): Promise<void> {
  await insertCase(trx, input, {
    trade_code: input.request.tradeCode,
    status: input.snapshot.status,
    waiting_on: input.snapshot.waitingOn,
    request: JSON.stringify(input.request),
    participants: JSON.stringify(input.participants),
    eligibility: JSON.stringify(eligibility),
    revision: input.snapshot.sequence,
    updated_at: input.submittedAt,
  });
  await trx
    .insertInto('case_revisions')
    .values({ case_id: input.caseId, revision: 1, request: JSON.stringify(input.request), changes: '[]', amended_by: input.submittedBy, amended_at: input.submittedAt })
    .onConflict((conflict) => conflict.columns(['case_id', 'revision']).doNothing())
    .execute();
  await appendEvent(trx, {
    key: `${input.caseId}.submitted`,
    caseId: input.caseId,
    sequence: input.sequence,
    at: input.submittedAt,
    userId: input.submittedBy,
    organisationId: input.employerOrganisationId,
    type: 'case_submitted',
    // No personal data in the log: the request itself stays on the case.
    data: { revision: 1, tradeCode: input.request.tradeCode, foreignSchoolId: input.request.foreignSchool.organisationId, startDate: input.request.startDate },
  });
}

/** An opened task with when it is due, its `task_opened` event, and where the case stands after it. */
export async function writeOpenedTask(trx: Transaction<Database>, { caseId, task, snapshot, sequence }: TaskRecord, due: Due | null): Promise<void> {
  await trx
    .insertInto('tasks')
    .values({
      id: task.id,
      case_id: caseId,
      kind: task.kind,
      party: task.party,
      organisation_id: task.organisationId,
      status: 'open',
      created_at: task.openedAt,
      due_on: due?.dueOn ?? null,
      due_at: due?.dueAt ?? null,
    })
    .onConflict((conflict) => conflict.column('id').doNothing())
    .execute();
  await appendEvent(trx, {
    key: `${task.id}.opened`,
    caseId,
    sequence,
    at: task.openedAt,
    type: 'task_opened',
    data: { taskId: task.id, kind: task.kind, party: task.party, organisationId: task.organisationId, dueOn: due?.dueOn ?? null },
  });
  await project(trx, caseId, snapshot, task.openedAt);
}

/** The case's row, once: who submitted it and when, with what the caller knows of it so far. */
export async function insertCase(
  trx: Transaction<Database>,
  submission: Submission,
  known: Omit<Insertable<CaseTable>, 'id' | 'workflow_id' | 'employer_organisation_id' | 'submitted_by' | 'idempotency_key' | 'submitted_at'>,
): Promise<void> {
  await trx
    .insertInto('cases')
    .values({
      id: submission.caseId,
      workflow_id: `case-${submission.caseId}`,
      employer_organisation_id: submission.employerOrganisationId,
      submitted_by: submission.submittedBy,
      idempotency_key: submission.idempotencyKey ?? null,
      submitted_at: submission.submittedAt,
      ...known,
    })
    .onConflict((conflict) => conflict.column('id').doNothing())
    .execute();
}

/** Where the case stands, unless a newer snapshot is already there. */
export async function project(trx: Transaction<Database>, caseId: string, snapshot: CaseSnapshot, at: string): Promise<void> {
  const decided = snapshot.status === 'authorised' || snapshot.status === 'refused';
  await trx
    .updateTable('cases')
    .set({
      status: snapshot.status,
      waiting_on: snapshot.waitingOn,
      revision: snapshot.sequence,
      updated_at: at,
      ...(decided ? { decided_at: at } : {}),
    })
    .where('id', '=', caseId)
    .where('revision', '<', snapshot.sequence)
    .execute();
}
