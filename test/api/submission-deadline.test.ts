import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ env: { SUBMIT_TIMEOUT: '1s' } });
});
afterAll(() => stack.stop());

describe('a submission that cannot be recorded in time', () => {
  it('answers 503 with Retry-After instead of hanging, again on a retry with the same key, and the case once the worker is back', async () => {
    const { parties } = stack;
    const key = `deadline-${Date.now()}`;
    await stack.stopWorker();
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
    } finally {
      await stack.startWorker();
    }
    // As a client told Retry-After would: try again until the worker, just back, has recorded the case.
    const retry = () => stack.request(parties.employer, 'POST', '/v1/cases', stack.caseRequest(), { 'Idempotency-Key': key });
    let retried = await retry();
    for (const giveUpAt = Date.now() + 30_000; retried.status === 503 && Date.now() < giveUpAt; retried = await retry()) {
      expect(retried.body.detail).toContain('same Idempotency-Key');
    }
    expect(retried.status).toBe(200);
    expect(retried.body.status).toBe('in_review');
    const rows = await stack.db.selectFrom('cases').select('id').where('idempotency_key', '=', key).execute();
    expect(rows.map((r) => r.id)).toEqual([retried.body.id]);
  });
});
