import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerNames, everyCaller, type CallerName } from '../support/every-caller.js';
import { createKnownObjects, type KnownObjects } from '../support/known-objects.js';
import { operations, parametersIn, type Operation } from '../support/openapi-operations.js';
import { expectProblem, sendRaw } from '../support/problem-answers.js';
import { startTestStack, type Party, type Reply, type TestStack } from '../support/stack.js';
import { settledTableCounts, tableCounts } from '../support/table-counts.js';

/**
 * SQL injection in every query parameter of every read of the OpenAPI document (its filters,
 * searches, cursors and dates), and in the ids of its paths, by every kind of caller: each
 * answer is a refusal of the value (400), a refusal of the caller (403) or an ordinary answer
 * (200) that shows no row the caller does not see without it, never a 5xx; and every table
 * is there afterwards with the rows it had.
 */

let stack: TestStack;
let known: KnownObjects;
let callers: Record<CallerName, Party>;
let before: Record<string, number>;
let users: unknown[];

beforeAll(async () => {
  stack = await startTestStack();
  callers = await everyCaller(stack);
  known = await createKnownObjects(stack, callers.applicant);
  before = await settledTableCounts(stack.db);
  users = await stack.db.selectFrom('users').selectAll().orderBy('id').execute();
});
afterAll(() => stack.stop());

const cursorOf = (position: unknown) => Buffer.from(JSON.stringify(position)).toString('base64url');

/** Classic payloads, with the quotes a keyboard or a copy-paste gives instead of the ASCII one. */
const payloads = [
  "' OR 1=1 --",
  "' OR '1'='1",
  "'; DROP TABLE cases; --",
  "'; DROP TABLE tasks; --",
  '1) UNION SELECT id, request::text FROM cases --',
  "1' UNION SELECT NULL, NULL, NULL --",
  "x' AND 1=(SELECT COUNT(*) FROM users) --",
  "'; UPDATE users SET is_supervisor = true; --",
  "'; SELECT pg_sleep(1); --",
  '$$; DROP TABLE recognitions; $$',
  '\u2019 OR 1=1 --',
  '\u02bc OR \u02bc1\u02bc=\u02bc1',
  '\uff07 OR 1=1 --',
  "' OR 1=1\u0000",
  '\u0000',
  '%',
  '_',
  '*',
  "FR' OR residence_country <> 'FR",
  '" OR ""="',
  '\\',
  "\\'; DROP TABLE cases; --",
  'null',
  '-1 OR 1=1',
  '2027-01-01\' OR \'1\'=\'1',
  cursorOf({ t: '2026-01-01T00:00:00.000000Z', i: "x' OR '1'='1" }),
  cursorOf({ t: "2026-01-01T00:00:00.000000Z' OR 1=1 --", i: 'x' }),
  cursorOf({ t: '2026-01-01T00:00:00.000000Z', i: "'; DROP TABLE cases; --" }),
];

/** The ids a list answer shows: cases, tasks, recognitions, organisations. */
const idsIn = (reply: Reply): string[] => (Array.isArray(reply.body?.items) ? reply.body.items.map((item: { id: string }) => item.id) : []);

/** Everything the caller sees in a list without a filter: its whole scope (every status of tasks, the largest page). */
async function visibleWithoutFilter(party: Party, operation: Operation): Promise<Set<string>> {
  const query = new URLSearchParams();
  if (parametersIn(operation, 'query').includes('limit')) query.set('limit', '200');
  if (operation.path === '/v1/tasks') query.set('status', 'all');
  const reply = await sendRaw(stack.apiUrl(), party, 'GET', `${operation.path}?${query}`);
  return new Set(idsIn(reply));
}

describe('SQL injection', () => {
  it('in every query parameter of every read, by every caller: a 400, a 403 or an ordinary answer within the caller’s own scope', async () => {
    const reads = (await operations(stack)).filter((o) => o.method === 'GET' && parametersIn(o, 'query').length > 0);
    expect(reads.map((o) => o.path)).toEqual(expect.arrayContaining(['/v1/cases', '/v1/tasks', '/v1/recognitions', '/v1/organisations', '/v1/recognitions/processing-times']));
    let sent = 0;
    for (const operation of reads) {
      const path = operation.path.replace('{table}', 'trades');
      for (const caller of callerNames) {
        const party = callers[caller];
        const scope = await visibleWithoutFilter(party, { ...operation, path });
        for (const name of parametersIn(operation, 'query')) {
          for (const payload of payloads) {
            const reply = await sendRaw(stack.apiUrl(), party, 'GET', `${path}?${name}=${encodeURIComponent(payload)}`);
            sent++;
            const what = `${caller} GET ${path}?${name}=${payload} → ${reply.status} ${JSON.stringify(reply.body).slice(0, 300)}`;
            expect([200, 400, 403], what).toContain(reply.status);
            if (reply.status !== 200) {
              expectProblem(reply, what);
              continue;
            }
            const extra = idsIn(reply).filter((id) => !scope.has(id));
            expect(extra, what).toEqual([]);
          }
        }
      }
    }
    expect(sent).toBeGreaterThan(1_000);
    expect(await tableCounts(stack.db)).toEqual(before);
  });

  it('in the ids of every read path: never found, never a 5xx', async () => {
    const reads = (await operations(stack)).filter((o) => o.method === 'GET' && parametersIn(o, 'path').length > 0);
    for (const operation of reads) {
      for (const payload of payloads) {
        const path = operation.path.replace(/\{(\w+)\}/g, () => encodeURIComponent(payload));
        const reply = await sendRaw(stack.apiUrl(), operation.isPublic ? undefined : callers.ministry, 'GET', path);
        const what = `GET ${path} → ${reply.status} ${JSON.stringify(reply.body).slice(0, 300)}`;
        expect([400, 404], what).toContain(reply.status);
        expectProblem(reply, what);
      }
    }
    expect(await tableCounts(stack.db)).toEqual(before);
    // The known objects are still there, and no one was made a supervisor.
    expect(await stack.db.selectFrom('cases').select('id').where('id', '=', known.case).execute()).toHaveLength(1);
    expect(await stack.db.selectFrom('users').selectAll().orderBy('id').execute()).toEqual(users);
  });
});
