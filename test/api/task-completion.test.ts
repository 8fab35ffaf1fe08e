import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
let caseId: string;
beforeAll(async () => {
  stack = await startTestStack();
  caseId = (await stack.submit()).id;
});
afterAll(() => stack.stop());

describe('completing a task', () => {
  it('refuses another organisation with 403 and leaves the task open', async () => {
    const { parties } = stack;
    const ademTask = await stack.openTask(parties.adem, caseId);
    const reply = await stack.complete(parties.chamber, ademTask.id, { outcome: 'favourable', reasons: 'Not mine to give' });
    expect(reply.status).toBe(403);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
    expect((await stack.request(parties.adem, 'GET', `/v1/tasks/${ademTask.id}`)).body.status).toBe('open');
    expect((await stack.request(parties.chamber, 'GET', `/v1/tasks/${ademTask.id}`)).status).toBe(403);
  });

  it('answers 409 to a second completion and keeps the first answer', async () => {
    const { parties } = stack;
    const task = await stack.openTask(parties.chamber, caseId);
    expect((await stack.complete(parties.chamber, task.id, { outcome: 'favourable', reasons: 'Qualified tutor' })).status).toBe(200);
    const again = await stack.complete(parties.chamber, task.id, { outcome: 'unfavourable', reasons: 'Changed my mind' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ status: 409, title: 'Task not open' });
    const stored = await stack.request(parties.chamber, 'GET', `/v1/tasks/${task.id}`);
    expect(stored.body.answer).toEqual({ outcome: 'favourable', reasons: 'Qualified tutor' });
  });

  it('answers 400 naming each wrong field, for malformed and incomplete bodies', async () => {
    const { parties } = stack;
    const task = await stack.openTask(parties.school, caseId);

    const malformed = await stack.request(parties.school, 'POST', `/v1/tasks/${task.id}/complete`, '{"outcome": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.title).toBe('Malformed JSON');

    const declinedWithoutReasons = await stack.complete(parties.school, task.id, { outcome: 'declined' });
    expect(declinedWithoutReasons.status).toBe(400);
    expect(declinedWithoutReasons.body.errors).toEqual([expect.objectContaining({ pointer: '#/reasons' })]);

    const wrongOutcome = await stack.complete(parties.school, task.id, { outcome: 'favourable', extra: 1 });
    expect(wrongOutcome.status).toBe(400);
    expect(wrongOutcome.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['#/outcome']);

    const unknownField = await stack.complete(parties.school, task.id, { outcome: 'confirmed', extra: 1 });
    expect(unknownField.body.errors).toEqual([{ pointer: '#/extra', detail: 'This field is not allowed' }]);

    const badComment = await stack.complete(parties.school, task.id, { outcome: 'changes_requested', comments: [{ field: '/tutor/shoeSize', comment: 'x' }] });
    expect(badComment.status).toBe(400);
    expect(badComment.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['#/comments/0/field']);

    const empty = await stack.complete(parties.school, task.id, undefined);
    expect(empty.status).toBe(400);
    expect(empty.body.errors.map((e: { pointer: string }) => e.pointer)).toContain('#/');

    expect((await stack.request(parties.school, 'GET', `/v1/tasks/${task.id}`)).body.status).toBe('open');
  });

  it('answers 404 for an unknown task', async () => {
    const reply = await stack.complete(stack.parties.adem, `${caseId}.adem.9`, { outcome: 'favourable', reasons: 'x' });
    expect(reply.status).toBe(404);
    expect((await stack.request(stack.parties.adem, 'GET', '/v1/tasks/nothing-here')).status).toBe(404);
  });

  it('lists only the caller’s organisation’s tasks in its inbox', async () => {
    const { parties } = stack;
    const inbox = await stack.request(parties.adem, 'GET', '/v1/tasks?status=all');
    expect(inbox.body.items.length).toBeGreaterThan(0);
    expect(inbox.body.items.every((t: { organisation: { id: string } }) => t.organisation.id === parties.adem.organisationId)).toBe(true);
    expect((await stack.request(parties.adem, 'GET', '/v1/tasks?status=sometimes')).status).toBe(400);
  });
});
