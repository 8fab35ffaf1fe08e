import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordHistory } from '../support/record-history.js';
import { runsOf } from '../support/workflow-runs.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  // A case's first run is about 45 events long when it starts waiting; each answer adds about ten.
  stack = await startTestStack({ env: { CASE_CONTINUE_AS_NEW_AFTER_EVENTS: '20' } });
});
afterAll(async () => {
  await stack.stop();
});

describe('a case that continues as new', () => {
  it('loses nothing and answers nothing twice when answers arrive as it moves to a new run', async () => {
    const { parties } = stack;
    const cases = await Promise.all([stack.submit(), stack.submit(), stack.submit()]);
    await Promise.all(
      cases.map(async ({ id }) => {
        const reviewers = [parties.adem, parties.chamber, parties.school];
        const tasks = await Promise.all(reviewers.map((party) => stack.openTask(party, id)));
        // Three Updates at once: a run that has grown too long continues as new among them.
        const answers = await Promise.all(
          tasks.map((task, i) => stack.complete(reviewers[i]!, task.id, task.kind === 'enrolment' ? { outcome: 'confirmed' } : { outcome: 'favourable', reasons: 'Fine' })),
        );
        expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
        const decision = await stack.openTask(parties.ministry, id);
        expect((await stack.complete(parties.ministry, decision.id, { outcome: 'authorised' })).status).toBe(200);
      }),
    );

    for (const { id } of cases) {
      await expect.poll(async () => (await stack.request(parties.employer, 'GET', `/v1/cases/${id}`)).body.status, { timeout: 20_000 }).toBe('awaiting_signatures');
      // Several runs, each handing its state to the next.
      await expect.poll(async () => (await runsOf(`case-${id}`)).length).toBeGreaterThan(2);

      const tasks = await stack.db.selectFrom('tasks').select(['party', 'status', 'completed_at']).where('case_id', '=', id).execute();
      expect(tasks.map((t) => `${t.party}:${t.status}`).sort()).toEqual(['adem:completed', 'chamber:completed', 'employer:open', 'foreign_school:completed', 'ministry:completed']);
      const events = await stack.db.selectFrom('events').select(['key', 'type', 'sequence']).where('case_id', '=', id).orderBy('sequence').execute();
      expect(events.map((e) => e.type)).toEqual([
        'case_submitted',
        'task_opened',
        'task_opened',
        'task_opened',
        'task_completed',
        'task_completed',
        'task_completed',
        'task_opened',
        'task_completed',
        'case_authorised',
        // The contract and the employer's signature, in the apprenticeship workflow the case continued into.
        'contract_drawn_up',
        'task_opened',
      ]);
      expect(new Set(events.map((e) => e.sequence)).size).toBe(events.length);
      expect(events.every((e) => e.sequence !== null)).toBe(true);
    }
    // A run that began from the state the one before handed on, and handed its own to the next.
    recordHistory(`case-${cases[0]!.id}`, 'case-continued-as-new.json', (await runsOf(`case-${cases[0]!.id}`))[1]!.runId);
    const reference = (id: string) => id.slice(0, 8).toUpperCase();
    for (const { id } of cases) {
      await expect.poll(async () => (await stack.mailsTo(parties.employer.userEmail)).filter((m) => m.subject.includes(reference(id))).length, { timeout: 20_000 }).toBe(1);
    }
  });
});
