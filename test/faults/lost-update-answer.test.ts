import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
let temporal: TcpProxy;
beforeAll(async () => {
  // Only the API reaches Temporal through the proxy: the worker goes on while the API's answers are held.
  const [host, port] = inject('temporalAddress').split(':');
  temporal = await startTcpProxy({ host: host!, port: Number(port) });
  stack = await startTestStack({ apiEnv: { TEMPORAL_ADDRESS: `127.0.0.1:${temporal.port}` } });
});
afterAll(async () => {
  await stack.stop();
  await temporal.stop();
});

/**
 * The ministry's decision ends the case's review run: it continues as new into the contract phase.
 * When the decision's answer is lost on the way (a dropped connection here; Temporal itself now and
 * then drops an Update's answer given in the task that continues as new, temporalio/temporal#6375),
 * the client sends the Update again, and it reaches the new run, which no longer has the task.
 */
describe('the ministry’s decision whose answer from Temporal is lost', () => {
  it('is answered as done, with the recorded decision, not as a conflict', async () => {
    const { parties } = stack;
    const { id } = await stack.submit();
    for (const party of [parties.adem, parties.chamber, parties.school]) {
      const task = await stack.openTask(party, id);
      const answered = await stack.complete(party, task.id, task.kind === 'enrolment' ? { outcome: 'confirmed' } : { outcome: 'favourable', reasons: 'Fine' });
      expect(answered.status).toBe(200);
    }
    const decision = await stack.openTask(parties.ministry, id);

    temporal.holdReplies();
    const reply = stack.complete(parties.ministry, decision.id, { outcome: 'authorised' });
    // The worker took the decision and went on to the contract: its signature task is open.
    await expect
      .poll(async () => (await stack.db.selectFrom('tasks').select('id').where('case_id', '=', id).where('kind', '=', 'signature').execute()).length, { timeout: 20_000 })
      .toBe(1);
    await temporal.cut();
    await temporal.restore();

    const answered = await reply;
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ id: decision.id, status: 'completed', answer: { outcome: 'authorised' } });
    // Recorded once, by the first attempt.
    const events = await stack.db.selectFrom('events').select(['type', 'actor_user_id']).where('case_id', '=', id).where('type', 'in', ['task_completed', 'case_authorised']).execute();
    expect(events.filter((e) => e.actor_user_id === parties.ministry.userId).map((e) => e.type).sort()).toEqual(['case_authorised', 'task_completed']);
  });
});
