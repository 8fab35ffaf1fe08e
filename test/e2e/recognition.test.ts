import { afterAll, beforeAll, expect, it } from 'vitest';
import { pdf } from '../support/sample-pdf.js';
import { downloadFromRecognition, recognitionParties, recognitionRequest, uploadToRecognition } from '../support/sample-recognition.js';
import { startTestStack, type Party, type TestStack } from '../support/stack.js';

let stack: TestStack;
let sofia: Party, jonas: Party, claude: Party, nadia: Party;
beforeAll(async () => {
  stack = await startTestStack();
  ({ sofia, jonas, claude, nadia } = await recognitionParties(stack));
});
afterAll(() => stack.stop());

const payment = { amountCents: 7_500, paidOn: '2026-11-02', reference: 'VIR-REC-0042' };

async function until<T>(what: string, read: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(what);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function step(party: Party, id: string, path: string, body?: unknown) {
  const reply = await stack.request(party, 'POST', `/v1/recognitions/${id}/${path}`, body);
  expect(reply.status, `${path}: ${JSON.stringify(reply.body)}`).toBe(200);
  return reply.body;
}

/** An applicant asks, uploads the three documents in French and submits them; the fee is paid. */
async function readyForDecision(applicant: Party, diploma: { country: string; title: string; programme: string }) {
  const asked = await stack.request(applicant, 'POST', '/v1/recognitions', recognitionRequest(applicant, { diploma }));
  expect(asked.status, JSON.stringify(asked.body)).toBe(201);
  const id: string = asked.body.id;
  for (const kind of ['diploma', 'transcript', 'identity_document']) expect((await uploadToRecognition(stack, applicant, id, { kind, language: 'fr' })).status).toBe(201);
  await step(applicant, id, 'submission');
  await step(claude, id, 'payment', payment);
  return id;
}

it('recognises a foreign diploma: documents asked again, paid, proposed by one officer and approved by another, then proposed to the next holder of the same diploma', async () => {
  // Sofia asks; one document is in a language the ministry does not read.
  const asked = await stack.request(sofia, 'POST', '/v1/recognitions', recognitionRequest(sofia));
  expect(asked.status, JSON.stringify(asked.body)).toBe(201);
  const id: string = asked.body.id;
  expect(asked.body).toMatchObject({ status: 'awaiting_applicant', fee: { amountCents: 7_500, paid: false } });
  await until('no mail telling Sofia what to upload', async () => ((await stack.mailsTo(sofia.userEmail)).length ? true : undefined));

  for (const [kind, language] of [['diploma', 'fr'], ['transcript', 'other'], ['identity_document', 'fr']]) {
    expect((await uploadToRecognition(stack, sofia, id, { kind: kind!, language: language! })).status).toBe(201);
  }
  const untranslated = await stack.request(sofia, 'POST', `/v1/recognitions/${id}/submission`);
  expect([untranslated.status, untranslated.body.detail]).toEqual([409, 'Upload first: a translation of transcript']);
  const translation = await uploadToRecognition(stack, sofia, id, { kind: 'translation', language: 'fr', translationOf: 'transcript', name: 'Relevé de notes (traduction).pdf' });
  expect(translation.body).toMatchObject({ kind: 'translation', language: 'fr', translationOf: 'transcript' });
  expect((await stack.request(sofia, 'GET', `/v1/recognitions/${id}`)).body.missingDocuments).toEqual([]);
  expect((await step(sofia, id, 'submission')).status).toBe('in_examination');
  expect((await uploadToRecognition(stack, sofia, id, { kind: 'diploma', language: 'de' })).status).toBe(409);

  // The officer cannot read the identity document: Sofia is asked for it again, by e-mail.
  const mailsBefore = (await stack.mailsTo(sofia.userEmail)).length;
  const asking = await step(claude, id, 'document-request', { documents: [{ kind: 'identity_document', problem: 'unreadable', comment: 'The scan is blurred' }] });
  expect(asking).toMatchObject({ status: 'awaiting_applicant', documentRequest: { documents: [{ kind: 'identity_document', problem: 'unreadable' }] } });
  const mail = await until('no mail asking Sofia again', async () => (await stack.mailsTo(sofia.userEmail)).at(mailsBefore));
  expect(`${mail.subject}\n${mail.text}`).toMatch(/identit/i);
  expect(mail.text).not.toContain('2001-03-14');
  expect((await stack.request(sofia, 'GET', `/v1/recognitions/${id}`)).body.missingDocuments).toEqual([{ kind: 'identity_document', problem: 'requested_again' }]);
  const unanswered = await stack.request(sofia, 'POST', `/v1/recognitions/${id}/submission`);
  expect([unanswered.status, unanswered.body.detail]).toEqual([409, 'Upload first: identity_document (asked for again)']);
  expect((await uploadToRecognition(stack, sofia, id, { kind: 'identity_document', language: 'fr', name: 'carte-identite-nette.pdf', bytes: pdf('Carte nationale, scannée à nouveau') })).status).toBe(201);
  expect((await step(sofia, id, 'submission')).documentRequest).toBeNull();

  // No decision before the fee is paid; then one officer proposes, and only another approves.
  const unpaid = await stack.request(claude, 'POST', `/v1/recognitions/${id}/decision`, { outcome: 'equivalence', qualification: 'DAP', tradeCode: stack.tradeCode });
  expect([unpaid.status, unpaid.body.title]).toEqual([409, 'Fee not paid']);
  expect((await step(claude, id, 'payment', payment)).fee.paid).toBe(true);
  const proposed = await step(claude, id, 'decision', { outcome: 'equivalence', qualification: 'DAP', tradeCode: stack.tradeCode });
  expect(proposed).toMatchObject({ status: 'awaiting_approval', proposal: { decision: { outcome: 'equivalence', qualification: 'DAP' }, proposedBy: { id: 'claude.reding' } } });
  const ownApproval = await stack.request(claude, 'POST', `/v1/recognitions/${id}/approval`, { approved: true });
  expect(ownApproval.status).toBe(403);
  expect(ownApproval.body.detail).toMatch(/four eyes/i);
  const approved = await step(nadia, id, 'approval', { approved: true });
  expect(approved).toMatchObject({
    status: 'recognised',
    decision: { outcome: 'equivalence', qualification: 'DAP', level: 3, tradeCode: stack.tradeCode, revokedAt: null },
    certificate: { href: `/v1/recognitions/${id}/certificate` },
    credential: { jwt: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/) },
  });
  const certificate = await downloadFromRecognition(stack, sofia, `/v1/recognitions/${id}/certificate`);
  expect(certificate.status).toBe(200);
  expect(certificate.headers.get('content-type')).toBe('application/pdf');
  expect(certificate.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  expect((await downloadFromRecognition(stack, jonas, `/v1/recognitions/${id}/certificate`)).status).toBe(404);
  expect((await stack.request(claude, 'POST', `/v1/recognitions/${id}/document-request`, { documents: [{ kind: 'diploma', problem: 'missing' }] })).status).toBe(409);

  // Jonas holds the same diploma, written otherwise: the register proposes what Sofia was given.
  const second = await readyForDecision(jonas, { country: 'FR', title: 'CERTIFICAT D’APTITUDE PROFESSIONNELLE', programme: '  boulanger ' });
  const seen = (await stack.request(claude, 'GET', `/v1/recognitions/${second}`)).body;
  expect(seen.precedent).toMatchObject({ recognitionId: id, decision: { outcome: 'equivalence', qualification: 'DAP', level: 3 } });
  // Jonas is shown the decision his diploma may expect, not whose it was.
  const shown = (await stack.request(jonas, 'GET', `/v1/recognitions/${second}`)).body.precedent;
  expect([shown.decision.level, shown.recognitionId]).toEqual([3, undefined]);
  const { level: _level, ...following } = seen.precedent.decision;
  await step(claude, second, 'decision', following);
  expect((await step(nadia, second, 'approval', { approved: true })).decision).toMatchObject({ qualification: 'DAP', level: 3, followsPrecedent: true });

  // A third request departs from the precedent: only with reasons.
  const third = await readyForDecision(sofia, { country: 'FR', title: "Certificat d'aptitude professionnelle", programme: 'Boulanger' });
  const departing = await stack.request(claude, 'POST', `/v1/recognitions/${third}/decision`, { outcome: 'equivalence', qualification: 'CCP' });
  expect(departing.status).toBe(400);
  expect(departing.body.errors).toEqual([{ pointer: '#/reasons', detail: expect.stringContaining('DAP (level 3)') }]);
  const reasoned = await step(claude, third, 'decision', { outcome: 'equivalence', qualification: 'CCP', reasons: 'The programme followed lasted one year only' });
  expect(reasoned.proposal.decision).toMatchObject({ qualification: 'CCP', reasons: 'The programme followed lasted one year only' });
  // Sent back by the second officer: in examination again, nothing issued.
  const sentBack = await step(nadia, third, 'approval', { approved: false, reasons: 'Check the transcript again' });
  expect(sentBack).toMatchObject({ status: 'in_examination', proposal: null, decision: null });
});
