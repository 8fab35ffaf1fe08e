import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, signedInAs } from '../support/browser.js';
import { startTestStack, type TestStack } from '../support/stack.js';

/** A review round, a withdrawal and the employer's signature, worked in the browser. */
describe('the employer’s pages', () => {
  let stack: TestStack;
  let browser: Browser;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startTestStack(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('asks for a change with a comment at its field, and the employer amends the request with the comment in front of it', async () => {
    const { id } = await stack.submit();
    const ademTask = await stack.openTask(stack.parties.adem, id);
    const adem = await signedInAs(browser, stack.apiUrl(), 'marie.adem', `/tasks/${ademTask.id}`);
    await adem.page.selectOption('[name="outcome"]', 'changes_requested');
    // Asking for changes without saying which is refused at the field, the outcome kept.
    await adem.page.locator('form[action^="/tasks/"] button[type="submit"]').click();
    expect(await adem.page.locator('.error-summary').textContent()).toContain('comments');
    expect(await adem.page.inputValue('[name="outcome"]')).toBe('changes_requested');
    // The comments' section opens by itself to show where the problem is.
    expect(await adem.page.locator('details').getAttribute('open')).not.toBeNull();
    await adem.page.fill('[name="comment:/tutor/name"]', 'Which tutor holds the master craftsman’s certificate?');
    await screenshot(adem.page, 'review-01-adem-requests-changes');
    await adem.page.locator('form[action^="/tasks/"] button[type="submit"]').click();
    await adem.page.waitForURL(new RegExp(`/cases/${id}$`));

    const employer = await signedInAs(browser, stack.apiUrl(), 'anne.schmit', `/cases/${id}`);
    await expect.poll(async () => {
      await employer.page.reload();
      return employer.page.locator(`a[href="/cases/${id}/amendment"]`).count();
    }, { timeout: 20_000 }).toBe(1);
    await employer.page.click(`a[href="/cases/${id}/amendment"]`);
    expect(await employer.page.locator('main').textContent()).toContain('Which tutor holds the master craftsman’s certificate?');
    // The form holds the request as it stands.
    expect(await employer.page.inputValue('[name="apprentice.givenName"]')).toBe('Lena');
    await employer.page.fill('[name="tutor.name"]', 'Jeanne Schmit');
    await screenshot(employer.page, 'review-02-employer-amends');
    await employer.page.locator('form[action$="/amendment"] button[type="submit"]').click();
    await employer.page.waitForURL(new RegExp(`/cases/${id}$`));

    const amended = await stack.request(stack.parties.employer, 'GET', `/v1/cases/${id}`);
    expect(amended.body.request.tutor.name).toBe('Jeanne Schmit');
    expect(amended.body.revision).toBe(2);
    // The timeline shows what changed.
    await employer.page.reload();
    expect(await employer.page.locator('#timeline + ol').textContent()).toContain('Jeanne Schmit');
    await adem.context.close();
    await employer.context.close();
  });

  it('withdraws a request from its page, and every open task is cancelled', async () => {
    const { id } = await stack.submit();
    const employer = await signedInAs(browser, stack.apiUrl(), 'anne.schmit', `/cases/${id}`);
    await employer.page.locator('details:has(form[action$="/withdrawal"]) summary').click();
    await employer.page.fill('[name="reason"]', 'The apprentice chose another trade.');
    await employer.page.locator('form[action$="/withdrawal"] button[type="submit"]').click();
    await employer.page.waitForURL(new RegExp(`/cases/${id}$`));
    expect(await employer.page.locator('[data-field="status"]').textContent()).toBe('withdrawn');
    const tasks = (await stack.request(stack.parties.employer, 'GET', `/v1/cases/${id}`)).body.tasks as { status: string }[];
    expect(tasks.every((task) => task.status !== 'open')).toBe(true);
    await employer.context.close();
  });

  it('signs the contract from the signature task, naming the version read', async () => {
    const { id } = await stack.submit();
    await stack.authorise(id);
    const task = await stack.openTask(stack.parties.employer, id, 'signature');
    const employer = await signedInAs(browser, stack.apiUrl(), 'anne.schmit', `/tasks/${task.id}`);
    const contractLink = employer.page.locator('a[href*="/contract/versions/"]');
    const pdf = await employer.page.request.get(await contractLink.getAttribute('href') as string);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    await screenshot(employer.page, 'signature-01-employer-task');
    await employer.page.locator('form[action^="/tasks/"] button[type="submit"]').click();
    await employer.page.waitForURL(new RegExp(`/cases/${id}$`));
    const contract = await stack.request(stack.parties.employer, 'GET', `/v1/cases/${id}/contract`);
    expect(contract.body.signatures.map((signature: { signer: string }) => signature.signer)).toContain('employer');
    await employer.context.close();
  });
  it('registers the signed contract on the chamber’s page, and takes the employer’s social security affiliation with its number checked at its field', async () => {
    const { id } = await stack.submit();
    await stack.authorise(id);
    await stack.signContract(id);
    const registration = await stack.openTask(stack.parties.chamber, id, 'registration');
    const chamber = await signedInAs(browser, stack.apiUrl(), 'jos.cdm', `/tasks/${registration.id}`);
    // One answer only: it is chosen already.
    expect(await chamber.page.inputValue('[name="outcome"]')).toBe('registered');
    await chamber.page.locator('form[action^="/tasks/"] button[type="submit"]').click();
    await chamber.page.waitForURL(new RegExp(`/cases/${id}$`));
    await expect.poll(async () => (await stack.request(stack.parties.employer, 'GET', `/v1/cases/${id}`)).body.registration?.number, { timeout: 20_000 }).toMatch(/^CHAMBRE-DES-METIERS-/);

    const affiliation = await stack.openTask(stack.parties.employer, id, 'social_security');
    const employer = await signedInAs(browser, stack.apiUrl(), 'anne.schmit', `/tasks/${affiliation.id}`);
    await employer.page.fill('[name="affiliationNumber"]', '12345');
    await employer.page.fill('[name="affiliatedOn"]', stack.caseRequest().startDate);
    await employer.page.locator('form[action^="/tasks/"] button[type="submit"]').click();
    const field = employer.page.locator('.field.invalid:has([name="affiliationNumber"]) .field-error');
    expect(await field.textContent()).toContain('13-digit');
    await screenshot(employer.page, 'social-security-01-number-refused');
    await employer.page.fill('[name="affiliationNumber"]', '2009040212345');
    await employer.page.locator('form[action^="/tasks/"] button[type="submit"]').click();
    await employer.page.waitForURL(new RegExp(`/cases/${id}$`));
    await expect.poll(async () => (await stack.request(stack.parties.employer, 'GET', `/v1/cases/${id}`)).body.socialSecurity?.affiliationNumber, { timeout: 20_000 }).toBe('2009040212345');
    await chamber.context.close();
    await employer.context.close();
  });
});
