import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack.js';

/** What the worker wrote, line by line, as an operator's log shipper would read it. */
const lines: string[] = [];
const destination = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    done();
  },
});

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ workerLogger: pino({ level: 'debug' }, destination), env: { LOG_LEVEL: 'debug' } });
});
afterAll(() => stack.stop());

describe("the worker's logs", () => {
  it('are JSON lines, and every line about a case carries its case id, and no personal data', async () => {
    const { id } = await stack.submit({ apprentice: { ...stack.caseRequest().apprentice, familyName: 'Quennevat' } });
    // The API records the case and its first tasks: activities run once parties answer.
    expect((await stack.authorise(id)).status).toBe(200);

    const aboutTheCase = () =>
      lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.workflowId === `case-${id}`);
    // The SDK logs an activity's completion after reporting it, so it may follow the task's arrival.
    await expect
      .poll(() => aboutTheCase().filter((entry) => entry.activityType).map((entry) => entry.msg), { timeout: 5_000 })
      .toContain('Activity completed');
    expect(aboutTheCase().filter((entry) => entry.caseId !== id)).toEqual([]);
    expect(lines.join('\n')).not.toContain('Quennevat');
  });
});
