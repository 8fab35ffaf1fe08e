import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.stop());

const pointers = (body: { errors?: { pointer: string }[] }) => (body.errors ?? []).map((e) => e.pointer);

async function countCases(): Promise<number> {
  const { count } = await stack.db.selectFrom('cases').select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
  return Number(count);
}

describe('text the database cannot hold is refused at the door', () => {
  it('answers a NUL in a name with a 400 naming the field, and starts no case', async () => {
    const before = await countCases();
    const request = stack.caseRequest();
    const reply = await stack.request(stack.parties.employer, 'POST', '/v1/cases', {
      ...request,
      apprentice: { ...request.apprentice, givenName: 'Le\u0000na' },
    }, { 'Idempotency-Key': `nul-${Date.now()}` });
    expect(reply.status).toBe(400);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
    expect(pointers(reply.body)).toEqual(['#/apprentice/givenName']);
    expect(await countCases()).toBe(before);
  });

  it('keeps names, codes and ids on one line, and refuses a lone surrogate anywhere', async () => {
    const request = stack.caseRequest();
    const reply = await stack.request(stack.parties.employer, 'POST', '/v1/cases', {
      ...request,
      apprentice: { ...request.apprentice, familyName: 'Ro\nth' },
      tutor: { name: 'Marc\tSchmit' },
    });
    expect(reply.status).toBe(400);
    expect(pointers(reply.body).sort()).toEqual(['#/apprentice/familyName', '#/tutor/name']);

    const surrogate = await stack.request(stack.parties.employer, 'POST', '/v1/cases', {
      ...request,
      foreignSchool: { ...request.foreignSchool, programme: 'CAP \ud800 Boulanger' },
    });
    expect(surrogate.status).toBe(400);
    expect(pointers(surrogate.body)).toEqual(['#/foreignSchool/programme']);
  });

  it('refuses a NUL in reasons, comments and a withdrawal reason, and leaves the task open', async () => {
    const { parties } = stack;
    const submitted = await stack.submit();
    const task = await stack.openTask(parties.adem, submitted.id);

    const reasons = await stack.complete(parties.adem, task.id, { outcome: 'favourable', reasons: 'Fi\u0000ne' });
    expect(reasons.status).toBe(400);
    expect(pointers(reasons.body)).toEqual(['#/reasons']);

    const comment = await stack.complete(parties.adem, task.id, {
      outcome: 'changes_requested',
      comments: [{ field: '/tutor/name', comment: 'Which\u0000tutor?' }],
    });
    expect(comment.status).toBe(400);
    expect(pointers(comment.body)).toEqual(['#/comments/0/comment']);

    const withdrawal = await stack.request(parties.employer, 'POST', `/v1/cases/${submitted.id}/withdraw`, { reason: 'Moved\u0000away' });
    expect(withdrawal.status).toBe(400);
    expect(pointers(withdrawal.body)).toEqual(['#/reason']);

    const view = await stack.request(parties.adem, 'GET', `/v1/tasks/${task.id}`);
    expect(view.body.status).toBe('open');
    expect((await stack.request(parties.employer, 'GET', `/v1/cases/${submitted.id}`)).body.status).toBe('in_review');
  });

  it('lets reasons and comments span lines', async () => {
    const { parties } = stack;
    const submitted = await stack.submit();
    const task = await stack.openTask(parties.adem, submitted.id);
    const reply = await stack.complete(parties.adem, task.id, { outcome: 'favourable', reasons: 'Fine.\n\tThe apprentice is registered.' });
    expect(reply.status).toBe(200);
  });
});
