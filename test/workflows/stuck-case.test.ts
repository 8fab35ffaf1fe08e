import { ApplicationFailure, Client, Connection, WorkflowUpdateFailedError } from '@temporalio/client';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { refusalsAreFinal } from '../../activities/refusals.js';
import { createDatabase } from '../../db/database.js';
import { caseDetailSchema } from '../../api/responses.js';
import { caseRecordedUpdate } from '../../workflows/case-review/contract.js';
import { freePort } from '../support/free-port.js';
import { recordHistory } from '../support/record-history.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
let connection: Connection;
beforeAll(async () => {
  stack = await startTestStack();
  connection = await Connection.connect({ address: inject('temporalAddress') });
  // A value the API accepts but this database refuses, as a NUL character once was.
  await sql`alter table cases add constraint refuses_one_tutor check (request->'tutor'->>'name' is distinct from 'Refused Tutor')`.execute(stack.db);
  await sql`alter table tasks add constraint refuses_one_reason check (reasons is distinct from 'Refused reason')`.execute(stack.db);
});
afterAll(async () => {
  await connection.close();
  await stack.stop();
});

describe('a case that meets a failure retrying cannot fix', () => {
  it('stops, shows that it is stuck and why, tells an operator, and fails caseRecorded with CaseStuck', async () => {
    const { parties } = stack;
    // The submission gets an answer, never a hang: the case could not be recorded, operators are told.
    const submitted = await stack.request(parties.employer, 'POST', '/v1/cases', stack.caseRequest({ tutor: { name: 'Refused Tutor' } }), { 'Idempotency-Key': 'stuck-1' });
    expect(submitted.status).toBe(503);
    expect(submitted.headers.get('content-type')).toContain('application/problem+json');

    const row = await stack.db.selectFrom('cases').selectAll().where('idempotency_key', '=', 'stuck-1').executeTakeFirstOrThrow();
    expect(row.status).toBe('stuck');
    expect(row.stuck_reason).toBe('The database refused the record (SQLSTATE 23514, table cases, constraint refuses_one_tutor)');
    expect(JSON.stringify(row)).not.toContain('Refused Tutor');
    const events = await stack.db.selectFrom('events').select(['type', 'data']).where('case_id', '=', row.id).execute();
    expect(events).toEqual([{ type: 'case_stuck', data: { reason: row.stuck_reason } }]);

    // The employer sees the case, stuck and why, in the case and in the list: no 500 for a bare row.
    const shown = await stack.request(parties.employer, 'GET', `/v1/cases/${row.id}`);
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ id: row.id, status: 'stuck', stuckReason: row.stuck_reason, apprentice: null });
    expect(caseDetailSchema.strict().safeParse(shown.body).success).toBe(true);
    const listed = await stack.request(parties.employer, 'GET', '/v1/cases?status=stuck');
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((c: { id: string }) => c.id)).toEqual([row.id]);

    const client = new Client({ connection });
    const handle = client.workflow.getHandle(`case-${row.id}`);
    const failure = await handle.executeUpdate(caseRecordedUpdate).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WorkflowUpdateFailedError);
    const cause = (failure as WorkflowUpdateFailedError).cause;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    expect({ type: (cause as ApplicationFailure).type, message: cause!.message }).toEqual({ type: 'CaseStuck', message: row.stuck_reason });

    // Still open, and findable as stuck.
    expect((await handle.describe()).status.name).toBe('RUNNING');
    await expect
      .poll(async () => {
        const found: string[] = [];
        for await (const execution of client.workflow.list({ query: `CaseStatus = 'stuck' AND CaseReference = '${row.id.slice(0, 8).toUpperCase()}'` })) found.push(execution.workflowId);
        return found;
      }, { timeout: 10_000 })
      .toEqual([`case-${row.id}`]);

    // The operators (by default the ministry's address) hear of it, without personal data.
    const reference = row.id.slice(0, 8).toUpperCase();
    await expect.poll(async () => (await stack.mailsTo(parties.ministry.organisationEmail)).filter((m) => m.subject.includes(reference)).length, { timeout: 20_000 }).toBe(1);
    const [mail] = (await stack.mailsTo(parties.ministry.organisationEmail)).filter((m) => m.subject.includes(reference));
    expect(mail!.subject).toBe(`Le dossier ${reference} est bloqué`);
    expect(mail!.text).toContain('SQLSTATE 23514');
    expect(mail!.text).not.toMatch(/Refused Tutor|Lena|Roth/);
    // Not retrying: once the operator's mail is out, nothing is pending.
    await expect.poll(async () => (await handle.describe()).raw.pendingActivities ?? [], { timeout: 10_000 }).toEqual([]);
    recordHistory(`case-${row.id}`, 'case-stuck.json');
  });

  it('answers the answer that met the failure with a problem, and every later one with 409, never a 500', async () => {
    const { parties } = stack;
    const { id } = await stack.submit();
    const task = await stack.openTask(parties.adem, id);
    const answered = await stack.complete(parties.adem, task.id, { outcome: 'favourable', reasons: 'Refused reason' });
    expect(answered.status).toBe(503);
    expect(answered.headers.get('content-type')).toContain('application/problem+json');
    expect(answered.body.detail).toContain('operators have been told');
    await expect.poll(async () => (await stack.request(parties.employer, 'GET', `/v1/cases/${id}`)).body.status).toBe('stuck');
    const school = await stack.openTask(parties.school, id);
    expect((await stack.complete(parties.school, school.id, { outcome: 'confirmed' })).status).toBe(409);
  });

  it('tells a refusal of the data from a failure that may pass on a later attempt', async () => {
    const activities = refusalsAreFinal({
      divide: () => sql`select 1 / 0`.execute(stack.db),
      unreachable: async () => {
        const db = createDatabase(`postgres://postgres@127.0.0.1:${await freePort()}/none`, 1);
        try {
          await sql`select 1`.execute(db);
        } finally {
          await db.destroy();
        }
      },
    });
    const refused = await activities.divide().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApplicationFailure);
    expect(refused).toMatchObject({ type: 'RecordRefused', nonRetryable: true, message: 'The database refused the record (SQLSTATE 22012)' });
    const transient = await activities.unreachable().catch((error: unknown) => error);
    expect(transient).not.toBeInstanceOf(ApplicationFailure);
    expect((transient as { code?: string }).code).toBe('ECONNREFUSED');
  });
});
