import type { Kysely, Transaction } from 'kysely';
import { referenceVersions } from '../db/reference-store.js';
import { assessRequest } from '../db/request-assessment.js';
import type { Database } from '../db/schema.js';
import type { CaseSnapshot, Task } from '../domain/case-state.js';
import { luxembourgDate } from '../domain/luxembourg-date.js';
import { versionInForce } from '../domain/reference-data.js';
import { WorkingDayCalendar } from '../domain/working-days.js';
import type { CaseInput } from '../workflows/case-workflow.js';

interface TaskRecord {
  caseId: string;
  task: Task;
  snapshot: CaseSnapshot;
}

/**
 * Keeps the query side in step with the case workflow. Each write runs in one
 * transaction and is keyed by the workflow's own ids, so a retried activity never
 * writes twice and an older snapshot never overwrites a newer one.
 */
export function createCaseRecordActivities(db: Kysely<Database>) {
  const activities = {
    async recordCaseSubmitted(input: CaseInput & { snapshot: CaseSnapshot }): Promise<void> {
      // The same check the API answered with, kept with the case as of its submission.
      const eligibility = await assessRequest(db, input.request, input.employerOrganisationId, input.submittedAt);
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('cases')
          .values({
            id: input.caseId,
            workflow_id: `case-${input.caseId}`,
            employer_organisation_id: input.employerOrganisationId,
            submitted_by: input.submittedBy,
            idempotency_key: input.idempotencyKey ?? null,
            trade_code: input.request.tradeCode,
            status: input.snapshot.status,
            waiting_on: input.snapshot.waitingOn,
            request: JSON.stringify(input.request),
            participants: JSON.stringify(input.participants),
            eligibility: JSON.stringify(eligibility),
            revision: input.snapshot.sequence,
            submitted_at: input.submittedAt,
            updated_at: input.submittedAt,
          })
          .onConflict((conflict) => conflict.column('id').doNothing())
          .execute();
        await appendEvent(trx, {
          key: `${input.caseId}.submitted`,
          caseId: input.caseId,
          at: input.submittedAt,
          userId: input.submittedBy,
          organisationId: input.employerOrganisationId,
          type: 'case_submitted',
          // No personal data in the log: the request itself stays on the case.
          data: {
            tradeCode: input.request.tradeCode,
            foreignSchoolId: input.request.foreignSchool.organisationId,
            startDate: input.request.startDate,
          },
        });
      });
    },

    /** Records the task with its due date, counted in Luxembourg working days; returns that date. */
    async recordTaskOpened({ caseId, task, snapshot, dueInWorkingDays }: TaskRecord & { dueInWorkingDays?: number | undefined }): Promise<string | null> {
      const dueOn = dueInWorkingDays === undefined ? null : await dueDate(task.openedAt, dueInWorkingDays);
      await db.transaction().execute(async (trx) => {
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
            due_on: dueOn,
          })
          .onConflict((conflict) => conflict.column('id').doNothing())
          .execute();
        await appendEvent(trx, {
          key: `${task.id}.opened`,
          caseId,
          at: task.openedAt,
          type: 'task_opened',
          data: { taskId: task.id, kind: task.kind, party: task.party, organisationId: task.organisationId, dueOn },
        });
        await project(trx, caseId, snapshot, task.openedAt);
      });
      return dueOn;
    },

    async recordTaskCompleted({ caseId, task, snapshot }: TaskRecord): Promise<void> {
      const at = task.completedAt!;
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('tasks')
          .set({
            status: 'completed',
            outcome: task.outcome ?? null,
            reasons: task.reasons ?? null,
            completed_by: task.completedBy ?? null,
            completed_at: at,
          })
          .where('id', '=', task.id)
          .execute();
        await appendEvent(trx, {
          key: `${task.id}.completed`,
          caseId,
          at,
          userId: task.completedBy,
          organisationId: task.organisationId,
          type: 'task_completed',
          data: { taskId: task.id, kind: task.kind, party: task.party, outcome: task.outcome, reasons: task.reasons },
        });
        if (snapshot.status === 'authorised' || snapshot.status === 'refused') {
          await appendEvent(trx, {
            key: `${caseId}.${snapshot.status}`,
            caseId,
            at,
            userId: task.completedBy,
            organisationId: task.organisationId,
            type: `case_${snapshot.status}`,
            data: {},
          });
        }
        await project(trx, caseId, snapshot, at);
      });
    },
  };

  async function dueDate(openedAt: string, workingDays: number): Promise<string> {
    const openedOn = luxembourgDate(openedAt);
    const holidays = versionInForce(await referenceVersions(db, 'public-holidays'), openedOn);
    return new WorkingDayCalendar(holidays?.rows ?? []).addWorkingDays(openedOn, workingDays);
  }

  return activities;
}

export type CaseRecordActivities = ReturnType<typeof createCaseRecordActivities>;

async function appendEvent(
  trx: Transaction<Database>,
  event: {
    key: string;
    caseId: string;
    at: string;
    userId?: string | undefined;
    organisationId?: string | undefined;
    type: string;
    data: Record<string, unknown>;
  },
): Promise<void> {
  await trx
    .insertInto('events')
    .values({
      key: event.key,
      case_id: event.caseId,
      occurred_at: event.at,
      actor_user_id: event.userId ?? null,
      actor_organisation_id: event.organisationId ?? null,
      type: event.type,
      data: JSON.stringify(event.data),
    })
    .onConflict((conflict) => conflict.column('key').doNothing())
    .execute();
}

async function project(trx: Transaction<Database>, caseId: string, snapshot: CaseSnapshot, at: string): Promise<void> {
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
