import { expect } from 'vitest';
import type { Party, Reply } from './stack.js';

/**
 * A refusal as RFC 9457 problem details that say what is wrong; a 400 about fields lists
 * them as JSON pointers into the body or the query.
 */
export function expectProblem(reply: Reply, what: string): void {
  expect(reply.status, what).toBeGreaterThanOrEqual(400);
  expect(reply.status, what).toBeLessThan(500);
  expect(reply.headers.get('content-type'), what).toContain('application/problem+json');
  expect(reply.body, what).toMatchObject({ type: expect.any(String), title: expect.any(String), status: reply.status, detail: expect.stringMatching(/\S/) });
  if (reply.status === 400 && reply.body.title === 'Invalid request') {
    expect(reply.body.errors, what).toEqual(expect.arrayContaining([{ pointer: expect.stringMatching(/^#\//), detail: expect.any(String) }]));
  }
}

/** Sends as a client outside would: raw bodies, any headers, a reply that may not be JSON. */
export async function sendRaw(baseUrl: string, party: Party | undefined, method: string, path: string, body?: string | Buffer, headers: Record<string, string> = {}): Promise<Reply> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...(party ? { authorization: `Bearer ${party.token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: typeof body === 'string' || body === undefined ? body : new Uint8Array(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // Left as text: a problem answer would be JSON, and the assertion says so.
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

/** A problem's body without `instance`, which names the URL asked for: what else it says must not tell two ids apart. */
export const withoutInstance = ({ instance: _instance, ...body }: Record<string, unknown>) => body;
