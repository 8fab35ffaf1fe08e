import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type RunningApi } from '../../infra/api-server.js';
import { createLogger } from '../../infra/logger.js';
import { startTestStack, type Party, type Reply, type TestStack } from '../support/stack.js';

/**
 * Hostile input against every operation of the OpenAPI document, as a client outside would
 * send it: malformed, oversized, wrongly typed, boundary and control-character bodies, path
 * ids and query values, with a valid token of a party that may call the operation. Every
 * answer is a 4xx problem document or a success, never a 5xx, and nothing is written.
 */

let stack: TestStack;
/** An API of this file's own on the stack, for requests the stack's helper cannot send (raw bodies). */
let api: RunningApi;
/** Ids that exist, so hostile bodies reach the routes' own validation. */
const known: Record<string, string> = {};

beforeAll(async () => {
  stack = await startTestStack();
  api = await startApi(stack.config, createLogger(process.env.TEST_LOG_LEVEL ?? 'silent', 'hostile-input'));
  // The one deliberately valid write: a case, so ids exist. Its tasks open before anything is counted.
  const submitted = await stack.submit();
  for (const party of [stack.parties.adem, stack.parties.chamber, stack.parties.school]) await stack.openTask(party, submitted.id);
  known.case = submitted.id;
  known.task = (await stack.openTask(stack.parties.adem, submitted.id)).id;
});
afterAll(async () => {
  await api?.stop();
  await stack.stop();
});

const seed = 20_261_123;
const runsPerOperation = 25;

interface Operation {
  method: string;
  path: string;
  parameters: { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema: JsonSchema }[];
  body: JsonSchema | undefined;
}

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  format?: string;
  minimum?: number;
}

async function operations(): Promise<Operation[]> {
  const document = (await stack.request(undefined, 'GET', '/v1/openapi.json')).body;
  return Object.entries(document.paths as Record<string, Record<string, any>>).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      parameters: operation.parameters ?? [],
      body: operation.requestBody?.content?.['application/json']?.schema,
    })),
  );
}

/** A party allowed to call the operation, so the request gets past authorisation. */
function callerFor({ method, path }: Operation): Party {
  if (path.startsWith('/v1/reference') && method === 'POST') return stack.parties.ministry;
  // marie.adem supervises ADEM's queue and holds the known task.
  if (path.startsWith('/v1/tasks')) return stack.parties.adem;
  return stack.parties.employer;
}

function validPathValue(name: string, path: string): string {
  if (name === 'table') return 'trades';
  return path.startsWith('/v1/tasks') ? known.task! : known.case!;
}

/** A value shaped as the schema asks: the base that a hostile mutation breaks in one place. */
function sampleOf(schema: JsonSchema): unknown {
  if (schema.enum) return schema.enum[0];
  const variant = schema.anyOf?.[0] ?? schema.oneOf?.[0];
  if (variant) return sampleOf(variant);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, value]) => [key, sampleOf(value)]));
    case 'array':
      return [sampleOf(schema.items ?? {})];
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    default:
      if (schema.format === 'date') return '2027-09-01';
      if (schema.format === 'email') return 'someone@example.lu';
      // Long enough for every minimum length, so a broken place is the only thing wrong.
      return 'sample';
  }
}

/** Where a value can be replaced: every leaf and every object or array on the way. */
function placesIn(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [path];
  return [path, ...Object.entries(value).flatMap(([key, child]) => placesIn(child, [...path, Array.isArray(value) ? Number(key) : key]))];
}

function replaced(value: unknown, path: (string | number)[], by: unknown): unknown {
  if (!path.length) return by;
  const [head, ...rest] = path;
  const copy: any = Array.isArray(value) ? [...value] : { ...(value as object) };
  copy[head!] = replaced(copy[head!], rest, by);
  return copy;
}

/** Text no field takes: the database cannot hold NUL, and no one types the others. */
const controlText = fc
  .tuple(fc.string({ maxLength: 20 }), fc.constantFrom('\u0000', '\u0001', '\u001b', '\u007f', '\u0085', '\ud800', '\udfff'), fc.string({ maxLength: 20 }))
  .map(([before, bad, after]) => `${before}${bad}${after}`);

/** A value that cannot stand where `original` stood: the wrong type, or text with a forbidden character. */
function wrongFor(original: unknown): fc.Arbitrary<unknown> {
  if (typeof original === 'string') {
    // A date in a year PostgreSQL has no day for (there is no year 0); the others are no dates at all.
    const date = /^\d{4}-\d{2}-\d{2}$/.test(original) ? [fc.constantFrom('0000-01-01', '0000-02-29', '2027-02-30', '+02027-09-01')] : [];
    return fc.oneof(controlText, fc.integer(), fc.constant(true), fc.constant([]), fc.constant({}), fc.constant(1e308), fc.constant(-0), ...date);
  }
  if (typeof original === 'number') {
    return fc.oneof(fc.constant('12'), fc.constant('1e309'), controlText, fc.constant([1]), fc.constant({}), fc.constant(false));
  }
  if (typeof original === 'boolean') return fc.oneof(fc.constant('true'), fc.constant(1), controlText);
  if (Array.isArray(original)) return fc.oneof(fc.constant({}), fc.constant('[]'), fc.integer(), controlText.map((text) => [text]));
  return fc.oneof(fc.constant([]), fc.constant('{}'), fc.integer(), controlText.map((text) => ({ [text]: 1 })));
}

/** Percent-encoded bytes: invalid UTF-8, NUL, encoded slashes and dots, as a client may send them. */
const rawBytes = fc.uint8Array({ minLength: 1, maxLength: 24 }).map((bytes) => [...bytes].map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join(''));
const cursorOf = (position: unknown) => Buffer.from(JSON.stringify(position)).toString('base64url');

/** Path ids this issue's run found, then generated ones. */
const hostileIds = fc.oneof(
  fc.constantFrom('%FF', '%00', 'a%00b', '%C0%AE', '%ED%A0%80', '%E2%80%AE', '..', '%2e%2e', '%2F', 'null', '-1', '0', '00000000-0000-0000-0000-000000000000', 'x'.repeat(2_000)),
  rawBytes,
  fc.uuid().map((id) => `${id}%00`),
);

/** Query values this issue's run found, then generated ones. */
const hostileQueryValues = fc.oneof(
  fc.constantFrom(
    '%00',
    '0000-01-01',
    '0000-02-29',
    '9999-12-31',
    '-1',
    '0',
    '1e309',
    '99999999999999999999',
    '%FF',
    cursorOf({ t: '2026-01-01T00:00:00.000000Z', i: 'a\u0000b' }),
    cursorOf({ t: '0000-01-01T00:00:00.000000Z', i: 'x' }),
    cursorOf({ t: 'yesterday', i: 1 }),
    'x'.repeat(4_000),
  ),
  rawBytes,
);

const before: Record<string, number> = {};
const countedTables = ['cases', 'case_revisions', 'tasks', 'events', 'reference_versions'] as const;

async function counts(): Promise<Record<string, number>> {
  const entries = await Promise.all(
    countedTables.map(async (table) => {
      const { count } = await stack.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
      return [table, Number(count)] as const;
    }),
  );
  return Object.fromEntries(entries);
}

function expectAnswered(reply: Reply, what: string) {
  expect(reply.status, what).toBeLessThan(500);
  if (reply.status >= 400) {
    expect(reply.headers.get('content-type'), what).toContain('application/problem+json');
    expect(reply.body, what).toMatchObject({ status: reply.status, title: expect.any(String) });
  }
}

/** Sends without the helper's JSON handling: raw bodies, any headers, a reply that may not be JSON. */
async function send(party: Party, method: string, path: string, body?: string | Buffer, headers: Record<string, string> = {}): Promise<Reply> {
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${party.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body,
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

function pathWith(operation: Operation, values: Record<string, string>): string {
  return operation.path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? validPathValue(name, operation.path));
}

function headersFor(operation: Operation): Record<string, string> {
  // If-Match names the revision the known case is at, so an amendment reaches its body.
  return Object.fromEntries(operation.parameters.filter((p) => p.in === 'header' && p.name === 'If-Match').map((p) => [p.name, '"1"']));
}

describe('hostile input against every operation of the OpenAPI document', () => {
  it('answers each with a 4xx problem or a success, never a 5xx, and writes nothing', async () => {
    const all = await operations();
    expect(all.length).toBeGreaterThanOrEqual(14);
    Object.assign(before, await counts());

    for (const operation of all) {
      const party = callerFor(operation);
      const headers = headersFor(operation);
      const pathParameters = operation.parameters.filter((p) => p.in === 'path').map((p) => p.name);
      const queryParameters = operation.parameters.filter((p) => p.in === 'query').map((p) => p.name);

      // Path ids: never one that exists, so nothing is claimed or answered.
      if (pathParameters.length) {
        await fc.assert(
          fc.asyncProperty(hostileIds, async (id) => {
            const path = pathWith(operation, Object.fromEntries(pathParameters.map((name) => [name, id])));
            const body = operation.body ? JSON.stringify(sampleOf(operation.body)) : undefined;
            expectAnswered(await send(party, operation.method, path, body, headers), `${operation.method} ${path}`);
          }),
          { seed, numRuns: runsPerOperation },
        );
      }

      // Query values, on the operations that read.
      if (queryParameters.length && operation.method === 'GET') {
        await fc.assert(
          fc.asyncProperty(fc.constantFrom(...queryParameters), hostileQueryValues, fc.boolean(), async (name, value, twice) => {
            const query = `${name}=${value}${twice ? `&${name}=${value}` : ''}`;
            const path = `${pathWith(operation, {})}?${query}`;
            expectAnswered(await send(party, operation.method, path, undefined, headers), `${operation.method} ${path}`);
          }),
          { seed, numRuns: runsPerOperation },
        );
      }

      // Bodies shaped as the document says, broken in one place.
      if (operation.body) {
        const sample = sampleOf(operation.body);
        const places = placesIn(sample);
        const broken = fc
          .constantFrom(...places)
          .chain((place) => wrongFor(place.reduce<any>((value, key) => value[key], sample)).map((wrong) => replaced(sample, place, wrong)));
        await fc.assert(
          fc.asyncProperty(broken, async (body) => {
            const path = pathWith(operation, {});
            expectAnswered(await send(party, operation.method, path, JSON.stringify(body), headers), `${operation.method} ${path} ${JSON.stringify(body).slice(0, 200)}`);
          }),
          { seed, numRuns: runsPerOperation },
        );

        // Bodies that are not JSON requests at all.
        const unreadable: [string | Buffer, Record<string, string>][] = [
          ['{', {}],
          ['{"a":', {}],
          ['\u0000', {}],
          ['[]', {}],
          ['"text"', {}],
          ['null', {}],
          ['1e999', {}],
          [`${'['.repeat(100_000)}${']'.repeat(100_000)}`, {}],
          [`{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`, {}],
          [JSON.stringify({ padding: 'x'.repeat(1_100_000) }), {}],
          [JSON.stringify(sample), { 'content-type': 'application/json; charset=latin1' }],
          [JSON.stringify(sample), { 'content-type': 'application/json; charset=utf-16' }],
          [JSON.stringify(sample), { 'content-type': 'text/plain' }],
          [JSON.stringify(sample), { 'content-encoding': 'x-unknown' }],
          [JSON.stringify(sample), { 'content-encoding': 'gzip' }],
          [gzipSync(JSON.stringify(sample)).subarray(0, 20), { 'content-encoding': 'gzip' }],
          [Buffer.from([0xff, 0xfe, 0x7b, 0x7d]), {}],
        ];
        for (const [body, extra] of unreadable) {
          const path = pathWith(operation, {});
          expectAnswered(await send(party, operation.method, path, body, { ...headers, ...extra }), `${operation.method} ${path} ${JSON.stringify(extra)} ${String(body).slice(0, 40)}`);
        }
      }
    }

    expect(await counts()).toEqual(before);
  });

  it('answers the cases this issue found', async () => {
    const { adem, employer } = stack.parties;
    const request = stack.caseRequest();
    const replies = [
      await stack.request(employer, 'POST', '/v1/cases', { ...request, apprentice: { ...request.apprentice, givenName: 'Le\u0000na' } }),
      await stack.request(employer, 'GET', '/v1/cases/%FF'),
      await stack.request(adem, 'GET', '/v1/tasks/%00'),
      await stack.request(adem, 'POST', `/v1/tasks/${known.task}/assign`, { userId: 'marie\u0000.adem' }),
      await stack.request(adem, 'GET', '/v1/tasks?dueBefore=0000-01-01'),
      await stack.request(adem, 'GET', `/v1/tasks?cursor=${cursorOf({ t: '0000-01-01T00:00:00.000000Z', i: 'x' })}`),
      await stack.request(employer, 'POST', '/v1/cases', JSON.stringify(request), { 'content-type': 'application/json; charset=latin1' }),
      await stack.request(employer, 'POST', '/v1/cases', JSON.stringify(request), { 'content-encoding': 'gzip' }),
      // A year 0 in an otherwise valid publication.
      await stack.request(stack.parties.ministry, 'POST', '/v1/reference/trades/versions', {
        validFrom: '0000-01-01',
        legalReference: 'Règlement grand-ducal (test)',
        rows: [{ code: 'DAP-TEST', names: { fr: 'Test', de: 'Test', en: 'Test' }, chamberOrganisationId: null, qualification: 'DAP', standardDurationYears: 3, minDurationMonths: 36, maxDurationMonths: 36, crossBorderListed: true }],
      }),
    ];
    for (const reply of replies) {
      expect(reply.status).toBeGreaterThanOrEqual(400);
      expectAnswered(reply, JSON.stringify(reply.body));
    }
    expect(await counts()).toEqual(before);
  });
});
