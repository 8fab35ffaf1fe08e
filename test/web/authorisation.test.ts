import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseReference } from '../../domain/case-reference.js';
import { launchBrowser, screenshot, signedInAs } from '../support/browser.js';
import { nextSchoolYearStart, startTestStack, type TestStack } from '../support/stack.js';

/**
 * The authorisation phase in a real Chromium, each party in its own browser context, signed
 * in through the demo sign-in page: what the parties see and do is what the pages show.
 */
describe('the authorisation in the browser', () => {
  let stack: TestStack;
  let browser: Browser;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startTestStack(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** The employer's request, field by field, as a person fills it in. */
  async function fillRequest(page: Page, overrides: Record<string, string> = {}) {
    const values: Record<string, string> = {
      'apprentice.givenName': 'Lena',
      'apprentice.familyName': 'Roth',
      'apprentice.birthDate': '2009-04-02',
      'apprentice.email': 'lena.roth@example.fr',
      'legalRepresentative.givenName': 'Paul',
      'legalRepresentative.familyName': 'Roth',
      'legalRepresentative.email': 'paul.roth@example.fr',
      'foreignSchool.programme': 'CAP Boulanger, 2 years',
      startDate: nextSchoolYearStart(),
      durationMonths: '36',
      'weeklyRhythm.schoolDays': '2',
      'weeklyRhythm.companyDays': '3',
      proposedMonthlyAllowanceCents: '1600',
      'tutor.name': 'Marc Schmit',
      ...overrides,
    };
    for (const [name, value] of Object.entries(values)) await page.fill(`[name="${name}"]`, value);
    await page.selectOption('[name="apprentice.residenceCountry"]', 'FR');
    await page.selectOption('[name="tradeCode"]', stack.tradeCode);
    await page.selectOption('[name="foreignSchool.organisationId"]', stack.parties.school.organisationId);
  }

  /** Waits in the inbox, reloading as a person would, until the case's task shows; opens it. */
  async function openTaskFromInbox(page: Page, reference: string) {
    const row = page.locator('tr', { hasText: reference });
    for (let attempt = 0; attempt < 100 && (await row.count()) === 0; attempt++) {
      await page.waitForTimeout(200);
      await page.reload();
    }
    await row.locator('td:nth-child(2) a').click();
    await page.waitForURL(/\/tasks\//);
  }

  it('takes a request from the employer through ADEM, the chamber and the school to the ministry’s authorisation', async () => {
    const employer = await signedInAs(browser, stack.apiUrl(), 'anne.schmit');
    await employer.page.goto('/cases/new');
    await fillRequest(employer.page, { 'foreignSchool.programme': '' });
    await employer.page.click('button[type="submit"]:has-text("Submit")');
    // A field left empty is named next to it, and the rest of what was typed is kept.
    const programme = employer.page.locator('.field.invalid:has([name="foreignSchool.programme"])');
    expect(await programme.locator('.field-error').isVisible()).toBe(true);
    expect(await employer.page.inputValue('[name="apprentice.givenName"]')).toBe('Lena');
    await screenshot(employer.page, 'authorisation-01-employer-form-error');

    await employer.page.fill('[name="foreignSchool.programme"]', 'CAP Boulanger, 2 years');
    await employer.page.click('button[type="submit"]:has-text("Submit")');
    await employer.page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const caseId = employer.page.url().split('/').at(-1)!;
    const reference = caseReference(caseId);
    expect(await employer.page.textContent('h1')).toContain(reference);
    await screenshot(employer.page, 'authorisation-02-employer-case');

    const answers = [
      { userId: 'marie.adem', outcome: 'favourable', reasons: 'The placement fits the candidate.' },
      { userId: 'jos.cdm', outcome: 'favourable', reasons: 'The employer holds the right to train.' },
      { userId: 'claire.thionville', outcome: 'confirmed', reasons: '' },
    ];
    for (const [index, answer] of answers.entries()) {
      const party = await signedInAs(browser, stack.apiUrl(), answer.userId);
      await openTaskFromInbox(party.page, reference);
      await party.page.selectOption('[name="outcome"]', answer.outcome);
      if (answer.reasons) await party.page.fill('[name="reasons"]', answer.reasons);
      await screenshot(party.page, `authorisation-0${3 + index}-${answer.userId}-task`);
      await party.page.click('button:has-text("Send"), button:has-text("Envoyer"), button:has-text("Senden")');
      await party.page.waitForURL(new RegExp(`/cases/${caseId}$`));
      await party.context.close();
    }

    const ministry = await signedInAs(browser, stack.apiUrl(), 'paul.menje');
    await openTaskFromInbox(ministry.page, reference);
    // The ministry decides with the three answers in front of it.
    const decisionPage = await ministry.page.locator('main').textContent();
    for (const reasons of ['The placement fits the candidate.', 'The employer holds the right to train.']) expect(decisionPage).toContain(reasons);
    await ministry.page.selectOption('[name="outcome"]', 'authorised');
    await screenshot(ministry.page, 'authorisation-06-ministry-decision');
    await ministry.page.locator('form[action^="/tasks/"] button[type="submit"]').click();
    await ministry.page.waitForURL(new RegExp(`/cases/${caseId}$`));

    // The case goes on to its contract; the employer's page says so.
    await expect
      .poll(async () => (await stack.request(stack.parties.employer, 'GET', `/v1/cases/${caseId}`)).body.status, { timeout: 20_000 })
      .toMatch(/^(authorised|awaiting_signatures)$/);
    await employer.page.reload();
    expect(await employer.page.locator('[data-field="status"]').textContent()).toMatch(/authorised|awaiting signatures/);
    await screenshot(employer.page, 'authorisation-07-employer-authorised');
    await employer.context.close();
    await ministry.context.close();
  });

  it('never shows one organisation’s case to another, whatever the URL', async () => {
    const { id } = await stack.submit();
    const other = await signedInAs(browser, stack.apiUrl(), 'tom.weber');
    const response = await other.page.goto(`/cases/${id}`);
    expect(response?.status()).toBe(404);
    const shown = await other.page.locator('main').textContent();
    expect(shown).not.toContain(caseReference(id));
    expect(shown).not.toContain('Roth');
    await screenshot(other.page, 'access-other-employer-404');
    await other.context.close();
  });

  it('opens the page of a task from the link in its e-mail, after signing in', async () => {
    const { id } = await stack.submit();
    const adem = await stack.openTask(stack.parties.adem, id);
    // The link ADEM's organisation was mailed, on this run's address.
    let link: URL | undefined;
    await expect
      .poll(async () => {
        const mails = (await stack.mailsTo(stack.parties.adem.organisationEmail)).filter((mail) => mail.subject.includes(caseReference(id)));
        const found = mails.map((mail) => /https?:\/\/\S+\/tasks\/\S+/.exec(mail.text)?.[0]).find(Boolean);
        link = found ? new URL(found) : undefined;
        return link?.pathname;
      }, { timeout: 20_000 })
      .toBe(`/tasks/${adem.id}`);
    const context = await browser.newContext({ baseURL: stack.apiUrl() });
    const page = await context.newPage();
    await page.goto(link!.pathname);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await page.locator('form:has(input[name="userId"][value="marie.adem"]) button').click();
    await page.waitForURL((url) => url.pathname === `/tasks/${adem.id}`);
    expect(await page.locator('select[name="outcome"]').isVisible()).toBe(true);
    await context.close();
  });

  it('is worked with the keyboard alone on a narrow screen', async () => {
    const { id } = await stack.submit();
    const task = await stack.openTask(stack.parties.school, id);
    const context = await browser.newContext({ baseURL: stack.apiUrl(), viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`/sign-in?next=${encodeURIComponent(`/tasks/${task.id}`)}`);
    await page.locator('form:has(input[name="userId"][value="claire.thionville"]) button').click();
    await page.waitForURL((url) => url.pathname === `/tasks/${task.id}`);
    // Nothing wider than the screen: no sideways scrolling.
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    // The first Tab reaches the link that skips to the content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate("document.activeElement?.getAttribute('href')")).toBe('#main');
    // Tab on to the answer, choose it with the arrows, and send the form with Enter.
    const focusedName = () => page.evaluate<string | null>("document.activeElement?.getAttribute('name')");
    for (let presses = 0; presses < 30 && (await focusedName()) !== 'outcome'; presses++) await page.keyboard.press('Tab');
    expect(await focusedName()).toBe('outcome');
    await page.keyboard.press('ArrowDown');
    expect(await page.inputValue('[name="outcome"]')).toBe('confirmed');
    await page.keyboard.press('Tab');
    expect(await focusedName()).toBe('reasons');
    // Past the comments' section (closed), to the button that sends.
    const focusedType = () => page.evaluate<string | null>("document.activeElement?.getAttribute('type')");
    for (let presses = 0; presses < 5 && (await focusedType()) !== 'submit'; presses++) await page.keyboard.press('Tab');
    expect(await focusedType()).toBe('submit');
    await screenshot(page, 'keyboard-narrow-school-task');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/cases/${id}$`));
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await screenshot(page, 'keyboard-narrow-case');
    const answered = (await stack.request(stack.parties.school, 'GET', `/v1/tasks/${task.id}`)).body;
    expect(answered.answer.outcome).toBe('confirmed');
    await context.close();
  });

  it('refuses a form posted from another site, and takes one from the public address behind a proxy', async () => {
    const { id } = await stack.submit();
    const task = await stack.openTask(stack.parties.adem, id);
    const signIn = await fetch(`${stack.apiUrl()}/sign-in`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'userId=marie.adem' });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const claim = (origin: string) =>
      fetch(`${stack.apiUrl()}/tasks/${task.id}/claim`, { method: 'POST', redirect: 'manual', headers: { cookie, origin, 'content-type': 'application/x-www-form-urlencoded' }, body: 'back=/inbox' });
    expect((await claim('https://elsewhere.example')).status).toBe(403);
    expect((await stack.request(stack.parties.adem, 'GET', `/v1/tasks/${task.id}`)).body.assignee).toBeNull();
    // The site's public address (PUBLIC_BASE_URL), as a browser behind a TLS proxy sends it.
    expect((await claim(new URL(stack.config.publicBaseUrl).origin)).status).toBe(303);
    expect((await stack.request(stack.parties.adem, 'GET', `/v1/tasks/${task.id}`)).body.assignee.id).toBe('marie.adem');
  });

  it('shows each page in the user’s language, switchable', async () => {
    const adem = await signedInAs(browser, stack.apiUrl(), 'marie.adem');
    for (const [language, inbox] of [['de', 'Eingang'], ['fr', 'Corbeille'], ['en', 'Inbox']] as const) {
      await adem.page.selectOption('select[name="language"]', language);
      await Promise.all([adem.page.waitForEvent('load'), adem.page.click('form[action="/settings/language"] button')]);
      expect(await adem.page.textContent('h1')).toContain(inbox);
      expect(await adem.page.getAttribute('html', 'lang')).toBe(language);
    }
    await adem.context.close();
  });
});
