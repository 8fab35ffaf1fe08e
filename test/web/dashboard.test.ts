import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseReference } from '../../domain/case-reference.js';
import { pageTexts } from '../../web/texts.js';
import { launchBrowser, screenshot, signedInAs } from '../support/browser.js';
import { nextSchoolYearStart, startTestStack, type TestStack } from '../support/stack.js';

/**
 * The ministry's dashboard and Greater Region report in a real Chromium, and the inbox's and
 * case list's CSV exports. The demo data holds no case: the counts are of this file's three.
 */
describe('the ministry’s figures and the lists’ exports in the browser', () => {
  let stack: TestStack;
  let browser: Browser;
  /** The employer's two bakers (the first named like a spreadsheet formula) and another employer's electrician. */
  let bakers: string[];
  let electrician: string;
  const first = Number(nextSchoolYearStart().slice(0, 4));
  const schoolYear = `${first}-${first + 1}`;
  const formula = '=HYPERLINK("https://example.org","x")';

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startTestStack(), launchBrowser()]);
    const { employer, otherEmployer, adem, chamber, school } = stack.parties;
    bakers = [
      (await stack.submit({ apprentice: { ...stack.caseRequest().apprentice, givenName: formula } })).id,
      (await stack.submit()).id,
    ];
    const reply = await stack.request(otherEmployer, 'POST', '/v1/cases', {
      ...stack.caseRequest({ tradeCode: 'DAP-ELECTRICIEN', foreignSchool: { organisationId: 'bbs-trier', programme: 'Elektroniker/-in für Energie- und Gebäudetechnik' } }),
      apprentice: { ...stack.caseRequest().apprentice, residenceCountry: 'DE' },
    });
    expect(reply.status).toBe(201);
    electrician = reply.body.id;
    // Every reviewer's task recorded before anything is counted.
    const trier = await stack.asUser('jonas.trier');
    for (const id of bakers) for (const party of [adem, chamber, school]) await stack.openTask(party, id);
    for (const party of [adem, chamber, trier]) await stack.openTask(party, electrician);
    // ADEM's task in the first case is long past its due date.
    await stack.db.updateTable('tasks').set({ due_on: '2020-01-02', due_at: '2020-01-02T22:59:59.999Z' }).where('case_id', '=', bakers[0]!).where('organisation_id', '=', 'adem').execute();
    expect(employer.organisationId).toBe('boulangerie-schmit');
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const cell = (page: Page, selector: string) => page.locator(selector).first().textContent();

  it('shows the ministry what waits on whom, what is overdue, and the cases by trade, country and status', async () => {
    const ministry = await signedInAs(browser, stack.apiUrl(), 'paul.menje');
    await ministry.page.click('header nav a[href="/dashboard"]');
    await ministry.page.waitForURL((url) => url.pathname === '/dashboard');
    const { page } = ministry;
    const waiting = (organisation: string, kind: string, column: number) => cell(page, `[data-figure="waiting"] tr[data-organisation="${organisation}"][data-kind="${kind}"] td:nth-child(${column})`);
    expect([await waiting('adem', 'opinion', 3), await waiting('adem', 'opinion', 4)]).toEqual(['3', '1']);
    expect([await waiting('chambre-des-metiers', 'opinion', 3), await waiting('chambre-des-metiers', 'opinion', 4)]).toEqual(['3', '0']);
    expect(await waiting('lycee-thionville', 'enrolment', 3)).toBe('2');
    expect(await waiting('bbs-trier', 'enrolment', 3)).toBe('1');
    expect(await page.locator('[data-figure="overdue"] tbody tr').count()).toBe(1);
    expect(await cell(page, '[data-figure="overdue"] tr[data-organisation="adem"] td')).toBe('1');

    const count = (figure: string, key: string) => cell(page, `[data-figure="${figure}"] tr[data-key="${key}"] td`);
    expect([await count('cases-by-trade', 'DAP-BOULANGER'), await count('cases-by-trade', 'DAP-ELECTRICIEN')]).toEqual(['2', '1']);
    expect([await count('cases-by-country', 'FR'), await count('cases-by-country', 'DE')]).toEqual(['2', '1']);
    expect(await count('cases-by-status', 'in_review')).toBe('3');
    // Charts drawn on the server as SVG; nothing styled inline (the policy would block it).
    expect(await page.locator('svg.chart rect').count()).toBeGreaterThan(5);
    expect(await page.locator('[style]').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(0);
    // The processing times are the recognition officers' only.
    expect(await page.locator('[data-figure="processing-times"]').count()).toBe(0);
    await screenshot(page, 'dashboard-01-ministry');
    // On a phone, nothing is wider than the screen (the tables scroll within their own box).
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await screenshot(page, 'dashboard-01-ministry-phone');
    await page.setViewportSize({ width: 1280, height: 800 });

    const officer = await signedInAs(browser, stack.apiUrl(), 'claude.reding', '/dashboard');
    expect(await officer.page.locator('[data-figure="processing-times"]').count()).toBe(1);
    await officer.context.close();

    // From the dashboard to the report of the school year the cases start in.
    await page.click('main a[href="/reports/greater-region"]');
    await page.waitForURL((url) => url.pathname === '/reports/greater-region');
    await page.selectOption('select[name="schoolYear"]', schoolYear);
    await Promise.all([page.waitForURL((url) => url.searchParams.get('schoolYear') === schoolYear), page.click('form.filters button[type="submit"]')]);
    expect(await page.textContent('h1')).toContain(schoolYear);
    expect(await page.textContent('[data-field="total"]')).toContain(': 3.');
    expect(await cell(page, '[data-section="byOutcome"] tr[data-key="in_review"] td')).toBe('3');
    expect(await cell(page, '[data-section="byTrade"] tr[data-key="DAP-BOULANGER"] td')).toBe('2');
    expect(await cell(page, '[data-section="byResidenceCountry"] tr[data-key="DE"] td')).toBe('1');
    expect(await cell(page, '[data-section="bySchoolCountry"] tr[data-key="FR"] td')).toBe('2');
    expect(await cell(page, '[data-section="byChamber"] tr[data-key="chambre-des-metiers"] td')).toBe('3');
    expect(await page.locator('[data-section] svg.chart').count()).toBe(5);
    expect(await page.locator('[style]').count()).toBe(0);
    await screenshot(page, 'dashboard-02-greater-region-report');

    // Its links download the same report with the session, as CSV and as JSON.
    const csv = await ministry.context.request.get((await page.getAttribute('a[href^="/reports/greater-region.csv"]', 'href'))!);
    expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
    expect((await csv.text()).split('\r\n')).toEqual(expect.arrayContaining(['all,,,3,3,0,0,0,0', 'trade,DAP-BOULANGER,Baker-confectioner (DAP),2,2,0,0,0,0']));
    const json = await ministry.context.request.get((await page.getAttribute('a[href^="/reports/greater-region.json"]', 'href'))!);
    expect(await json.json()).toMatchObject({ schoolYear, total: 3 });
    await ministry.context.close();
  });

  it('shows an employer no dashboard and no report: 403', async () => {
    const employer = await signedInAs(browser, stack.apiUrl(), 'anne.schmit');
    expect(await employer.page.locator('a[href="/dashboard"]').count()).toBe(0);
    for (const path of ['/dashboard', `/reports/greater-region?schoolYear=${schoolYear}`, `/reports/greater-region.csv?schoolYear=${schoolYear}`]) {
      const response = await employer.page.goto(path);
      expect(response?.status(), path).toBe(403);
    }
    expect(await employer.page.textContent('h1')).toContain('Not allowed');
    expect(await employer.page.textContent('main')).not.toContain('DAP-BOULANGER');
    await employer.context.close();
  });

  it('downloads the inbox as CSV with the tasks it shows', async () => {
    const adem = await signedInAs(browser, stack.apiUrl(), 'marie.adem');
    const t = pageTexts('fr');
    const [download] = await Promise.all([adem.page.waitForEvent('download'), adem.page.click('main a[href^="/inbox.csv"]')]);
    expect(download.suggestedFilename()).toMatch(/^inbox-\d{4}-\d{2}-\d{2}\.csv$/);
    const records = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '').split('\r\n');
    expect(records[0]).toBe([t('inbox.case'), t('inbox.kind'), t('cases.status'), t('inbox.due'), t('inbox.overdue'), t('inbox.assignee')].join(','));
    const ofCase = (id: string) => records.find((record) => record.startsWith(`${caseReference(id)},`));
    expect(ofCase(bakers[0]!)).toBe(`${caseReference(bakers[0]!)},${t('kind.opinion')},${t('status.open')},2020-01-02,${t('inbox.overdue')},`);
    expect(ofCase(electrician)).toMatch(new RegExp(`^${caseReference(electrician)},${t('kind.opinion')},${t('status.open')},\\d{4}-\\d{2}-\\d{2},,$`));
    // Three tasks, the header, and the CRLF that ends the last record.
    expect(records).toHaveLength(5);
    await adem.context.close();
  });

  it('downloads the case list as CSV with the same filter and access, a formula-like name defused', async () => {
    const employer = await signedInAs(browser, stack.apiUrl(), 'anne.schmit', '/cases?status=in_review');
    const href = await employer.page.getAttribute('main a[href^="/cases.csv"]', 'href');
    expect(href).toBe('/cases.csv?status=in_review');
    const response = await employer.context.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="cases-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = await response.text();
    // The other employer's case is not the employer's to see.
    expect(text).not.toContain(caseReference(electrician));
    for (const id of bakers) expect(text).toContain(caseReference(id));
    // Quoted for its comma and quotes, with an apostrophe so that no spreadsheet runs it.
    expect(text).toContain(`"'=HYPERLINK(""https://example.org"",""x"") Roth"`);
    const withdrawnOnly = await employer.context.request.get('/cases.csv?status=withdrawn');
    expect((await withdrawnOnly.text()).replace(/^\uFEFF/, '').split('\r\n')).toHaveLength(2);
    await employer.context.close();
  });
});
