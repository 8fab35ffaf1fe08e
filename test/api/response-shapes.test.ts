import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { caseDetailSchema, caseDocumentSchema, caseSummarySchema, historyEventSchema, meSchema, organisationSchema, referenceVersionSchema, taskDetailSchema, taskSummarySchema } from '../../api/responses.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.stop());

/** Problems of `value` against the documented schema: extra fields count, so the document cannot fall behind. */
function mismatches(schema: z.ZodObject, value: unknown) {
  const result = schema.strict().safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('/')}: ${i.message}`);
}

describe('the answers match the response schemas the OpenAPI document publishes', () => {
  it('for cases, case lists, tasks, inboxes, history, documents, reference data, the caller and organisations, through a round of changes', async () => {
    const { parties } = stack;
    const submitted = await stack.submit();
    const adem = await stack.openTask(parties.adem, submitted.id);
    await stack.complete(parties.adem, adem.id, { outcome: 'changes_requested', comments: [{ field: '/tutor/name', comment: 'Who?' }] });
    const amendment = await stack.openTask(parties.employer, submitted.id);
    expect((await stack.request(parties.adem, 'POST', `/v1/tasks/${(await stack.openTask(parties.chamber, submitted.id)).id}/claim`)).status).toBe(403);
    const claimed = await stack.request(parties.chamber, 'POST', `/v1/tasks/${(await stack.openTask(parties.chamber, submitted.id)).id}/claim`);

    const caseView = await stack.request(parties.employer, 'GET', `/v1/cases/${submitted.id}`);
    expect(mismatches(caseDetailSchema, caseView.body)).toEqual([]);
    expect(mismatches(taskDetailSchema, (await stack.request(parties.employer, 'GET', `/v1/tasks/${amendment.id}`)).body)).toEqual([]);
    expect(mismatches(taskSummarySchema, claimed.body)).toEqual([]);

    const amended = await stack.request(parties.employer, 'POST', `/v1/cases/${submitted.id}/amendments`, stack.caseRequest({ tutor: { name: 'Eva Schmit' } }), { 'If-Match': caseView.headers.get('etag')! });
    expect(mismatches(caseDetailSchema, amended.body)).toEqual([]);
    expect(amended.body.lastAmendment).not.toBeNull();

    const inbox = (await stack.request(parties.adem, 'GET', '/v1/tasks?status=all')).body;
    for (const task of inbox.items) expect(mismatches(taskSummarySchema, task)).toEqual([]);
    const cases = (await stack.request(parties.employer, 'GET', '/v1/cases?limit=1')).body;
    expect(mismatches(z.object({ items: z.array(z.unknown()), nextCursor: z.string().nullable() }), cases)).toEqual([]);
    for (const summary of cases.items) expect(mismatches(caseSummarySchema, summary)).toEqual([]);
    const history = (await stack.request(parties.employer, 'GET', `/v1/cases/${submitted.id}/history`)).body.items;
    expect(history.length).toBeGreaterThan(5);
    for (const event of history) expect(mismatches(historyEventSchema, event)).toEqual([]);
    const me = (await stack.request(parties.chamber, 'GET', '/v1/me')).body;
    expect(mismatches(meSchema, me)).toEqual([]);
    expect(mismatches(organisationSchema, me.organisation)).toEqual([]);
    const organisations = (await stack.request(parties.employer, 'GET', '/v1/organisations')).body;
    expect(Object.keys(organisations)).toEqual(['items']);
    for (const organisation of organisations.items) expect(mismatches(organisationSchema, organisation)).toEqual([]);
    const attached = await fetch(`${stack.apiUrl()}/v1/cases/${submitted.id}/documents?kind=school_report`, {
      method: 'POST',
      headers: { authorization: `Bearer ${parties.employer.token}`, 'content-type': 'image/png', 'content-disposition': 'attachment; filename="bulletin.png"' },
      body: new Uint8Array(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')),
    });
    expect(mismatches(caseDocumentSchema, await attached.json())).toEqual([]);
    const documents = (await stack.request(parties.school, 'GET', `/v1/cases/${submitted.id}/documents`)).body;
    expect(Object.keys(documents)).toEqual(['items']);
    expect(documents.items).toHaveLength(1);
    for (const document of documents.items) expect(mismatches(caseDocumentSchema, document)).toEqual([]);
    const { on: _on, ...version } = (await stack.request(parties.employer, 'GET', '/v1/reference/trades')).body;
    expect(mismatches(referenceVersionSchema, version)).toEqual([]);
  });
});
