import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.stop());

/** The page at `/docs/`, fetched without a token (as a browser does), and where it lives. */
async function docsPage(): Promise<{ url: URL; response: Response; html: string }> {
  const url = new URL('/docs/', stack.apiUrl());
  const response = await fetch(url);
  return { url, response, html: await response.text() };
}

/** Every file the page loads: its scripts' `src` and its links' `href` (style sheets, icons). */
function assetsOf(html: string): string[] {
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi)].map((match) => match[1]!);
  const links = [...html.matchAll(/<link\b[^>]*\bhref\s*=\s*["']([^"']+)["']/gi)].map((match) => match[1]!);
  return [...scripts, ...links];
}

describe('the API reference at /docs', () => {
  it('is a page whose every script and style sheet comes from the app itself', async () => {
    const { url, response, html } = await docsPage();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const assets = assetsOf(html);
    expect(assets).toEqual(expect.arrayContaining(['./swagger-ui.css', './swagger-ui-bundle.js', './swagger-ui-standalone-preset.js', './swagger-ui-init.js']));
    // No CDN: nothing names another host (not even protocol-relative `//host/…`).
    for (const asset of assets) {
      expect(asset, asset).not.toMatch(/^(https?:)?\/\//i);
      expect(new URL(asset, url).origin, asset).toBe(url.origin);
    }
    // A browser would refuse anything from elsewhere, too.
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(response.headers.get('content-security-policy')).not.toMatch(/https?:/);

    for (const asset of assets) {
      const served = await fetch(new URL(asset, url));
      expect(served.status, asset).toBe(200);
      const type = served.headers.get('content-type') ?? '';
      if (asset.endsWith('.js')) expect(type, asset).toMatch(/^(text|application)\/javascript/);
      if (asset.endsWith('.css')) expect(type, asset).toMatch(/^text\/css/);
      expect((await served.arrayBuffer()).byteLength, asset).toBeGreaterThan(0);
    }
  });

  it('loads the OpenAPI document from /v1/openapi.json, not a copy of it', async () => {
    const { url, html } = await docsPage();
    const initializer = await (await fetch(new URL('./swagger-ui-init.js', url))).text();
    expect(initializer).toContain('"swaggerUrl": "/v1/openapi.json"');
    // Inlined, the document would show its paths here.
    expect(initializer).not.toContain('/v1/cases');
    expect(html).not.toContain('/v1/cases');
    // Nor does the page hand the document's address to Swagger's online validator.
    expect(initializer).toContain('"validatorUrl": null');

    const document = await fetch(new URL('/v1/openapi.json', url));
    expect(document.status).toBe(200);
    expect(((await document.json()) as { openapi: string }).openapi).toBe('3.1.0');
  });

  it('sends /docs to /docs/, where its relative links resolve', async () => {
    const response = await fetch(new URL('/docs', stack.apiUrl()), { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/docs/');
  });

  it('answers a file it does not have with a problem document', async () => {
    const response = await fetch(new URL('/docs/nothing.js', stack.apiUrl()));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect((await fetch(new URL('/docs/package.json', stack.apiUrl()))).status).toBe(404);
  });
});
