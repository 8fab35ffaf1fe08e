import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.stop());

async function answerReviews(caseId: string, answers: { adem: object; chamber: object; school: object }) {
  const { parties } = stack;
  for (const [party, answer] of [
    [parties.adem, answers.adem],
    [parties.chamber, answers.chamber],
    [parties.school, answers.school],
  ] as const) {
    const task = await stack.openTask(party, caseId);
    expect((await stack.complete(party, task.id, answer)).status).toBe(200);
  }
}

describe('a request the ministry refuses', () => {
  it('ends refused, and the employer is mailed where to read the reasons', async () => {
    const { parties } = stack;
    const { id } = await stack.submit();
    await answerReviews(id, {
      adem: { outcome: 'unfavourable', reasons: 'The candidate is not registered with ADEM' },
      chamber: { outcome: 'favourable', reasons: 'Right to train confirmed' },
      school: { outcome: 'confirmed' },
    });
    const decision = await stack.openTask(parties.ministry, id);
    const withoutReasons = await stack.complete(parties.ministry, decision.id, { outcome: 'refused' });
    expect(withoutReasons.status).toBe(400);
    expect(withoutReasons.body.errors[0].pointer).toBe('#/reasons');
    const refused = await stack.complete(parties.ministry, decision.id, { outcome: 'refused', reasons: 'ADEM gave an unfavourable opinion' });
    expect(refused.status).toBe(200);

    await expect.poll(async () => (await stack.request(parties.employer, 'GET', `/v1/cases/${id}`)).body.status).toBe('refused');
    const events = await stack.db.selectFrom('events').select('type').where('case_id', '=', id).execute();
    expect(events.map((e) => e.type)).toContain('case_refused');
    expect(events.map((e) => e.type)).not.toContain('case_authorised');

    const reference = id.slice(0, 8).toUpperCase();
    await expect
      .poll(async () => (await stack.mailsTo(parties.employer.userEmail)).filter((m) => m.subject.includes(reference)), { timeout: 20_000 })
      .toHaveLength(1);
    const [mail] = (await stack.mailsTo(parties.employer.userEmail)).filter((m) => m.subject.includes(reference));
    expect(mail!.subject).toBe(`Apprenticeship request ${reference} refused`);
    // The reasons are free text: behind the login, not in the mail.
    expect(mail!.text).not.toContain('ADEM gave an unfavourable opinion');
    expect(mail!.text).toContain(`${stack.config.publicBaseUrl}/cases/${id}`);
  });

  it('still goes to the ministry when the school declines the enrolment, and the ministry may refuse', async () => {
    const { parties } = stack;
    const { id } = await stack.submit();
    await answerReviews(id, {
      adem: { outcome: 'favourable', reasons: 'Fine' },
      chamber: { outcome: 'favourable', reasons: 'Fine' },
      school: { outcome: 'declined', reasons: 'The class is full for this school year' },
    });
    const decision = await stack.openTask(parties.ministry, id);
    const view = await stack.request(parties.ministry, 'GET', `/v1/tasks/${decision.id}`);
    expect(view.body.answers.find((a: { party: string }) => a.party === 'foreign_school').answer).toEqual({
      outcome: 'declined',
      reasons: 'The class is full for this school year',
    });
    await stack.complete(parties.ministry, decision.id, { outcome: 'refused', reasons: 'No school place' });
    await expect.poll(async () => (await stack.request(parties.employer, 'GET', `/v1/cases/${id}`)).body.status).toBe('refused');
  });

  it('answers 409 once the case is closed', async () => {
    const { parties } = stack;
    const closed = await stack.request(parties.ministry, 'GET', '/v1/tasks?status=completed&kind=decision');
    const taskId = closed.body.items[0].id;
    const reply = await stack.complete(parties.ministry, taskId, { outcome: 'authorised' });
    expect(reply.status).toBe(409);
  });
});
