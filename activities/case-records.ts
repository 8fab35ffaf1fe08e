import type { Kysely, Transaction } from 'kysely';
import { project, taskDue, writeOpenedTask, writeSubmittedCase, insertCase, type Due, type Sequence, type Submission, type TaskRecord } from '../db/case-opening.js';
import { appendEvent, type CaseEvent } from '../db/events.js';
import { enqueueNotices } from '../db/notice-outbox.js';
import { assessRequest } from '../db/request-assessment.js';
import type { Database } from '../db/schema.js';
import type { Amendment, AmendmentResult, CaseSnapshot, Task, Withdrawal } from '../domain/case-state.js';
import type { Notification } from '../domain/notification.js';
import type { CaseInput } from '../workflows/case-review/contract.js';
import { refusalsAreFinal } from './refusals.js';

export type { Due };

/** Notices that go out once the write is committed (the outbox); absent in activities scheduled before they did. */
interface Notices {
  notices?: Notification[] | undefined;
}

/** A task to record as opened, with what its due date is counted from. */
export type TaskOpening = TaskRecord & Notices & { dueInWorkingDays?: number | undefined; dueAfterMs?: number | undefined; dueBy?: Due | undefined };

/**
 * Keeps the query side in step with the case workflow. Each write runs in one
 * transaction and is keyed by the workflow's own ids, so a retried activity never
 * writes twice and an older snapshot never overwrites a newer one.
 */
export function createCaseRecordActivities(db: Kysely<Database>) {
  /** When an opened task is due: a date of the contract, Luxembourg working days, or a fixed delay. */
  const dueOf = ({ task, dueInWorkingDays, dueAfterMs, dueBy }: Omit<TaskOpening, 'caseId' | 'snapshot'>) => (dueBy ? Promise.resolve(dueBy) : taskDue(db, task.openedAt, dueInWorkingDays, dueAfterMs));

  const records = refusalsAreFinal({
    async recordCaseSubmitted(input: CaseInput & { snapshot: CaseSnapshot; sequence?: Sequence }): Promise<void> {
      // The same check the API answered with, kept with the case as of its submission.
      const eligibility = await assessRequest(db, input.request, input.employerOrganisationId, input.submittedAt);
      await db.transaction().execute((trx) => writeSubmittedCase(trx, input, eligibility));
    },

    /** Records the task with when it is due (a date of the contract, Luxembourg working days, or a fixed delay); returns that. */
    async recordTaskOpened({
      caseId,
      task,
      snapshot,
      sequence,
      dueInWorkingDays,
      dueAfterMs,
      dueBy,
      notices,
    }: TaskOpening): Promise<Due | null> {
      const dueDate = await dueOf({ task, dueInWorkingDays, dueAfterMs, dueBy });
      await db.transaction().execute((trx) => writeOpening(trx, { caseId, task, snapshot, sequence, notices }, dueDate));
      return dueDate;
    },

    /**
     * The answer takes `sequence`, the decision it may be the next. The tasks the answer opens
     * (`opened`: the employer's amendment, the ministry's decision) are recorded with it, in the
     * same transaction; returns when each is due.
     */
    async recordTaskCompleted({ caseId, task, snapshot, sequence, notices, opened = [] }: TaskRecord & Notices & { opened?: TaskOpening[] }): Promise<(Due | null)[]> {
      const at = task.completedAt!;
      const dues = await Promise.all(opened.map((opening) => dueOf(opening)));
      await db.transaction().execute(async (trx) => {
        await closeTask(trx, caseId, task);
        await appendEvent(trx, {
          key: `${task.id}.completed`,
          caseId,
          sequence,
          at,
          userId: task.completedBy,
          organisationId: task.organisationId,
          type: task.outcome === 'changes_requested' ? 'changes_requested' : 'task_completed',
          data: { taskId: task.id, kind: task.kind, party: task.party, outcome: task.outcome, reasons: task.reasons, comments: task.comments },
        });
        if (snapshot.status === 'authorised' || snapshot.status === 'refused') {
          await appendEvent(trx, {
            key: `${caseId}.${snapshot.status}`,
            caseId,
            sequence: sequence === undefined ? undefined : sequence + 1,
            at,
            userId: task.completedBy,
            organisationId: task.organisationId,
            type: `case_${snapshot.status}`,
            data: {},
          });
        }
        await project(trx, caseId, snapshot, at);
        await enqueueNotices(trx, notices ?? []);
        for (const [i, opening] of opened.entries()) await writeOpening(trx, opening, dues[i]!);
      });
      return dues;
    },

    /** A new revision of the request: kept whole, with what changed and whose answers it reset. */
    async recordAmendment({ caseId, amendment, result, at, snapshot, sequence }: { caseId: string; amendment: Amendment; result: AmendmentResult; at: string; snapshot: CaseSnapshot; sequence?: Sequence }): Promise<void> {
      const eligibility = await assessRequest(db, amendment.request, amendment.organisationId, at);
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('case_revisions')
          .values({ case_id: caseId, revision: result.revision, request: JSON.stringify(amendment.request), changes: JSON.stringify(result.changes), amended_by: amendment.userId, amended_at: at })
          .onConflict((conflict) => conflict.columns(['case_id', 'revision']).doNothing())
          .execute();
        for (const task of result.closed) await closeTask(trx, caseId, task);
        await trx
          .updateTable('cases')
          .set({
            request: JSON.stringify(amendment.request),
            participants: JSON.stringify(amendment.participants),
            trade_code: amendment.request.tradeCode,
            eligibility: JSON.stringify(eligibility),
            request_revision: result.revision,
          })
          .where('id', '=', caseId)
          .where('request_revision', '<', result.revision)
          .execute();
        await appendEvent(trx, {
          key: `${caseId}.revision.${result.revision}`,
          caseId,
          sequence,
          at,
          userId: amendment.userId,
          organisationId: amendment.organisationId,
          type: 'request_amended',
          data: { revision: result.revision, changes: result.changes, reset: result.reset },
        });
        await project(trx, caseId, snapshot, at);
      });
    },

    async recordWithdrawal({ caseId, withdrawal, cancelled, at, snapshot, sequence }: { caseId: string; withdrawal: Withdrawal; cancelled: Task[]; at: string; snapshot: CaseSnapshot; sequence?: Sequence }): Promise<void> {
      await db.transaction().execute(async (trx) => {
        for (const task of cancelled) await closeTask(trx, caseId, task);
        await appendEvent(trx, {
          key: `${caseId}.withdrawn`,
          caseId,
          sequence,
          at,
          userId: withdrawal.userId,
          organisationId: withdrawal.organisationId,
          type: 'case_withdrawn',
          data: { reason: withdrawal.reason ?? null, cancelledTasks: cancelled.map((t) => t.id) },
        });
        await project(trx, caseId, snapshot, at);
      });
    },

    /**
     * A fact of the contract or its years, in the case's log, with where the case stands after it.
     * Keyed by the workflow's step, so a retry logs it once.
     */
    async recordCaseEvent({ event, snapshot }: { event: CaseEvent & { sequence: number }; snapshot: CaseSnapshot }): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await appendEvent(trx, event);
        await project(trx, event.caseId, snapshot, event.at);
      });
    },

    async recordTaskOverdue({ caseId, taskId, at, sequence }: { caseId: string; taskId: string; at: string; sequence?: Sequence }): Promise<void> {
      await appendEvent(db, { key: `${taskId}.overdue`, caseId, sequence, at, type: 'task_overdue', data: { taskId } });
    },

    /**
     * Shows that the case is stuck, and why. If it got stuck before it was recorded, a bare
     * case row is written: who submitted it and when, none of the request that may have failed.
     */
    async recordCaseStuck({ submission: input, reason, at, snapshot, sequence }: { submission: Submission; reason: string; at: string; snapshot: CaseSnapshot; sequence: number }): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await insertCase(trx, input, {
          trade_code: '',
          status: snapshot.status,
          waiting_on: [],
          request: '{}',
          // Its employer sees it: the one part known before the request is.
          participants: JSON.stringify({ employer: input.employerOrganisationId }),
          eligibility: null,
          revision: snapshot.sequence,
          updated_at: at,
        });
        await trx.updateTable('cases').set({ stuck_reason: reason }).where('id', '=', input.caseId).execute();
        await appendEvent(trx, { key: `${input.caseId}.stuck`, caseId: input.caseId, sequence, at, type: 'case_stuck', data: { reason } });
        await project(trx, input.caseId, snapshot, at);
      });
    },
  });
  return {
    ...records,
    /**
     * A new case and its first tasks in one activity, so that the submission is answered after one
     * round trip to the worker instead of one per task. Each write is keyed as on its own.
     */
    async recordCaseOpened({ submission, tasks }: { submission: Parameters<typeof records.recordCaseSubmitted>[0]; tasks: TaskOpening[] }): Promise<(Due | null)[]> {
      await records.recordCaseSubmitted(submission);
      return Promise.all(tasks.map((opening) => records.recordTaskOpened(opening)));
    },
  };
}

export type CaseRecordActivities = ReturnType<typeof createCaseRecordActivities>;

/**
 * Closes the task on the query side. Its opening may not be written yet (a withdrawal's activity
 * can commit before the one that records the opening): the closed task is written then, and the
 * opening leaves it closed.
 */
async function closeTask(trx: Transaction<Database>, caseId: string, task: Task): Promise<void> {
  const closing = {
    status: task.status,
    outcome: task.outcome ?? null,
    reasons: task.reasons ?? null,
    comments: task.comments ? JSON.stringify(task.comments) : null,
    completed_by: task.completedBy ?? null,
    completed_at: task.completedAt ?? null,
  };
  await trx
    .insertInto('tasks')
    .values({ id: task.id, case_id: caseId, kind: task.kind, party: task.party, organisation_id: task.organisationId, created_at: task.openedAt, ...closing })
    .onConflict((conflict) => conflict.column('id').doUpdateSet(closing))
    .execute();
}

async function writeOpening(trx: Transaction<Database>, { notices, ...opening }: TaskRecord & Notices, due: Due | null): Promise<void> {
  await writeOpenedTask(trx, opening, due);
  await enqueueNotices(trx, notices ?? []);
}
