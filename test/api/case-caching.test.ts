import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.stop());

describe('the case ETag', () => {
  it('answers 304 while nothing changed, and 200 with a new ETag once a task is completed', async () => {
    const { parties } = stack;
    const { id } = await stack.submit();
    // Every first task open, so nothing else changes the case meanwhile.
    const [task] = await Promise.all([parties.adem, parties.chamber, parties.school].map((party) => stack.openTask(party, id)));
    const first = await stack.request(parties.employer, 'GET', `/v1/cases/${id}`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"r1-[\w-]+"$/);

    const unchanged = await stack.request(parties.employer, 'GET', `/v1/cases/${id}`, undefined, { 'If-None-Match': etag });
    expect(unchanged.status).toBe(304);

    expect((await stack.complete(parties.adem, task!.id, { outcome: 'favourable', reasons: 'Fine' })).status).toBe(200);
    const changed = await stack.request(parties.employer, 'GET', `/v1/cases/${id}`, undefined, { 'If-None-Match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(changed.body.tasks.find((t: { id: string }) => t.id === task!.id).status).toBe('completed');
    // The request itself did not change: the new ETag names the same revision.
    expect(changed.headers.get('etag')).toMatch(/^"r1-/);
  });

  it('differs between parties that see the case differently', async () => {
    const { parties } = stack;
    const { id } = await stack.submit();
    await stack.openTask(parties.chamber, id);
    const employer = await stack.request(parties.employer, 'GET', `/v1/cases/${id}`);
    const chamber = await stack.request(parties.chamber, 'GET', `/v1/cases/${id}`);
    expect(chamber.headers.get('etag')).not.toBe(employer.headers.get('etag'));
    const asChamber = await stack.request(parties.chamber, 'GET', `/v1/cases/${id}`, undefined, { 'If-None-Match': employer.headers.get('etag')! });
    expect(asChamber.status).toBe(200);
  });

  it('keeps If-Match on the request revision: an amendment with the ETag read after a task changed goes through', async () => {
    const { parties } = stack;
    const { id } = await stack.submit();
    const adem = await stack.openTask(parties.adem, id);
    const before = (await stack.request(parties.employer, 'GET', `/v1/cases/${id}`)).headers.get('etag')!;
    await stack.complete(parties.adem, adem.id, { outcome: 'changes_requested', comments: [{ field: '/tutor/name', comment: 'Who?' }] });
    await stack.openTask(parties.employer, id);
    // The tasks changed, the request did not: the ETag read before still names revision 1.
    const amended = await stack.request(parties.employer, 'POST', `/v1/cases/${id}/amendments`, stack.caseRequest({ tutor: { name: 'Eva Schmit' } }), { 'If-Match': before });
    expect(amended.status).toBe(200);
    expect(amended.headers.get('etag')).toMatch(/^"r2-/);
    const stale = await stack.request(parties.employer, 'POST', `/v1/cases/${id}/amendments`, stack.caseRequest({ tutor: { name: 'Paul Schmit' } }), { 'If-Match': before });
    expect(stale.status).toBe(412);
  });
});
