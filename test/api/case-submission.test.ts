import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.stop());

describe('submitting a request', () => {
  it('starts one case for one Idempotency-Key, even when sent twice at once', async () => {
    const { parties } = stack;
    const key = `submission-${Date.now()}`;
    const replies = await Promise.all(
      [1, 2, 3].map(() => stack.request(parties.employer, 'POST', '/v1/cases', stack.caseRequest(), { 'Idempotency-Key': key })),
    );
    for (const reply of replies) expect([200, 201]).toContain(reply.status);
    expect(new Set(replies.map((r) => r.body.id)).size).toBe(1);
    const rows = await stack.db.selectFrom('cases').select('id').where('idempotency_key', '=', key).execute();
    expect(rows).toHaveLength(1);
    const again = await stack.request(parties.employer, 'POST', '/v1/cases', stack.caseRequest(), { 'Idempotency-Key': key });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(replies[0]!.body.id);
    expect(again.headers.get('location')).toBe(`/v1/cases/${again.body.id}`);
  });

  it('refuses an Idempotency-Key reused for a different request with 422', async () => {
    const key = `reuse-${Date.now()}`;
    const first = await stack.request(stack.parties.employer, 'POST', '/v1/cases', stack.caseRequest(), { 'Idempotency-Key': key });
    expect(first.status).toBe(201);
    const other = await stack.request(stack.parties.employer, 'POST', '/v1/cases', stack.caseRequest({ startDate: '2027-10-01' }), {
      'Idempotency-Key': key,
    });
    expect(other.status).toBe(422);
  });

  it('lets exactly one of two bodies win twenty simultaneous submissions with one Idempotency-Key; the other body gets 422', async () => {
    const key = `race-${Date.now()}`;
    const bodies = [stack.caseRequest({ tutor: { name: 'Marc Schmit' } }), stack.caseRequest({ tutor: { name: 'Eva Schmit' } })];
    const sent = Array.from({ length: 20 }, (_, i) => i % 2);
    const replies = await Promise.all(sent.map((body) => stack.request(stack.parties.employer, 'POST', '/v1/cases', bodies[body], { 'Idempotency-Key': key })));
    const winner = sent[replies.findIndex((r) => r.status === 201)]!;
    expect(winner).toBeDefined();
    // One request started the case (201); the others with its body are shown it (200), as a retry is.
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    for (const [i, reply] of replies.entries()) {
      if (sent[i] === winner) {
        expect([200, 201]).toContain(reply.status);
      } else {
        expect(reply.status).toBe(422);
        expect(reply.body.title).toBe('Idempotency-Key reused');
      }
    }
    const ids = new Set(replies.filter((r) => r.status !== 422).map((r) => r.body.id));
    expect(ids.size).toBe(1);
    const stored = await stack.db.selectFrom('cases').select('request').where('idempotency_key', '=', key).execute();
    expect(stored).toHaveLength(1);
    expect((stored[0]!.request as { tutor: { name: string } }).tutor.name).toBe(bodies[winner]!.tutor.name);
    // As when they come one after another: the winning body again is the same case, the other 422.
    expect((await stack.request(stack.parties.employer, 'POST', '/v1/cases', bodies[winner], { 'Idempotency-Key': key })).status).toBe(200);
    expect((await stack.request(stack.parties.employer, 'POST', '/v1/cases', bodies[1 - winner], { 'Idempotency-Key': key })).status).toBe(422);
  });

  it('reports every wrong field at once, unknown trade and school included, and starts nothing', async () => {
    const before = await stack.db.selectFrom('cases').select('id').where('employer_organisation_id', '=', stack.parties.employer.organisationId).execute();
    const bad = stack.caseRequest({ durationMonths: 2, startDate: '2027-02-30' });
    const reply = await stack.request(stack.parties.employer, 'POST', '/v1/cases', {
      ...bad,
      apprentice: { ...bad.apprentice, residenceCountry: 'IT', birthDate: undefined },
    });
    expect(reply.status).toBe(400);
    // A body that cannot be read as a request (a missing or impossible date) stops at the schema;
    // the rules (country, duration) are listed together once it can be read.
    expect(reply.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['#/apprentice/birthDate', '#/startDate']);

    const unknown = await stack.request(stack.parties.employer, 'POST', '/v1/cases', stack.caseRequest({
      tradeCode: 'NO-SUCH-TRADE',
      foreignSchool: { organisationId: stack.parties.adem.organisationId, programme: 'x' },
    }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['#/foreignSchool/organisationId', '#/tradeCode']);

    const after = await stack.db.selectFrom('cases').select('id').where('employer_organisation_id', '=', stack.parties.employer.organisationId).execute();
    expect(after.length).toBe(before.length);
  });
});
