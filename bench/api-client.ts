import type { BenchRole, BenchTarget } from './target.js';

export interface ApiReply<T = any> {
  status: number;
  body: T;
}

/** One call to the API as a simulated party. */
export async function callApi<T = any>(target: BenchTarget, role: BenchRole, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiReply<T>> {
  const response = await fetch(`${target.apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${target.tokens[role]}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

export class ApiError extends Error {}

export function expectStatus<T>(reply: ApiReply<T>, status: number, what: string): T {
  if (reply.status !== status) throw new ApiError(`${what}: ${reply.status} ${JSON.stringify(reply.body).slice(0, 300)}`);
  return reply.body;
}
