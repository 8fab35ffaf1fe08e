import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recognitionParties, recognitionRequest, uploadToRecognition } from '../support/sample-recognition.js';
import { startTestStack, type Party, type TestStack } from '../support/stack.js';

let stack: TestStack;
let sofia: Party, jonas: Party, claude: Party, nadia: Party;
beforeAll(async () => {
  stack = await startTestStack();
  ({ sofia, jonas, claude, nadia } = await recognitionParties(stack));
});
afterAll(() => stack.stop());

const pointers = (body: { errors?: { pointer: string }[] }) => body.errors?.map((e) => e.pointer);

async function apply(applicant: Party = sofia) {
  const reply = await stack.request(applicant, 'POST', '/v1/recognitions', recognitionRequest(applicant));
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body as { id: string; status: string };
}

describe('asking for a recognition', () => {
  it('names each wrong field of the request', async () => {
    const { holder, ...rest } = recognitionRequest(sofia);
    const reply = await stack.request(sofia, 'POST', '/v1/recognitions', { ...rest, holder: { ...holder, birthDate: '14.03.2001' }, diploma: { ...rest.diploma, country: 'fr' }, colour: 'blue' });
    expect(reply.status).toBe(400);
    expect(pointers(reply.body)).toEqual(expect.arrayContaining(['#/holder/birthDate', '#/diploma/country', '#/colour']));
  });

  it('refuses a country without a fee and a trade the reference data does not know', async () => {
    const reply = await stack.request(sofia, 'POST', '/v1/recognitions', recognitionRequest(sofia, { diploma: { country: 'JP', title: 'Diploma', programme: 'Baker' }, tradeCode: 'NO-SUCH-TRADE' }));
    expect(reply.status).toBe(400);
    expect(pointers(reply.body)).toEqual(['#/diploma/country', '#/tradeCode']);
  });

  it('is for applicants only', async () => {
    expect((await stack.request(stack.parties.employer, 'POST', '/v1/recognitions', recognitionRequest(sofia))).status).toBe(403);
    expect((await stack.request(claude, 'POST', '/v1/recognitions', recognitionRequest(sofia))).status).toBe(403);
  });

  it('starts the recognition: awaiting the applicant, with what to upload and the fee', async () => {
    const view = (await stack.request(sofia, 'POST', '/v1/recognitions', recognitionRequest(sofia, { tradeCode: stack.tradeCode, europassSupplementExists: true }))).body;
    expect(view).toMatchObject({
      status: 'awaiting_applicant',
      origin: { kind: 'independent' },
      diploma: { country: 'FR', programme: 'Boulanger' },
      requiredDocuments: ['diploma', 'transcript', 'identity_document', 'europass_supplement'],
      missingDocuments: [
        { kind: 'diploma', problem: 'missing' },
        { kind: 'transcript', problem: 'missing' },
        { kind: 'identity_document', problem: 'missing' },
        { kind: 'europass_supplement', problem: 'missing' },
      ],
      fee: { amountCents: 7_500, paid: false, payment: null },
      precedent: null,
      decision: null,
      certificate: null,
      credential: null,
    });
  });
});

describe('who sees a recognition', () => {
  let id: string;
  beforeAll(async () => {
    id = (await apply()).id;
  });

  it('shows it to its applicant and the recognition staff only; anyone else learns nothing of it', async () => {
    expect((await stack.request(sofia, 'GET', `/v1/recognitions/${id}`)).status).toBe(200);
    expect((await stack.request(nadia, 'GET', `/v1/recognitions/${id}`)).body.request.holder.birthDate).toBe('2001-03-14');
    for (const outsider of [jonas, stack.parties.employer, stack.parties.ministry, stack.parties.school]) {
      expect((await stack.request(outsider, 'GET', `/v1/recognitions/${id}`)).status).toBe(404);
      expect((await stack.request(outsider, 'GET', `/v1/recognitions/${id}/documents`)).status).toBe(404);
    }
    expect((await stack.request(sofia, 'GET', `/v1/recognitions/${randomUUID()}`)).status).toBe(404);
    expect((await stack.request(sofia, 'GET', '/v1/recognitions/not-an-id')).status).toBe(404);
  });

  it('lists the queue to the staff, their own to applicants, and nothing to anyone else', async () => {
    const queue = await stack.request(claude, 'GET', '/v1/recognitions?status=awaiting_applicant');
    expect(queue.body.items.map((r: { id: string }) => r.id)).toContain(id);
    expect(queue.body.items[0]).toEqual({ id: expect.any(String), status: 'awaiting_applicant', diploma: expect.any(Object), requestedAt: expect.any(String), waitingSince: expect.any(String), assignee: null });
    expect((await stack.request(sofia, 'GET', '/v1/recognitions')).body.items.map((r: { id: string }) => r.id)).toContain(id);
    expect((await stack.request(jonas, 'GET', '/v1/recognitions')).body.items.map((r: { id: string }) => r.id)).not.toContain(id);
    expect((await stack.request(stack.parties.ministry, 'GET', '/v1/recognitions')).status).toBe(403);
    expect((await stack.request(stack.parties.employer, 'GET', '/v1/recognitions')).status).toBe(403);
    expect((await stack.request(claude, 'GET', '/v1/recognitions?status=pending')).status).toBe(400);
  });

  it('lets an officer claim it, a colleague not take it over, and the assignee put it back', async () => {
    expect((await stack.request(sofia, 'POST', `/v1/recognitions/${id}/claim`)).status).toBe(403);
    const claimed = await stack.request(claude, 'POST', `/v1/recognitions/${id}/claim`);
    expect(claimed.body.assignee).toEqual({ id: 'claude.reding', name: 'Claude Reding' });
    expect((await stack.request(claude, 'POST', `/v1/recognitions/${id}/claim`)).status).toBe(200);
    expect((await stack.request(nadia, 'POST', `/v1/recognitions/${id}/claim`)).status).toBe(409);
    expect((await stack.request(nadia, 'POST', `/v1/recognitions/${id}/unclaim`)).status).toBe(403);
    const mine = await stack.request(claude, 'GET', '/v1/recognitions?assignee=me');
    expect(mine.body.items.map((r: { id: string }) => r.id)).toEqual([id]);
    expect((await stack.request(claude, 'GET', '/v1/recognitions?assignee=unassigned')).body.items.map((r: { id: string }) => r.id)).not.toContain(id);
    expect((await stack.request(claude, 'POST', `/v1/recognitions/${id}/unclaim`)).body.assignee).toBeNull();
  });
});

describe("a recognition's steps refuse what does not fit", () => {
  let id: string;
  beforeAll(async () => {
    id = (await apply()).id;
  });

  it('takes documents from the applicant only, a translation naming what it translates', async () => {
    expect((await uploadToRecognition(stack, claude, id, { kind: 'diploma', language: 'fr' })).status).toBe(403);
    expect((await uploadToRecognition(stack, jonas, id, { kind: 'diploma', language: 'fr' })).status).toBe(404);
    const untold = await uploadToRecognition(stack, sofia, id, { kind: 'translation', language: 'fr' });
    expect([untold.status, pointers(untold.body)]).toEqual([400, ['#/translationOf']]);
    const misplaced = await uploadToRecognition(stack, sofia, id, { kind: 'diploma', language: 'fr', translationOf: 'transcript' });
    expect([misplaced.status, pointers(misplaced.body)]).toEqual([400, ['#/translationOf']]);
    const unknown = await uploadToRecognition(stack, sofia, id, { kind: 'diploma', language: 'it' });
    expect([unknown.status, pointers(unknown.body)]).toEqual([400, ['#/language']]);
    // Checked by its content as a case's documents are.
    const notPdf = await uploadToRecognition(stack, sofia, id, { kind: 'diploma', language: 'fr', bytes: Buffer.from('not a pdf at all') });
    expect(notPdf.status).toBe(415);
    const first = await uploadToRecognition(stack, sofia, id, { kind: 'diploma', language: 'fr' });
    expect(first.status).toBe(201);
    const again = await uploadToRecognition(stack, sofia, id, { kind: 'diploma', language: 'fr' });
    expect([again.status, again.body.id]).toEqual([200, first.body.id]);
  });

  it('refuses a submission while documents are missing, naming them', async () => {
    const reply = await stack.request(sofia, 'POST', `/v1/recognitions/${id}/submission`);
    expect(reply.status).toBe(409);
    expect(reply.body.detail).toContain('transcript');
    expect(reply.body.detail).toContain('identity_document');
    expect(reply.body.detail).not.toContain('diploma,');
    expect((await stack.request(claude, 'POST', `/v1/recognitions/${id}/submission`)).status).toBe(403);
  });

  it("refuses the staff's steps from others, with bad bodies, or out of turn", async () => {
    expect((await stack.request(sofia, 'POST', `/v1/recognitions/${id}/decision`, { outcome: 'equivalence', qualification: 'DAP' })).status).toBe(403);
    expect((await stack.request(stack.parties.ministry, 'POST', `/v1/recognitions/${id}/payment`, { amountCents: 7_500, paidOn: '2026-01-05', reference: 'X' })).status).toBe(404);
    const badDecision = await stack.request(claude, 'POST', `/v1/recognitions/${id}/decision`, { outcome: 'equivalence', qualification: 'MBA' });
    expect([badDecision.status, pointers(badDecision.body)]).toEqual([400, ['#/qualification']]);
    const refusalWithoutReasons = await stack.request(claude, 'POST', `/v1/recognitions/${id}/decision`, { outcome: 'refusal' });
    expect([refusalWithoutReasons.status, pointers(refusalWithoutReasons.body)]).toEqual([400, ['#/reasons']]);
    const noDocuments = await stack.request(claude, 'POST', `/v1/recognitions/${id}/document-request`, { documents: [] });
    expect([noDocuments.status, pointers(noDocuments.body)]).toEqual([400, ['#/documents']]);
    const wrongAmount = await stack.request(claude, 'POST', `/v1/recognitions/${id}/payment`, { amountCents: 5_000, paidOn: '2026-01-05', reference: 'VIR-1' });
    expect([wrongAmount.status, pointers(wrongAmount.body)]).toEqual([400, ['#/amountCents']]);
    const sentBackWithoutReasons = await stack.request(nadia, 'POST', `/v1/recognitions/${id}/approval`, { approved: false });
    expect([sentBackWithoutReasons.status, pointers(sentBackWithoutReasons.body)]).toEqual([400, ['#/reasons']]);
    // Documents are still awaited: nothing to decide, ask for or approve yet.
    expect((await stack.request(claude, 'POST', `/v1/recognitions/${id}/decision`, { outcome: 'equivalence', qualification: 'DAP' })).status).toBe(409);
    expect((await stack.request(claude, 'POST', `/v1/recognitions/${id}/document-request`, { documents: [{ kind: 'diploma', problem: 'unreadable' }] })).status).toBe(409);
    expect((await stack.request(nadia, 'POST', `/v1/recognitions/${id}/approval`, { approved: true })).status).toBe(409);
    expect((await stack.request(sofia, 'GET', `/v1/recognitions/${id}/certificate`)).status).toBe(404);
  });

  it('records the payment of the fee, once the amount is right', async () => {
    const paid = await stack.request(claude, 'POST', `/v1/recognitions/${id}/payment`, { amountCents: 7_500, paidOn: '2026-01-05', reference: 'VIR-2026-0001' });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    expect(paid.body.fee).toEqual({ amountCents: 7_500, paid: true, payment: { amountCents: 7_500, paidOn: '2026-01-05', reference: 'VIR-2026-0001', recordedBy: { id: 'claude.reding', name: 'Claude Reding' } } });
  });
});

it('describes the recognition routes in the OpenAPI document', async () => {
  const { body } = await stack.request(undefined, 'GET', '/v1/openapi.json');
  for (const path of ['/v1/recognitions', '/v1/recognitions/{id}', '/v1/recognitions/{id}/documents', '/v1/recognitions/{id}/decision', '/v1/recognitions/{id}/approval', '/v1/recognitions/{id}/certificate']) {
    expect(Object.keys(body.paths)).toContain(path);
  }
});
