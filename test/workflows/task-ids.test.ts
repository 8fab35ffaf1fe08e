import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.stop());

describe('task ids', () => {
  it('say nothing of the case, the party or the round', async () => {
    const { parties } = stack;
    const { id } = await stack.submit();
    await stack.authorise(id);
    const tasks = await stack.db.selectFrom('tasks').select(['id', 'party']).where('case_id', '=', id).execute();
    expect(tasks).toHaveLength(4);
    for (const task of tasks) {
      expect(task.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(task.id).not.toContain(id.slice(0, 8));
    }
    expect(new Set(tasks.map((t) => t.id)).size).toBe(4);
    // Still reachable by their party.
    const decision = tasks.find((t) => t.party === 'ministry')!;
    expect((await stack.request(parties.ministry, 'GET', `/v1/tasks/${decision.id}`)).body.caseId).toBe(id);
  });
});
