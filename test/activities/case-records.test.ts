import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createCaseRecordActivities } from '../../activities/case-records.js';
import { createDatabase } from '../../db/database.js';
import type { Task } from '../../domain/case-state.js';
import { databaseUrl, onServer } from '../support/databases.js';
import { sampleRequest } from '../support/sample-request.js';

const database = `records_${randomUUID().slice(0, 8)}`;
let db: ReturnType<typeof createDatabase>;
beforeAll(async () => {
  await onServer(inject('databaseUrl'), `create database ${database} template ${inject('templateDatabase')}`);
  db = createDatabase(databaseUrl(inject('databaseUrl'), database), 4);
});
afterAll(async () => {
  await db.destroy();
  await onServer(inject('databaseUrl'), `drop database ${database} with (force)`);
});

/** A submitted case on the query side, as the workflow's first activity records it. */
async function submittedCase(records: ReturnType<typeof createCaseRecordActivities>): Promise<string> {
  const caseId = randomUUID();
  await records.recordCaseSubmitted({
    caseId,
    employerOrganisationId: 'boulangerie-schmit',
    submittedBy: 'anne.schmit',
    request: sampleRequest(),
    participants: { employer: 'boulangerie-schmit', adem: 'adem', chamber: 'chambre-des-metiers', foreign_school: 'lycee-thionville', ministry: 'menje-fp' },
    submittedAt: new Date().toISOString(),
    mailRetry: { initialIntervalMs: 1_000, maximumIntervalMs: 1_000 },
    snapshot: { sequence: 1, status: 'awaiting_signatures', waitingOn: ['employer'], revision: 1 },
  });
  return caseId;
}

describe("the query side's tasks", () => {
  it('stay closed when a withdrawal is written before the opening of a task it cancelled', async () => {
    const records = createCaseRecordActivities(db);
    const caseId = await submittedCase(records);
    const openedAt = new Date().toISOString();
    const task: Task = { id: randomUUID(), kind: 'signature', party: 'employer', organisationId: 'boulangerie-schmit', status: 'open', openedAt, openedEvent: 3 };
    const cancelled: Task = { ...task, status: 'cancelled', completedAt: new Date(Date.parse(openedAt) + 5).toISOString() };

    // Two activities run at once: the withdrawal's commits first.
    await records.recordWithdrawal({
      caseId,
      withdrawal: { organisationId: 'boulangerie-schmit', userId: 'anne.schmit' },
      cancelled: [cancelled],
      at: cancelled.completedAt!,
      snapshot: { sequence: 4, status: 'withdrawn', waitingOn: [], revision: 1 },
      sequence: 4,
    });
    await records.recordTaskOpened({ caseId, task, snapshot: { sequence: 3, status: 'awaiting_signatures', waitingOn: ['employer'], revision: 1 }, sequence: 3 });

    const row = await db.selectFrom('tasks').select(['status', 'case_id', 'kind']).where('id', '=', task.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'cancelled', case_id: caseId, kind: 'signature' });
    const inbox = await db.selectFrom('tasks').select('id').where('case_id', '=', caseId).where('status', '=', 'open').execute();
    expect(inbox).toEqual([]);
    expect((await db.selectFrom('cases').select('status').where('id', '=', caseId).executeTakeFirstOrThrow()).status).toBe('withdrawn');
  });
});
