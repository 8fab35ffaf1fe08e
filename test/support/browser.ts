import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium: no browser can be downloaded here, so the test set-up installs the distribution's. */
export const chromiumPath = '/usr/bin/chromium';

/** Installs Debian's Chromium once when it is missing (as root, as the machines run the tests). */
export async function ensureChromium(): Promise<void> {
  if (existsSync(chromiumPath)) return;
  if (process.getuid?.() !== 0) throw new Error(`${chromiumPath} is missing: install Debian's chromium package (apt-get install chromium) to run the browser tests`);
  const run = promisify(execFile);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  console.log('Installing Debian’s Chromium for the browser tests, once…');
  await run('apt-get', ['update', '-qq'], { env, maxBuffer: 64 * 1024 * 1024 });
  await run('apt-get', ['install', '-y', '-qq', 'chromium'], { env, maxBuffer: 64 * 1024 * 1024 });
}

/** Headless, as root, with no call to Google's services (the machines' network refuses them). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Where the browser tests keep their screenshots: artefacts of the run, not of the repository. */
export const screenshotFolder = path.resolve('test-results', 'screenshots');

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotFolder, { recursive: true });
  await page.screenshot({ path: path.join(screenshotFolder, `${name}.png`), fullPage: true });
}

/** A browser context signed in as a demo user through the sign-in page, as a person would. */
export async function signedInAs(browser: Browser, baseUrl: string, userId: string, startAt = '/inbox'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: baseUrl });
  const page = await context.newPage();
  await page.goto(startAt);
  await page.locator(`form:has(input[name="userId"][value="${userId}"]) button`).click();
  await page.waitForURL((url) => url.pathname === startAt.split('?')[0]);
  return { context, page };
}
