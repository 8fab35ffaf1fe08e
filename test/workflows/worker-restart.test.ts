import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.stop());

describe('a worker that stops in the middle of a case', () => {
  it('picks the case up again when a worker is back, and loses nothing', async () => {
    const { parties } = stack;
    const { id } = await stack.submit();
    const ademTask = await stack.openTask(parties.adem, id);
    expect((await stack.complete(parties.adem, ademTask.id, { outcome: 'favourable', reasons: 'Before the restart' })).status).toBe(200);

    await stack.stopWorker();
    // Answers given while no worker runs wait in Temporal until one is back.
    const chamberTask = await stack.openTask(parties.chamber, id);
    const pendingAnswer = stack.complete(parties.chamber, chamberTask.id, { outcome: 'favourable', reasons: 'During the restart' });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await stack.startWorker();
    expect((await pendingAnswer).status).toBe(200);

    const schoolTask = await stack.openTask(parties.school, id);
    await stack.complete(parties.school, schoolTask.id, { outcome: 'confirmed' });
    const decision = await stack.openTask(parties.ministry, id);
    await stack.complete(parties.ministry, decision.id, { outcome: 'authorised' });

    await expect.poll(async () => (await stack.request(parties.employer, 'GET', `/v1/cases/${id}`)).body.status, { timeout: 20_000 }).toBe('awaiting_signatures');
    const reviews = (await stack.request(parties.employer, 'GET', `/v1/cases/${id}`)).body.tasks;
    expect(reviews.map((t: { answer: { reasons?: string } }) => t.answer?.reasons)).toEqual(
      expect.arrayContaining(['Before the restart', 'During the restart']),
    );
    const events = await stack.db.selectFrom('events').select('key').where('case_id', '=', id).execute();
    expect(new Set(events.map((e) => e.key)).size).toBe(events.length);
    // The review's ten, then the contract drawn up and the employer's signature task the contract phase opened.
    expect(events).toHaveLength(12);
  });
});
