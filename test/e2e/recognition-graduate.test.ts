import { afterAll, beforeAll, expect, it } from 'vitest';
import { caseReference } from '../../domain/case-reference.js';
import { graduatedCase } from '../support/running-case.js';
import { recognitionParties, uploadToRecognition } from '../support/sample-recognition.js';
import { startTestStack, type Party, type TestStack } from '../support/stack.js';

const poll = { timeout: 30_000 };

let stack: TestStack;
beforeAll(async () => {
  // A contract day lasts 8 ms: the apprenticeship reaches its final exam in seconds.
  stack = await startTestStack({ env: { CONTRACT_DAY_LENGTH: '8ms' } });
});
afterAll(() => stack.stop());

async function step(party: Party, id: string, path: string, body?: unknown) {
  const reply = await stack.request(party, 'POST', `/v1/recognitions/${id}/${path}`, body);
  expect(reply.status, `${path}: ${JSON.stringify(reply.body)}`).toBe(200);
  return reply.body;
}

const verify = (credential: string) => stack.request(undefined, 'POST', '/credentials/verify', { credential });

it("recognises a cross-border graduate's diploma from the school's report to a credential anyone verifies, until it is revoked", async () => {
  const { claude, nadia } = await recognitionParties(stack);
  const caseId = await graduatedCase(stack, { diplomaTitle: 'CAP Boulanger', diplomaDate: '2030-07-02' });

  // The school's report started the recognition; the graduate signs in to the account it opened.
  const started = () => stack.db.selectFrom('recognitions').select(['id', 'applicant_user_id']).where('case_id', '=', caseId).executeTakeFirst();
  await expect.poll(started, poll).toBeDefined();
  const recognition = (await started())!;
  const graduate = await stack.asUser(recognition.applicant_user_id);
  const apprentice = stack.caseRequest().apprentice;
  expect(graduate.userEmail).toBe(apprentice.email);

  // What the system knew is already filled in; the graduate is told what to add.
  const id = recognition.id;
  const view = (await stack.request(graduate, 'GET', `/v1/recognitions/${id}`)).body;
  expect(view).toMatchObject({
    status: 'awaiting_applicant',
    request: { diploma: { country: 'FR', title: 'CAP Boulanger' }, awardedOn: '2030-07-02', tradeCode: stack.tradeCode, europassSupplementExists: true },
    fee: { amountCents: 7_500, paid: false },
  });
  expect(view.missingDocuments.map((m: { kind: string }) => m.kind)).toEqual(['diploma', 'transcript', 'identity_document', 'europass_supplement']);
  await expect.poll(async () => (await stack.mailsTo(apprentice.email!)).filter((m) => m.subject.includes(caseReference(id))).length, poll).toBe(1);
  // The school sees the case it reported on, never the graduate's recognition.
  expect((await stack.request(stack.parties.school, 'GET', `/v1/recognitions/${id}`)).status).toBe(404);

  for (const kind of ['diploma', 'transcript', 'identity_document', 'europass_supplement']) {
    expect((await uploadToRecognition(stack, graduate, id, { kind, language: 'fr' })).status).toBe(201);
  }
  expect((await step(graduate, id, 'submission')).status).toBe('in_examination');
  await step(claude, id, 'payment', { amountCents: 7_500, paidOn: '2030-07-20', reference: 'VIR-2030-0719' });
  await step(claude, id, 'decision', { outcome: 'equivalence', qualification: 'DAP', tradeCode: stack.tradeCode });
  const issued = await step(nadia, id, 'approval', { approved: true });
  expect(issued).toMatchObject({ status: 'recognised', decision: { qualification: 'DAP', level: 3 } });
  // Its own processing time, step by step, each step closed by the next and the last by the decision.
  expect(issued.processing.steps.map((s: { step: string; endedAt: string | null }) => [s.step, s.endedAt !== null])).toEqual([
    ['applicant', true],
    ['examination', true],
    ['approval', true],
  ]);

  // The graduate shares the credential; anyone checks it without an account.
  const { jwt } = (await stack.request(graduate, 'GET', `/v1/recognitions/${id}`)).body.credential;
  const checked = await verify(jwt);
  expect(checked.status).toBe(200);
  expect(checked.body).toMatchObject({
    status: 'valid',
    holder: { givenName: apprentice.givenName, familyName: apprentice.familyName },
    diploma: { country: 'FR', title: 'CAP Boulanger' },
    qualification: 'DAP',
    level: 3,
  });
  // What the certificate does not show, the verification does not tell.
  expect(JSON.stringify(checked.body)).not.toContain(apprentice.birthDate);
  expect(JSON.stringify(checked.body)).not.toContain(apprentice.email);

  // A credential with its level raised by hand is not the ministry's.
  const [header, payload, signature] = jwt.split('.');
  const raised = Buffer.from(Buffer.from(payload, 'base64url').toString().replace('/eqf/3', '/eqf/4')).toString('base64url');
  expect((await verify(`${header}.${raised}.${signature}`)).body).toEqual({ status: 'unknown' });

  // Revoked with reasons: the same credential now verifies as revoked, without them.
  const revoked = await stack.request(claude, 'POST', `/v1/recognitions/${id}/revocation`, { reasons: 'The diploma was withdrawn by the issuing school' });
  expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
  const afterRevocation = (await verify(jwt)).body;
  expect(afterRevocation).toMatchObject({ status: 'revoked', revokedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  expect(JSON.stringify(afterRevocation)).not.toContain('withdrawn');
});
