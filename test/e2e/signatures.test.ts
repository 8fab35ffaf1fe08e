import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messagesIn } from '../../activities/mail-messages.js';
import { createSignatureActivities } from '../../activities/signatures.js';
import { caseReference } from '../../domain/case-reference.js';
import { languages, type Language } from '../../domain/language.js';
import { createMailer } from '../../infra/mailer.js';
import { textOf } from '../support/pdf-text.js';
import { runsOf } from '../support/workflow-runs.js';
import { pdf } from '../support/sample-pdf.js';
import { nextSchoolYearStart, startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.stop());

const poll = { timeout: 20_000 };
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const status = async (id: string) => (await stack.request(stack.parties.employer, 'GET', `/v1/cases/${id}`)).body.status;
const contract = async (id: string) => (await stack.request(stack.parties.employer, 'GET', `/v1/cases/${id}/contract`)).body;

/** A case of its own signers' addresses, authorised and waiting for signatures; `minor` adds the legal representative. */
async function authorisedCase({ minor }: { minor: boolean }) {
  const apprenticeEmail = `apprentice-${randomUUID()}@example.fr`;
  const representativeEmail = `representative-${randomUUID()}@example.fr`;
  const year = Number(nextSchoolYearStart().slice(0, 4));
  const request = stack.caseRequest();
  const { id } = await stack.submit({
    apprentice: { ...request.apprentice, birthDate: minor ? `${year - 16}-02-01` : `${year - 20}-02-01`, email: apprenticeEmail },
    ...(minor ? { legalRepresentative: { givenName: 'Claire', familyName: 'Roth', email: representativeEmail } } : {}),
  });
  await stack.authorise(id);
  await expect.poll(() => status(id), poll).toBe('awaiting_signatures');
  await expect.poll(async () => (await contract(id)).currentVersion, poll).toBe(1);
  return { id, apprenticeEmail, representativeEmail };
}

/** The signing links mailed to `address` for the case, oldest first. */
async function linksTo(address: string, caseId: string): Promise<string[]> {
  const mails = (await stack.mailsTo(address)).filter((m) => m.subject.includes(caseReference(caseId)));
  return mails.map((m) => /\/sign\/([A-Za-z0-9_-]{43})/.exec(m.text)![1]!);
}

async function linkTo(address: string, caseId: string, count = 1): Promise<string> {
  await expect.poll(async () => (await linksTo(address, caseId)).length, poll).toBe(count);
  return (await linksTo(address, caseId)).at(-1)!;
}

function sign(token: string, documentSha256: string) {
  return stack.request(undefined, 'POST', `/sign/${token}`, { documentSha256 });
}

async function page(token: string, path = '', headers: Record<string, string> = {}) {
  const response = await fetch(`${stack.apiUrl()}/sign/${token}${path}`, { headers: { accept: 'text/html', ...headers } });
  return { status: response.status, type: response.headers.get('content-type'), bytes: Buffer.from(await response.arrayBuffer()) };
}

async function employerSigns(caseId: string, documentSha256: string) {
  const task = await stack.openTask(stack.parties.employer, caseId);
  expect(task.kind).toBe('signature');
  return stack.complete(stack.parties.employer, task.id, { outcome: 'signed', documentSha256 });
}

describe('signing the contract', () => {
  it("a minor's contract: the employer, the apprentice and the legal representative sign the same PDF, then the chamber registers it", async () => {
    const { id, apprenticeEmail, representativeEmail } = await authorisedCase({ minor: true });
    const version = (await contract(id)).versions[0];

    // The mail asks for the signature without naming anyone; the page shows what is signed.
    const apprenticeLink = await linkTo(apprenticeEmail, id);
    const [mail] = (await stack.mailsTo(apprenticeEmail)).filter((m) => m.subject.includes(caseReference(id)));
    expect(mail!.text).toContain(caseReference(id));
    expect(mail!.text).not.toMatch(/Lena|Roth|Claire/);
    const shown = await page(apprenticeLink, '', { 'accept-language': 'fr' });
    expect(shown.status).toBe(200);
    expect(shown.type).toContain('text/html');
    expect(shown.bytes.toString()).toContain(version.sha256);
    // In the language asked for, escaped.
    expect(shown.bytes.toString()).toContain('en tant qu&#39;apprenti(e)');
    const document = await page(apprenticeLink, '/contract.pdf');
    expect(document.type).toBe('application/pdf');
    expect(sha256(document.bytes)).toBe(version.sha256);
    // The contract names the representative who signs it.
    expect(await textOf(document.bytes)).toContain('Claire Roth');

    expect((await employerSigns(id, version.sha256)).status).toBe(200);
    // The apprentice signs by the page's form, the representative as a JSON client.
    const form = await fetch(`${stack.apiUrl()}/sign/${apprenticeLink}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: new URLSearchParams({ documentSha256: version.sha256, confirm: 'yes' }),
    });
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('<h1>');
    expect((await sign(await linkTo(representativeEmail, id), version.sha256)).status).toBe(200);

    await expect.poll(() => status(id), poll).toBe('awaiting_registration');
    const signed = await contract(id);
    expect(signed.versions[0].status).toBe('signed');
    expect(signed.signatures.map((s: { signer: string }) => s.signer).sort()).toEqual(['apprentice', 'employer', 'legal_representative']);
    expect(signed.signatures.every((s: { sha256: string; method: string }) => s.sha256 === version.sha256 && s.method === 'online')).toBe(true);
    const employerRow = await stack.db.selectFrom('signatures').select('user_id').where('case_id', '=', id).where('signer', '=', 'employer').executeTakeFirstOrThrow();
    expect(employerRow.user_id).toBe(stack.parties.employer.userId);

    const registration = await stack.openTask(stack.parties.chamber, id);
    expect(registration.kind).toBe('registration');
    expect((await stack.complete(stack.parties.chamber, registration.id, { outcome: 'registered' })).status).toBe(200);
    await expect.poll(() => status(id), poll).toBe('in_training');
  });

  it('a link signs once, an expired link signs nothing, and an unknown one is not found', async () => {
    const { id, apprenticeEmail, representativeEmail } = await authorisedCase({ minor: true });
    const { sha256: documentSha256 } = (await contract(id)).versions[0];
    const link = await linkTo(apprenticeEmail, id);
    // A body with a field the door does not take is refused, naming it, and signs nothing.
    const unknownField = await stack.request(undefined, 'POST', `/sign/${link}`, { documentSha256, signer: 'employer' });
    expect(unknownField.status).toBe(400);
    expect((await sign(link, documentSha256)).status).toBe(200);
    const again = await sign(link, documentSha256);
    expect(again.status).toBe(410);
    expect(again.body.title).toBe('Link already used');
    expect((await page(link)).status).toBe(410);

    // The representative's link outlives its expiry.
    await sql`update signing_links set expires_at = now() - interval '1 minute' where case_id = ${id} and signer = 'legal_representative'`.execute(stack.db);
    const expired = await sign(await linkTo(representativeEmail, id), documentSha256);
    expect(expired.status).toBe(410);
    expect(expired.body.title).toBe('Link expired');

    expect((await page('x'.repeat(43))).status).toBe(404);
    expect((await sign('not-a-token', documentSha256)).status).toBe(404);
    expect(await status(id)).toBe('awaiting_signatures');
  });

  it('a link mailing retried after its mail left sends nothing and issues no new token', async () => {
    const { id, apprenticeEmail } = await authorisedCase({ minor: false });
    const link = await linkTo(apprenticeEmail, id);
    const activities = createSignatureActivities({ db: stack.db, mailer: createMailer(stack.config.SMTP_URL!), from: 'test@example.lu', publicBaseUrl: 'http://localhost' });
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    // The workflow's own mailing of the first version's link, as a retry would send it again.
    await activities.sendSigningLink({ key: `${id}.contract.1.link.apprentice.issued`, caseId: id, contractVersion: 1, signer: 'apprentice', expiresAt });
    expect(await linksTo(apprenticeEmail, id)).toEqual([link]);
    const rows = await stack.db.selectFrom('signing_links').select('voided_at').where('case_id', '=', id).execute();
    expect(rows).toEqual([{ voided_at: null }]);
    expect((await page(link)).status).toBe(200);
  });

  it('a withdrawn case signs nothing more: its links answer 410', async () => {
    const { id, apprenticeEmail } = await authorisedCase({ minor: false });
    const { sha256: documentSha256 } = (await contract(id)).versions[0];
    const link = await linkTo(apprenticeEmail, id);
    expect((await stack.request(stack.parties.employer, 'POST', `/v1/cases/${id}/withdraw`, {})).status).toBe(200);
    const refused = await sign(link, documentSha256);
    expect(refused.status).toBe(410);
    expect(refused.body.title).toBe('Link no longer valid');
    const shown = await page(link, '', { 'accept-language': 'de' });
    expect(shown.status).toBe(410);
    expect(shown.bytes.toString()).toContain('Dieser Link gilt nicht mehr');
  });

  it('a new version of the contract voids the signatures on the old one, its links and the employer’s task', async () => {
    const { id, apprenticeEmail } = await authorisedCase({ minor: false });
    const first = (await contract(id)).versions[0];
    const oldLink = await linkTo(apprenticeEmail, id);
    expect((await employerSigns(id, first.sha256)).status).toBe(200);

    // Only the employer corrects the contract, and only with something the contract states.
    const { chamber, employer } = stack.parties;
    expect((await stack.request(chamber, 'POST', `/v1/cases/${id}/contract/revisions`, { tutor: { name: 'Eva Schmit' } })).status).toBe(403);
    expect((await stack.request(employer, 'POST', `/v1/cases/${id}/contract/revisions`, {})).status).toBe(400);
    expect((await stack.request(employer, 'POST', `/v1/cases/${id}/contract/revisions`, { startDate: '2020-09-01' })).status).toBe(400);
    const corrected = await stack.request(employer, 'POST', `/v1/cases/${id}/contract/revisions`, { tutor: { name: 'Eva Schmit' } });
    expect(corrected.status).toBe(201);
    expect(corrected.body).toEqual({ contractVersion: 2 });

    await expect.poll(async () => (await contract(id)).versions.length, poll).toBe(2);
    const revised = await contract(id);
    expect(revised.versions.map((v: { status: string }) => v.status)).toEqual(['void', 'awaiting_signatures']);
    expect(revised.signatures).toEqual([expect.objectContaining({ contractVersion: 1, signer: 'employer', voidedAt: expect.any(String) })]);
    const second = revised.versions[1];
    expect(second.sha256).not.toBe(first.sha256);

    const voided = await sign(oldLink, first.sha256);
    expect(voided.status).toBe(410);
    expect(voided.body.title).toBe('Link no longer valid');
    const newLink = await linkTo(apprenticeEmail, id, 2);
    // The new link signs the new version only.
    expect((await sign(newLink, first.sha256)).status).toBe(409);
    expect((await sign(newLink, second.sha256)).status).toBe(200);
    expect((await employerSigns(id, second.sha256)).status).toBe(200);
    await expect.poll(() => status(id), poll).toBe('awaiting_registration');
  });

  it('a scan signed outside the system: the chamber rejects one (the employer is told) and accepts the next', async () => {
    const { id, apprenticeEmail } = await authorisedCase({ minor: false });
    const { parties } = stack;
    const upload = async (text: string) => {
      const response = await fetch(`${stack.apiUrl()}/v1/cases/${id}/documents?kind=signed_contract`, {
        method: 'POST',
        headers: { authorization: `Bearer ${parties.employer.token}`, 'content-type': 'application/pdf', 'content-disposition': 'attachment; filename="contrat-signe.pdf"' },
        body: new Uint8Array(pdf(text)),
      });
      expect(response.status).toBe(201);
      return ((await response.json()) as { id: string }).id;
    };
    const scan = (party = parties.employer, body: unknown) => stack.request(party, 'POST', `/v1/cases/${id}/contract/scans`, body);

    const blurred = await upload('Contrat signé (flou)');
    // Wrong parties and wrong scans are refused before anything opens.
    expect((await scan(parties.otherEmployer, { documentId: blurred, signers: ['apprentice'] })).status).toBe(404);
    expect((await scan(parties.chamber, { documentId: blurred, signers: ['apprentice'] })).status).toBe(403);
    expect((await scan(parties.employer, { documentId: randomUUID(), signers: ['apprentice'] })).status).toBe(400);
    expect((await scan(parties.employer, { documentId: blurred, signers: ['legal_representative'] })).status).toBe(400);

    const submitted = await scan(parties.employer, { documentId: blurred, signers: ['employer', 'apprentice'] });
    expect(submitted.status).toBe(202);
    const review = await stack.openTask(parties.chamber, id);
    expect(review).toMatchObject({ id: submitted.body.taskId, kind: 'scan_review' });
    expect((await stack.complete(parties.chamber, review.id, { outcome: 'rejected' })).status).toBe(400);
    expect((await stack.complete(parties.chamber, review.id, { outcome: 'rejected', reasons: 'Illegible' })).status).toBe(200);
    await expect.poll(async () => (await stack.mailsTo(parties.employer.organisationEmail)).filter((m) => m.subject.includes(caseReference(id)) && m.subject.includes('not accepted')).length, poll).toBe(1);
    expect(await status(id)).toBe('awaiting_signatures');

    const legible = await upload('Contrat signé');
    const again = await scan(parties.employer, { documentId: legible, signers: ['employer', 'apprentice'] });
    expect(again.status).toBe(202);
    expect((await stack.complete(parties.chamber, again.body.taskId, { outcome: 'accepted' })).status).toBe(200);
    await expect.poll(() => status(id), poll).toBe('awaiting_registration');
    const { signatures, versions } = await contract(id);
    expect(signatures.map((s: { signer: string; method: string }) => [s.signer, s.method]).sort()).toEqual([['apprentice', 'scan'], ['employer', 'scan']]);
    const rows = await stack.db.selectFrom('signatures').select(['scan_document_id', 'sha256']).where('case_id', '=', id).execute();
    expect(rows.every((r) => r.scan_document_id === legible && r.sha256 === versions[0].sha256)).toBe(true);
    // The apprentice's link signs nothing more: the signature is on the contract.
    expect((await sign(await linkTo(apprenticeEmail, id), versions[0].sha256)).status).toBe(410);
  });

  // Last: the signature deadline shrinks for the cases submitted from here on.
  it('reminds whoever has not signed before the deadline: the employer of its task, the apprentice by a new link that replaces the old', async () => {
    await stack.restartWith({ SIGNATURE_DEADLINE: '4s', SIGNATURE_REMINDER_BEFORE: '3s' });
    const { id, apprenticeEmail } = await authorisedCase({ minor: false });
    const { sha256: documentSha256 } = (await contract(id)).versions[0];
    const reminders = async () => (await stack.mailsTo(stack.parties.employer.organisationEmail)).filter((m) => m.subject.includes(caseReference(id)) && m.subject.startsWith('Reminder')).length;
    await expect.poll(reminders, poll).toBe(1);
    await linkTo(apprenticeEmail, id, 2);
    const [first, second] = await linksTo(apprenticeEmail, id);
    expect((await sign(first!, documentSha256)).status).toBe(410);
    expect((await sign(second!, documentSha256)).status).toBe(200);
    expect((await employerSigns(id, documentSha256)).status).toBe(200);
    await expect.poll(() => status(id), poll).toBe('awaiting_registration');
    expect(await reminders()).toBe(1);
  });
});

describe('the signature deadline passing', () => {
  /** The mails telling an organisation (in its language) that signatures are overdue. */
  const overdueMails = async ({ organisationEmail, language }: { organisationEmail: string; language: Language }, caseId: string) => {
    const subject = messagesIn(language)('signaturesOverdue.subject', { reference: caseReference(caseId) });
    return (await stack.mailsTo(organisationEmail)).filter((m) => m.subject === subject);
  };
  const passedEvents = (caseId: string) => stack.db.selectFrom('events').select('data').where('case_id', '=', caseId).where('type', '=', 'signature_deadline_passed').execute();

  /** The employer signs at once; the apprentice lets the deadline pass, then signs by the reminder's link and the chamber registers. */
  async function lateApprentice(id: string, apprenticeEmail: string) {
    const version = (await contract(id)).versions[0];
    expect((await employerSigns(id, version.sha256)).status).toBe(200);
    await expect.poll(async () => (await contract(id)).versions[0].signatureDeadline?.passed, poll).toBe(true);
    expect((await sign(await linkTo(apprenticeEmail, id, 2), version.sha256)).status).toBe(200);
    await expect.poll(() => status(id), poll).toBe('awaiting_registration');
    const registration = await stack.openTask(stack.parties.chamber, id);
    expect(registration.kind).toBe('registration');
    expect((await stack.complete(stack.parties.chamber, registration.id, { outcome: 'registered' })).status).toBe(200);
    await expect.poll(() => status(id), poll).toBe('in_training');
    return version;
  }

  it('logs the signatures missing by role, tells the employer and the chamber without naming anyone, and still takes a late signature', async () => {
    await stack.restartWith({ SIGNATURE_DEADLINE: '5s', SIGNATURE_REMINDER_BEFORE: '3s' });
    const { id, apprenticeEmail } = await authorisedCase({ minor: false });
    const { dueAt } = (await contract(id)).versions[0].signatureDeadline;
    expect(Date.parse(dueAt)).toBeGreaterThan(Date.parse((await contract(id)).versions[0].drawnUpAt));
    expect((await contract(id)).versions[0].signatureDeadline).toEqual({ dueAt, passed: false, missing: [] });

    await lateApprentice(id, apprenticeEmail);
    expect((await contract(id)).versions[0].signatureDeadline).toEqual({ dueAt, passed: true, missing: ['apprentice'] });
    expect(await passedEvents(id)).toEqual([{ data: { contractVersion: 1, dueAt, missing: ['apprentice'] } }]);

    const { employer, chamber } = stack.parties;
    for (const party of [employer, chamber]) {
      await expect.poll(async () => (await overdueMails(party, id)).length, poll).toBe(1);
      const [mail] = await overdueMails(party, id);
      const t = messagesIn(party.language);
      expect(mail!.text).toContain(t('signaturesOverdue.apprentice'));
      expect(mail!.text).not.toContain(t('signaturesOverdue.employer'));
      expect(mail!.text).toContain(`${stack.config.publicBaseUrl}/cases/${id}`);
      expect(mail!.text).not.toMatch(/Lena|Roth|Schmit|ADEM-/);
    }
    // The apprentice was reminded by a new link, not told of the deadline (in any language).
    const apprenticeMails = (await stack.mailsTo(apprenticeEmail)).filter((m) => m.subject.includes(caseReference(id)));
    expect(apprenticeMails.filter((m) => m.text.includes('/sign/')).length).toBeGreaterThan(1);
    const overdueSubjects = languages.map((language) => messagesIn(language)('signaturesOverdue.subject', { reference: caseReference(id) }));
    expect(apprenticeMails.filter((m) => overdueSubjects.includes(m.subject))).toEqual([]);
  });

  it('happens once across the runs a long history continues into', async () => {
    await stack.restartWith({ SIGNATURE_DEADLINE: '5s', SIGNATURE_REMINDER_BEFORE: '3s', CASE_CONTINUE_AS_NEW_AFTER_EVENTS: '20' });
    const { id, apprenticeEmail } = await authorisedCase({ minor: false });
    await lateApprentice(id, apprenticeEmail);
    expect((await runsOf(`case-${id}`)).length).toBeGreaterThan(2);
    expect(await passedEvents(id)).toHaveLength(1);
    for (const party of [stack.parties.employer, stack.parties.chamber]) await expect.poll(async () => (await overdueMails(party, id)).length, poll).toBe(1);
  });
});
