import { randomUUID } from 'node:crypto';
import { sampleRequest } from '../test/support/sample-request.js';
import { callApi, expectStatus } from './api-client.js';
import { runConcurrently, sleep, summarise, timed, type LatencySummary } from './stats.js';
import type { BenchRole, BenchTarget } from './target.js';

/** Where a case has got once the ministry has authorised it (the contract phase follows at once). */
const authorisedStatuses = new Set(['authorised', 'awaiting_signatures']);

/** The three parties that answer in parallel, and what each says. */
const reviewers: { role: BenchRole; answer: Record<string, string> }[] = [
  { role: 'adem', answer: { outcome: 'favourable', reasons: 'Fine' } },
  { role: 'chamber', answer: { outcome: 'favourable', reasons: 'Fine' } },
  { role: 'school', answer: { outcome: 'confirmed' } },
];

interface Samples {
  submit: number[];
  /** Submissions sent again after a 503. */
  submitRetries: number;
  inbox: number[];
  complete: number[];
  case: number[];
}

export interface ThroughputResult {
  cases: number;
  users: number;
  authorised: number;
  failures: string[];
  /** Submissions answered 503 (not recorded within SUBMIT_TIMEOUT) and sent again with their Idempotency-Key. */
  submitRetries: number;
  wallMs: number;
  casesPerSecond: number;
  /** Milliseconds, per request (submit with its retries, inbox listing, task completion) and per whole case. */
  latency: { submit: LatencySummary; inbox: LatencySummary; complete: LatencySummary; case: LatencySummary };
  /** Ids of the cases that reached the decision. */
  caseIds: string[];
}

/** A valid request, its apprentice distinct per case, starting next school year (its requests are open now). */
function benchRequest() {
  const start = `${new Date().getUTCFullYear() + 1}-09-01`;
  const base = sampleRequest();
  return sampleRequest({ startDate: start, proposedMonthlyAllowanceCents: 160_000, apprentice: { ...base.apprentice, email: `bench.${randomUUID().slice(0, 8)}@example.fr` } });
}

/** The party's open task in the case, listing its inbox until the task shows. */
async function openTask(target: BenchTarget, role: BenchRole, caseId: string, samples: Samples): Promise<{ id: string }> {
  const deadline = Date.now() + 60_000;
  for (let wait = 20; ; wait = Math.min(wait * 2, 200)) {
    const reply = await timed(samples.inbox, () => callApi(target, role, 'GET', '/v1/tasks'));
    const { items } = expectStatus<{ items: { id: string; caseId: string }[] }>(reply, 200, `${role} inbox`);
    const task = items.find((t) => t.caseId === caseId);
    if (task) return task;
    if (Date.now() > deadline) throw new Error(`no open task for ${role} in case ${caseId}`);
    await sleep(wait);
  }
}

async function answer(target: BenchTarget, role: BenchRole, caseId: string, body: unknown, samples: Samples): Promise<void> {
  const task = await openTask(target, role, caseId, samples);
  const reply = await timed(samples.complete, () => callApi(target, role, 'POST', `/v1/tasks/${encodeURIComponent(task.id)}/complete`, body));
  expectStatus(reply, 200, `${role} completing ${task.id}`);
}

/**
 * Submits as a careful client does: with an Idempotency-Key, sent again with the same request
 * when the API answers 503 (not recorded in time, under load). The retries are counted.
 */
async function submit(target: BenchTarget, samples: Samples) {
  const request = benchRequest();
  const headers = { 'idempotency-key': randomUUID() };
  for (let attempt = 1; ; attempt++) {
    const reply = await callApi(target, 'employer', 'POST', '/v1/cases', request, headers);
    if (reply.status !== 503 || attempt === 3) return reply;
    samples.submitRetries++;
  }
}

/** One simulated user's case: submitted, answered by the three parties at once, decided, seen authorised. */
export async function driveCase(target: BenchTarget, samples: Samples): Promise<string> {
  const started = performance.now();
  const submitted = await timed(samples.submit, () => submit(target, samples));
  // A retry that finds the case recorded by its first attempt answers 200.
  const caseId = expectStatus<{ id: string }>(submitted, submitted.status === 200 ? 200 : 201, 'submission').id;
  await Promise.all(reviewers.map(({ role, answer: body }) => answer(target, role, caseId, body, samples)));
  await answer(target, 'ministry', caseId, { outcome: 'authorised' }, samples);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { body } = await callApi<{ status: string }>(target, 'employer', 'GET', `/v1/cases/${caseId}`);
    if (authorisedStatuses.has(body.status)) break;
    if (Date.now() > deadline) throw new Error(`case ${caseId} not authorised: ${body.status}`);
    await sleep(50);
  }
  samples.case.push(performance.now() - started);
  return caseId;
}

export function emptySamples(): Samples {
  return { submit: [], submitRetries: 0, inbox: [], complete: [], case: [] };
}

/** N cases, `users` simulated users each driving one case at a time. */
export async function runThroughput(target: BenchTarget, options: { cases: number; users: number }): Promise<ThroughputResult> {
  const samples = emptySamples();
  const caseIds: string[] = [];
  const failures: string[] = [];
  const wallMs = await runConcurrently(options.cases, options.users, async () => {
    try {
      caseIds.push(await driveCase(target, samples));
    } catch (error) {
      failures.push(error instanceof Error ? error.message : String(error));
    }
  });
  return {
    cases: options.cases,
    users: options.users,
    authorised: caseIds.length,
    failures,
    submitRetries: samples.submitRetries,
    wallMs: Math.round(wallMs),
    casesPerSecond: Math.round((caseIds.length / (wallMs / 1000)) * 100) / 100,
    latency: { submit: summarise(samples.submit), inbox: summarise(samples.inbox), complete: summarise(samples.complete), case: summarise(samples.case) },
    caseIds,
  };
}
