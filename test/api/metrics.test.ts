import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.stop());

/** The API's `/metrics`, as a Prometheus scraper reads it. */
async function scrape(): Promise<{ status: number; type: string | null; text: string }> {
  const response = await fetch(`${stack.apiUrl()}/metrics`);
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

/** The `_count` series of the request histogram, as `{ labels: count }`. */
function requestCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [, labels, count] of text.matchAll(/^http_request_duration_seconds_count\{([^}]*)\} (\d+)$/gm)) counts.set(labels!, Number(count));
  return counts;
}

describe('the API\'s metrics', () => {
  it('counts requests by method, route pattern and status, never by the case\'s id', async () => {
    const { id } = await stack.submit();
    for (let i = 0; i < 3; i++) expect((await stack.request(stack.parties.employer, 'GET', `/v1/cases/${id}`)).status).toBe(200);
    expect((await stack.request(stack.parties.otherEmployer, 'GET', `/v1/cases/${id}`)).status).toBe(404);
    expect((await stack.request(stack.parties.employer, 'GET', '/v1/no-such-thing')).status).toBe(404);

    const { status, type, text } = await scrape();
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(text).toContain('# TYPE http_request_duration_seconds histogram');
    const counts = requestCounts(text);
    expect(counts.get('method="POST",route="/v1/cases",status="201"')).toBe(1);
    expect(counts.get('method="GET",route="/v1/cases/:id",status="200"')).toBe(3);
    expect(counts.get('method="GET",route="/v1/cases/:id",status="404"')).toBe(1);
    expect(counts.get('method="GET",route="(unmatched)",status="404"')).toBe(1);
    expect(text).toMatch(/^http_request_duration_seconds_bucket\{le="0\.1",method="GET",route="\/v1\/cases\/:id",status="200"\} \d+$/m);
    expect(text).not.toContain(id);
    expect(text).not.toContain('no-such-thing');
  });

  it('names the pattern of a route nested under a case, and of a task', async () => {
    const { id } = await stack.submit();
    const task = await stack.openTask(stack.parties.adem, id);
    expect((await stack.complete(stack.parties.adem, task.id, { outcome: 'favourable', reasons: 'Fine' })).status).toBe(200);
    expect((await stack.request(stack.parties.employer, 'GET', `/v1/cases/${id}/history`)).status).toBe(200);

    const counts = requestCounts((await scrape()).text);
    expect([...counts.keys()].filter((labels) => labels.includes('/complete'))).toEqual(['method="POST",route="/v1/tasks/:id/complete",status="200"']);
    expect(counts.get('method="GET",route="/v1/cases/:id/history",status="200"')).toBe(1);
    expect([...counts.keys()].join('\n')).not.toContain(task.id);
  });

  it('carries the process metrics, and needs no token (it is not under /v1)', async () => {
    const { text } = await scrape();
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_p99_seconds /m);
  });
});
