import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.stop());

describe('two people of one organisation completing the same task at the same moment', () => {
  it('lets one win; the other gets 409, the answer is the winner’s, and it is recorded once', async () => {
    const marie = stack.parties.adem;
    const luc = await stack.colleague(marie, 'luc.adem');
    const { id } = await stack.submit();
    const task = await stack.openTask(marie, id);
    const answers = [
      { party: marie, answer: { outcome: 'favourable', reasons: 'Marie says yes' } },
      { party: luc, answer: { outcome: 'unfavourable', reasons: 'Luc says no' } },
    ];

    const replies = await Promise.all(answers.map(({ party, answer }) => stack.complete(party, task.id, answer)));

    expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = replies.find((r) => r.status === 409)!;
    expect(loser.headers.get('content-type')).toContain('application/problem+json');
    expect(loser.body).toMatchObject({ status: 409, title: 'Task not open' });
    const winner = answers[replies.findIndex((r) => r.status === 200)]!;
    const stored = await stack.request(marie, 'GET', `/v1/tasks/${task.id}`);
    expect(stored.body).toMatchObject({ status: 'completed', answer: winner.answer });
    const completions = await stack.db.selectFrom('events').select('actor_user_id').where('case_id', '=', id).where('type', '=', 'task_completed').execute();
    expect(completions).toEqual([{ actor_user_id: winner.party.userId }]);
  });
});
