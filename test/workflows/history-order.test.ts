import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
  // Closing a review task takes a while in this database: the last answer's record then lands
  // after the decision task it opened, as parallel writes may in production.
  await sql`
    create function slow_review_answers() returns trigger language plpgsql as $$
    begin perform pg_sleep(0.3); return new; end $$`.execute(stack.db);
  await sql`
    create trigger slow_review_answers before update on tasks for each row
    when (new.status = 'completed' and new.party <> 'ministry') execute function slow_review_answers()`.execute(stack.db);
});
afterAll(() => stack.stop());

describe('a case’s history', () => {
  it('follows the order in which things happened in the case, not the order the writes landed', async () => {
    const { parties } = stack;
    const cases = await Promise.all([stack.submit(), stack.submit(), stack.submit()]);
    await Promise.all(cases.map(({ id }) => stack.authorise(id)));

    for (const { id } of cases) {
      await expect.poll(async () => (await stack.request(parties.ministry, 'GET', `/v1/cases/${id}`)).body.status, { timeout: 20_000 }).toBe('awaiting_signatures');
      const history = (await stack.request(parties.ministry, 'GET', `/v1/cases/${id}/history`)).body.items as { type: string; data: { party?: string } }[];
      const steps = history.map((event) => (event.data.party ? `${event.type}:${event.data.party}` : event.type));
      const decisionOpened = steps.indexOf('task_opened:ministry');
      const answers = ['adem', 'chamber', 'foreign_school'].map((party) => steps.indexOf(`task_completed:${party}`));
      expect(answers.every((index) => index >= 0 && index < decisionOpened), steps.join(', ')).toBe(true);
      expect(steps[0]).toBe('case_submitted');
      // Then the contract phase draws up the contract and opens the employer's signature.
      expect(steps.slice(-4)).toEqual(['task_completed:ministry', 'case_authorised', 'contract_drawn_up', 'task_opened:employer']);
    }
  });

  it('places an event written outside the workflow (a claim) after what came before it', async () => {
    const { parties } = stack;
    const { id } = await stack.submit();
    const task = await stack.openTask(parties.adem, id);
    expect((await stack.request(parties.adem, 'POST', `/v1/tasks/${task.id}/claim`)).status).toBe(200);
    await stack.complete(parties.adem, task.id, { outcome: 'favourable', reasons: 'Fine' });
    const history = (await stack.request(parties.ministry, 'GET', `/v1/cases/${id}/history`)).body.items as { type: string; data: { party?: string } }[];
    const steps = history.map((event) => (event.data.party ? `${event.type}:${event.data.party}` : event.type));
    expect(steps).toEqual(['case_submitted', expect.any(String), expect.any(String), expect.any(String), 'task_claimed', 'task_completed:adem']);
    expect(steps.slice(1, 4).sort()).toEqual(['task_opened:adem', 'task_opened:chamber', 'task_opened:foreign_school']);
  });
});
