/**
 * A quick before/after probe for a stack started with `npm start` (not the benchmark suite of
 * bench/): submits CASES cases from CLIENTS concurrent clients through the API and drives each
 * through the three answers and the ministry's decision, then leaves WAITING cases open and reads
 * the stack process's resident memory before and after (STACK_PID).
 *
 *   DATA_DIR=… API_URL=http://localhost:3000 STACK_PID=… CASES=30 CLIENTS=8 WAITING=200 npx tsx scripts/perf-probe.ts
 */
import { readFileSync } from 'node:fs';
import { loadConfig } from '../infra/config.js';
import { loadDevIssuer } from '../infra/dev-issuer.js';
import { sampleRequest } from '../test/support/sample-request.js';

const config = loadConfig();
const api = process.env.API_URL ?? `http://localhost:${config.PORT}`;
const cases = Number(process.env.CASES ?? 30);
const clients = Number(process.env.CLIENTS ?? 8);
const waiting = Number(process.env.WAITING ?? 0);
const stackPid = process.env.STACK_PID;

const issuer = await loadDevIssuer({ dataDir: config.dataDir, issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE });
const tokens = Object.fromEntries(
  await Promise.all(['anne.schmit', 'marie.adem', 'jos.cdm', 'claire.thionville', 'paul.menje'].map(async (user) => [user, await issuer.issueToken(user)] as const)),
);

async function call(user: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const reply = await fetch(`${api}${path}`, {
    method,
    headers: { authorization: `Bearer ${tokens[user]}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await reply.text();
  return { status: reply.status, body: text ? JSON.parse(text) : undefined };
}

async function timed<T>(into: number[], work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    into.push(performance.now() - start);
  }
}

const run = `${Date.now()}`;
// A request open for submission now: the next school year's.
const request = (n: number) => sampleRequest({ startDate: '2027-09-01', tutor: { name: `Tutor ${n}` } });

const submits: number[] = [];
const completions: number[] = [];

async function submit(n: number): Promise<{ id: string; tasks: { id: string; party: string; kind: string }[] }> {
  const reply = await timed(submits, () => call('anne.schmit', 'POST', '/v1/cases', request(n), { 'idempotency-key': `probe-${run}-${n}` }));
  if (reply.status !== 201) throw new Error(`submit ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

async function complete(user: string, taskId: string, answer: unknown) {
  const reply = await timed(completions, () => call(user, 'POST', `/v1/tasks/${encodeURIComponent(taskId)}/complete`, answer));
  if (reply.status !== 200) throw new Error(`complete ${reply.status} ${JSON.stringify(reply.body)}`);
}

async function decisionTask(caseId: string): Promise<string> {
  for (;;) {
    const reply = await call('paul.menje', 'GET', '/v1/tasks?scope=organisation&kind=decision');
    const task = reply.body.items.find((t: { caseId: string }) => t.caseId === caseId);
    if (task) return task.id;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const answerer: Record<string, [string, unknown]> = {
  adem: ['marie.adem', { outcome: 'favourable', reasons: 'Fine' }],
  chamber: ['jos.cdm', { outcome: 'favourable', reasons: 'Fine' }],
  foreign_school: ['claire.thionville', { outcome: 'confirmed' }],
};

async function oneCase(n: number): Promise<void> {
  const submitted = await submit(n);
  for (const task of submitted.tasks) {
    const [user, answer] = answerer[task.party]!;
    await complete(user, task.id, answer);
  }
  await complete('paul.menje', await decisionTask(submitted.id), { outcome: 'authorised' });
}

async function pool(count: number, work: (n: number) => Promise<void>): Promise<number> {
  let next = 0;
  const start = performance.now();
  await Promise.all(Array.from({ length: clients }, async () => {
    while (next < count) await work(next++);
  }));
  return (performance.now() - start) / 1000;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN);
}

function rssMb(): number | undefined {
  if (!stackPid) return undefined;
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${stackPid}/status`, 'utf8'))?.[1];
  return kb ? Math.round(Number(kb) / 1024) : undefined;
}

const seconds = await pool(cases, oneCase);
console.log(JSON.stringify({ cases, clients, seconds: +seconds.toFixed(1), casesPerSecond: +(cases / seconds).toFixed(2) }));
console.log(JSON.stringify({ submit: { p50: percentile(submits, 50), p95: percentile(submits, 95) }, complete: { p50: percentile(completions, 50), p95: percentile(completions, 95) } }));

if (waiting > 0) {
  const before = rssMb();
  submits.length = 0;
  await pool(waiting, async (n) => void (await submit(cases + n)));
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  const after = rssMb();
  console.log(JSON.stringify({ waiting, rssBeforeMb: before, rssAfterMb: after, perCaseMb: before && after ? +((after - before) / waiting).toFixed(2) : undefined, submitP50: percentile(submits, 50) }));
}
