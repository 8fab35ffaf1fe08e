import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdf } from '../support/sample-pdf.js';
import { recognitionParties, recognitionRequest, uploadToRecognition } from '../support/sample-recognition.js';
import { launchBrowser, screenshot, signedInAs } from '../support/browser.js';
import { startTestStack, type Party, type TestStack } from '../support/stack.js';

/**
 * Diploma recognition in a real Chromium: the applicant asks and uploads, one officer claims,
 * records the payment and proposes, a second approves (four eyes), the applicant downloads the
 * certificate. Sofia and Claude read French, Nadia and Jonas German: the test finds its way by
 * the forms' names and actions, not by words.
 */
describe('diploma recognition in the browser', () => {
  let stack: TestStack;
  let browser: Browser;
  let sofia: Party, jonas: Party, claude: Party, nadia: Party;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startTestStack(), launchBrowser()]);
    ({ sofia, jonas, claude, nadia } = await recognitionParties(stack));
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** Presses a form's button and waits for the page it answers with (after a redirect, the page it leads to). */
  async function press(page: Page, button: string): Promise<number> {
    const answered = page.waitForResponse((response) => response.request().isNavigationRequest() && (response.request().method() === 'GET' || response.status() >= 400));
    const [, answer] = await Promise.all([page.waitForEvent('load'), answered, page.click(button)]);
    return answer.status();
  }

  async function fillRecognitionRequest(page: Page, title: string) {
    const values: Record<string, string> = {
      'holder.givenName': 'Sofia',
      'holder.familyName': 'Lambert',
      'holder.birthDate': '2001-03-14',
      'holder.email': sofia.userEmail,
      'diploma.title': title,
      'diploma.programme': 'Boulanger',
      awardedOn: '2021-07-02',
      schoolName: 'Lycée des métiers Raymond Mondon, Metz',
    };
    for (const [name, value] of Object.entries(values)) await page.fill(`[name="${name}"]`, value);
    await page.selectOption('[name="holder.language"]', 'fr');
    await page.selectOption('[name="diploma.country"]', 'FR');
    await page.selectOption('[name="tradeCode"]', stack.tradeCode);
  }

  async function upload(page: Page, kind: string, file: { name: string; buffer: Buffer }) {
    await page.selectOption(`[name="${kind}.language"]`, 'fr');
    await page.setInputFiles(`[name="${kind}.file"]`, { ...file, mimeType: 'application/pdf' });
    return press(page, `form[data-kind="${kind}"] button[type="submit"]`);
  }

  /** Through the API: a request for `diploma`, its three documents uploaded and submitted. */
  async function submittedThroughApi(applicant: Party, diploma: { country: string; title: string; programme: string }): Promise<string> {
    const asked = await stack.request(applicant, 'POST', '/v1/recognitions', recognitionRequest(applicant, { diploma }));
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    for (const kind of ['diploma', 'transcript', 'identity_document']) expect((await uploadToRecognition(stack, applicant, asked.body.id, { kind, language: 'fr' })).status).toBe(201);
    expect((await stack.request(applicant, 'POST', `/v1/recognitions/${asked.body.id}/submission`)).status).toBe(200);
    return asked.body.id;
  }

  async function step(party: Party, id: string, path: string, body: unknown) {
    const reply = await stack.request(party, 'POST', `/v1/recognitions/${id}/${path}`, body);
    expect(reply.status, `${path}: ${JSON.stringify(reply.body)}`).toBe(200);
  }

  it('takes an applicant’s request through its documents, the payment, a proposal and a second officer’s approval to the certificate', async () => {
    const applicant = await signedInAs(browser, stack.apiUrl(), 'sofia.lambert', '/recognitions');
    expect(await applicant.page.locator('header nav a[href="/recognitions"]').count()).toBe(1);
    await applicant.page.click('main a[href="/recognitions/new"]');

    // A field left empty is named next to it; the rest of what was typed stays.
    await fillRecognitionRequest(applicant.page, '');
    expect(await press(applicant.page, 'form[action="/recognitions/new"] button[type="submit"]')).toBe(400);
    expect(await applicant.page.locator('.field.invalid:has([name="diploma.title"]) .field-error').isVisible()).toBe(true);
    expect(await applicant.page.inputValue('[name="holder.familyName"]')).toBe('Lambert');
    await screenshot(applicant.page, 'recognition-01-applicant-form-error');

    await applicant.page.fill('[name="diploma.title"]', "Certificat d'aptitude professionnelle");
    await press(applicant.page, 'form[action="/recognitions/new"] button[type="submit"]');
    expect(applicant.page.url()).toMatch(/\/recognitions\/[0-9a-f-]{36}$/);
    const id = applicant.page.url().split('/').at(-1)!;
    expect(await applicant.page.locator('[data-field="missing"] li').count()).toBe(3);

    // A file that is no PDF is refused by its content, at its field, with the API's status.
    expect(await upload(applicant.page, 'diploma', { name: 'diploma.pdf', buffer: Buffer.from('not a pdf at all') })).toBe(415);
    expect(await applicant.page.locator('.field.invalid:has([name="diploma.file"]) .field-error').textContent()).toContain('not a PDF');
    await screenshot(applicant.page, 'recognition-02-applicant-upload-refused');

    for (const kind of ['diploma', 'transcript', 'identity_document']) {
      expect(await upload(applicant.page, kind, { name: `${kind}.pdf`, buffer: pdf(`${kind} fr`) })).toBe(200);
      expect(await applicant.page.locator('section:has(#documents) a', { hasText: `${kind}.pdf` }).count()).toBe(1);
    }
    expect(await applicant.page.locator('[data-field="missing"]').count()).toBe(0);
    await screenshot(applicant.page, 'recognition-03-applicant-documents');
    await press(applicant.page, `form[action="/recognitions/${id}/submission"] button`);
    expect(await applicant.page.locator('form[data-kind]').count()).toBe(0);
    expect((await stack.request(sofia, 'GET', `/v1/recognitions/${id}`)).body.status).toBe('in_examination');

    // Claude claims it from the queue of unclaimed requests.
    const officer = await signedInAs(browser, stack.apiUrl(), 'claude.reding', '/recognitions?assignee=unassigned');
    const row = officer.page.locator(`tr:has(a[href="/recognitions/${id}"])`);
    await screenshot(officer.page, 'recognition-04-officer-queue');
    await press(officer.page, `tr:has(a[href="/recognitions/${id}"]) form[action="/recognitions/${id}/claim"] button`);
    expect(await row.count()).toBe(0);
    await officer.page.goto('/recognitions?assignee=me');
    await row.locator(`a[href="/recognitions/${id}"]`).click();
    await officer.page.waitForURL(new RegExp(`/recognitions/${id}$`));
    expect(await officer.page.locator('[data-field="assignee"]').textContent()).toContain('Claude Reding');
    // Its documents download through the page door.
    const document = await officer.context.request.get(await officer.page.locator('section:has(#documents) a', { hasText: 'transcript.pdf' }).getAttribute('href').then((href) => href!));
    expect([document.status(), (await document.body()).subarray(0, 5).toString()]).toEqual([200, '%PDF-']);

    // Asked again for one document, with nothing chosen first: the form says what it needs.
    expect(await press(officer.page, `form[action="/recognitions/${id}/document-request"] button`)).toBe(400);
    expect(await officer.page.locator('#field-documentRequest .field-error').isVisible()).toBe(true);
    await officer.page.selectOption('[name="documentRequest.identity_document.problem"]', 'unreadable');
    await officer.page.fill('[name="documentRequest.identity_document.comment"]', 'The scan is blurred');
    expect(await press(officer.page, `form[action="/recognitions/${id}/document-request"] button`)).toBe(200);

    // Sofia reads what was asked and why, uploads it again and submits again.
    await applicant.page.reload();
    expect(await applicant.page.locator('[data-field="asked-again"]').textContent()).toContain('The scan is blurred');
    expect(await applicant.page.locator('[data-field="missing"] li').count()).toBe(1);
    await screenshot(applicant.page, 'recognition-05-applicant-asked-again');
    expect(await upload(applicant.page, 'identity_document', { name: 'carte-identite-nette.pdf', buffer: pdf('Carte nationale, scannée à nouveau') })).toBe(200);
    await press(applicant.page, `form[action="/recognitions/${id}/submission"] button`);
    expect(await applicant.page.locator('form[data-kind]').count()).toBe(0);
    await officer.page.reload();

    // No proposal before the fee is paid: the API's refusal is said at the top of the page.
    await officer.page.selectOption('[name="decision.outcome"]', 'equivalence');
    await officer.page.selectOption('[name="decision.qualification"]', 'DAP');
    await officer.page.selectOption('[name="decision.tradeCode"]', stack.tradeCode);
    expect(await press(officer.page, `form[action="/recognitions/${id}/decision"] button`)).toBe(409);
    expect(await officer.page.locator('[role="alert"]').textContent()).toContain('fee has not been paid');

    await officer.page.fill('[name="payment.paidOn"]', '2026-11-02');
    await officer.page.fill('[name="payment.reference"]', 'VIR-REC-0042');
    await press(officer.page, `form[action="/recognitions/${id}/payment"] button`);
    expect(await officer.page.locator('[data-field="fee"]').textContent()).toContain('VIR-REC-0042');
    await officer.page.selectOption('[name="decision.outcome"]', 'equivalence');
    await officer.page.selectOption('[name="decision.qualification"]', 'DAP');
    await officer.page.selectOption('[name="decision.tradeCode"]', stack.tradeCode);
    await screenshot(officer.page, 'recognition-06-officer-proposal');
    await press(officer.page, `form[action="/recognitions/${id}/decision"] button`);
    expect(await officer.page.locator('[data-field="proposal"]').textContent()).toContain('DAP');

    // Four eyes: the proposer's own approval is refused, and the page says so.
    expect(await press(officer.page, `form[action="/recognitions/${id}/approval"] button[value="true"]`)).toBe(403);
    expect(await officer.page.locator('[role="alert"]').textContent()).toMatch(/four eyes/i);
    await screenshot(officer.page, 'recognition-07-officer-four-eyes');

    const second = await signedInAs(browser, stack.apiUrl(), 'nadia.schroeder', `/recognitions/${id}`);
    await press(second.page, `form[action="/recognitions/${id}/approval"] button[value="true"]`);
    expect(await second.page.locator('[data-field="decision"]').textContent()).toContain('DAP');
    await screenshot(second.page, 'recognition-08-second-officer-approved');

    // Sofia sees the decision, her credential to copy, and downloads the certificate.
    await applicant.page.reload();
    expect(await applicant.page.locator('[data-field="decision"]').textContent()).toMatch(/DAP.*3/);
    expect(await applicant.page.inputValue('[data-field="credential"]')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    await screenshot(applicant.page, 'recognition-09-applicant-decision');
    const certificate = await applicant.context.request.get((await applicant.page.getAttribute('[data-field="certificate"]', 'href'))!);
    expect(certificate.status()).toBe(200);
    expect(certificate.headers()['content-type']).toBe('application/pdf');
    expect((await certificate.body()).subarray(0, 5).toString()).toBe('%PDF-');

    for (const party of [applicant, officer, second]) await party.context.close();
  }, 120_000);

  it('shows the officers the register’s precedent, and revokes a decision only with reasons', async () => {
    const diploma = { country: 'FR', title: 'Brevet professionnel', programme: 'Boulanger' };
    const decided = await submittedThroughApi(sofia, diploma);
    await step(claude, decided, 'payment', { amountCents: 7_500, paidOn: '2026-11-02', reference: 'VIR-REC-0043' });
    await step(claude, decided, 'decision', { outcome: 'equivalence', qualification: 'DAP', tradeCode: stack.tradeCode });
    await step(nadia, decided, 'approval', { approved: true });
    const next = await submittedThroughApi(jonas, { ...diploma, title: 'BREVET PROFESSIONNEL' });

    const officer = await signedInAs(browser, stack.apiUrl(), 'claude.reding', `/recognitions/${next}`);
    expect(await officer.page.locator('[data-field="precedent"]').textContent()).toContain('DAP');
    expect(await officer.page.locator(`section:has(#precedent) a[href="/recognitions/${decided}"]`).count()).toBe(1);
    // The proposal is drawn up from the precedent.
    expect(await officer.page.inputValue('[name="decision.outcome"]')).toBe('equivalence');
    expect(await officer.page.inputValue('[name="decision.qualification"]')).toBe('DAP');
    await screenshot(officer.page, 'recognition-precedent');

    await officer.page.goto(`/recognitions/${decided}`);
    expect(await press(officer.page, `form[action="/recognitions/${decided}/revocation"] button`)).toBe(400);
    expect(await officer.page.locator('.field.invalid:has([name="revocation.reasons"]) .field-error').isVisible()).toBe(true);
    await officer.page.fill('[name="revocation.reasons"]', 'The diploma was found to be forged');
    await press(officer.page, `form[action="/recognitions/${decided}/revocation"] button`);
    expect(await officer.page.locator('[data-field="revoked"]').textContent()).toContain('forged');
    expect(await officer.page.locator(`form[action="/recognitions/${decided}/revocation"]`).count()).toBe(0);
    await screenshot(officer.page, 'recognition-revoked');

    // A revoked decision is no precedent any more.
    await officer.page.goto(`/recognitions/${next}`);
    expect(await officer.page.locator('[data-field="precedent"]').count()).toBe(0);
    await officer.context.close();
  });

  it('never shows one applicant’s recognition to another, whatever the URL', async () => {
    const asked = await stack.request(sofia, 'POST', '/v1/recognitions', recognitionRequest(sofia));
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    const other = await signedInAs(browser, stack.apiUrl(), 'jonas.becker', '/recognitions');
    expect(await other.page.locator(`a[href="/recognitions/${asked.body.id}"]`).count()).toBe(0);
    const response = await other.page.goto(`/recognitions/${asked.body.id}`);
    expect(response?.status()).toBe(404);
    expect(await other.page.locator('main').textContent()).not.toContain('Lambert');
    await screenshot(other.page, 'recognition-access-other-applicant-404');
    expect((await other.context.request.get(`/recognitions/${asked.body.id}/certificate`)).status()).toBe(404);
    await other.context.close();
  });
});
