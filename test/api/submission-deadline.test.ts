import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { caseReference } from '../../domain/case-reference.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
let temporal: TcpProxy;
beforeAll(async () => {
  // The stack reaches Temporal through a proxy the test can cut, as a network that fails.
  const [host, port] = inject('temporalAddress').split(':');
  temporal = await startTcpProxy({ host: host!, port: Number(port) });
  stack = await startTestStack({ env: { SUBMIT_TIMEOUT: '1s', TEMPORAL_ADDRESS: `127.0.0.1:${temporal.port}` } });
});
afterAll(async () => {
  await stack.stop();
  await temporal.stop();
});

describe('a submission', () => {
  it('is answered with the case and its first tasks while the worker is down; their parties hear of them once it is back', async () => {
    const { parties } = stack;
    await stack.stopWorker();
    let caseId: string;
    try {
      const reply = await stack.request(parties.employer, 'POST', '/v1/cases', stack.caseRequest(), { 'Idempotency-Key': `worker-down-${Date.now()}` });
      expect(reply.status).toBe(201);
      expect(reply.body.status).toBe('in_review');
      caseId = reply.body.id;
      for (const party of [parties.adem, parties.chamber, parties.school]) {
        const inbox = await stack.request(party, 'GET', '/v1/tasks');
        expect(inbox.body.items.filter((task: { caseId: string }) => task.caseId === caseId)).toHaveLength(1);
      }
    } finally {
      await stack.startWorker();
    }
    const reference = caseReference(caseId);
    await expect.poll(async () => (await stack.mailsTo(parties.adem.organisationEmail)).filter((m) => m.subject.includes(reference)).length, { timeout: 20_000 }).toBe(1);
  });

  it('that cannot reach Temporal in time answers 503 with Retry-After and records nothing; the same key later records the case once', async () => {
    const { parties } = stack;
    const key = `deadline-${Date.now()}`;
    await temporal.cut();
    try {
      for (let attempt = 0; attempt < 2; attempt++) {
        const reply = await stack.request(parties.employer, 'POST', '/v1/cases', stack.caseRequest(), { 'Idempotency-Key': key });
        expect(reply.status).toBe(503);
        expect(reply.headers.get('content-type')).toContain('application/problem+json');
        expect(Number(reply.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(reply.body.detail).toContain('same Idempotency-Key');
        // No personal data in the answer.
        expect(JSON.stringify(reply.body)).not.toContain('Lena');
      }
      // Neither the case nor the key is held: the employer is free to send it again.
      expect(await stack.db.selectFrom('cases').select('id').where('idempotency_key', '=', key).execute()).toEqual([]);
      expect(await stack.db.selectFrom('idempotency_keys').select('key').where('key', '=', key).execute()).toEqual([]);
    } finally {
      await temporal.restore();
    }
    // As a client told Retry-After would: try again until Temporal answers.
    const retry = () => stack.request(parties.employer, 'POST', '/v1/cases', stack.caseRequest(), { 'Idempotency-Key': key });
    let retried = await retry();
    for (const giveUpAt = Date.now() + 30_000; retried.status === 503 && Date.now() < giveUpAt; retried = await retry()) {
      expect(retried.body.detail).toContain('same Idempotency-Key');
    }
    expect(retried.status).toBe(201);
    expect(retried.body.status).toBe('in_review');
    const rows = await stack.db.selectFrom('cases').select('id').where('idempotency_key', '=', key).execute();
    expect(rows.map((r) => r.id)).toEqual([retried.body.id]);
    const again = await retry();
    expect({ status: again.status, id: again.body.id }).toEqual({ status: 200, id: retried.body.id });
    // The attempts that rolled back queued no notice: ADEM hears of the case once, of the task the case has.
    const reference = caseReference(retried.body.id);
    const taskMails = async () => (await stack.mailsTo(parties.adem.organisationEmail)).filter((m) => m.subject.includes(reference));
    await expect.poll(async () => (await taskMails()).length, { timeout: 20_000 }).toBe(1);
    const [task] = (await stack.request(parties.adem, 'GET', '/v1/tasks')).body.items.filter((t: { caseId: string }) => t.caseId === retried.body.id);
    expect((await taskMails())[0]!.text).toContain(`/tasks/${task.id}`);
  });
});
