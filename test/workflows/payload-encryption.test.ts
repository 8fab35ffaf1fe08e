import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.stop());

/** Every byte string anywhere in a history, read as text. */
function texts(value: unknown, found: string[] = []): string[] {
  if (value instanceof Uint8Array) found.push(Buffer.from(value).toString('latin1'));
  else if (value && typeof value === 'object') for (const child of Object.values(value)) texts(child, found);
  return found;
}

describe('what Temporal stores of a case', () => {
  it('keeps the apprentice’s birth date and ADEM number encrypted, while the case runs as usual', async () => {
    const submitted = await stack.submit();
    const task = await stack.openTask(stack.parties.adem, submitted.id);
    expect((await stack.complete(stack.parties.adem, task.id, { outcome: 'favourable', reasons: 'Fine' })).status).toBe(200);

    // Read the history as anyone with access to Temporal would: without the key.
    const connection = await Connection.connect({ address: inject('temporalAddress') });
    try {
      const history = await new Client({ connection }).workflow.getHandle(`case-${submitted.id}`).fetchHistory();
      const stored = texts(history).join('\n');
      expect(stored).toContain('binary/encrypted');
      expect(stored).not.toContain('2009-04-02');
      expect(stored).not.toContain('ADEM-778812');
      expect(stored).not.toContain('Lena');
    } finally {
      await connection.close();
    }
  });
});
