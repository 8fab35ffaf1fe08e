import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { decodeFromPayloadsAtIndex } from '@temporalio/common/lib/internal-non-workflow/codec-helpers.js';
import type { Client } from '@temporalio/client';
import pg from 'pg';
import { caseWorkflowType, type CaseInput, type CaseWorkflow } from '../workflows/case-review/contract.js';
import { workflowRuns } from './case-shape.js';
import { sleep } from './stats.js';
import type { BenchTarget, WorkerCacheSettings } from './target.js';

/** Resident memory of a process, in MB: now and its peak. */
export interface ProcessMemory {
  pid: number;
  rssMb: number;
  peakRssMb: number;
}

export interface MemoryResult {
  openCases: number;
  /** Of the opened cases, how many the query side shows (the worker has run each). */
  recorded: number;
  /** Case workflows running on the server when measured (all kinds, the throughput's too). */
  runningWorkflows: number | null;
  openMs: number;
  before: { worker: ProcessMemory; api: ProcessMemory };
  after: { worker: ProcessMemory; api: ProcessMemory };
  /** (worker + API after) − (before), per opened case, in MB. */
  perOpenCaseMb: number;
  /** Worker plus API, after, in MB. */
  totalMb: number;
  workerCache: WorkerCacheSettings | null;
}

export function processMemory(pid: number): ProcessMemory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { pid, rssMb: Math.round(kb('VmRSS') / 1024), peakRssMb: Math.round(kb('VmHWM') / 1024) };
}

/** The input a real case's first run was started with, decoded with the stack's payload codec. */
export async function caseInputOf(client: Client, caseId: string): Promise<CaseInput> {
  const [first] = await workflowRuns(client, `case-${caseId}`);
  const started = first!.events?.[0]?.workflowExecutionStartedEventAttributes;
  if (!started) throw new Error(`case ${caseId}: no start event`);
  return decodeFromPayloadsAtIndex<CaseInput>(client.workflow.options.loadedDataConverter, 0, started.input?.payloads);
}

/**
 * Starts `openCases` case workflows straight through the Temporal client with a real case's
 * input (each a case of its own), waits until the worker has recorded them all, and reads
 * the worker's and the API's resident memory before and after. The cases then wait for
 * their parties' answers, their deadlines' timers weeks away.
 */
export async function runMemory(target: BenchTarget, options: { openCases: number; template: CaseInput }): Promise<MemoryResult> {
  const memory = () => ({ worker: processMemory(target.pids.worker), api: processMemory(target.pids.api) });
  const before = memory();
  const ids: string[] = [];
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < options.openCases) {
        next++;
        const caseId = randomUUID();
        // Without the probe's own review: each case's workflow records itself.
        const { idempotencyKey: _key, continued: _continued, opened: _opened, ...input } = options.template;
        await target.temporal.workflow.start<CaseWorkflow>(caseWorkflowType, {
          taskQueue: target.taskQueue,
          workflowId: `case-${caseId}`,
          args: [{ ...input, caseId, submittedAt: new Date().toISOString() }],
        });
        ids.push(caseId);
      }
    }),
  );
  const db = new pg.Client({ connectionString: target.databaseUrl });
  await db.connect();
  let recorded = 0;
  try {
    const deadline = Date.now() + 120_000 + options.openCases * 1_000;
    while (Date.now() < deadline) {
      recorded = Number((await db.query('select count(*)::int as n from cases where id = any($1::uuid[])', [ids])).rows[0].n);
      if (recorded === ids.length) break;
      await sleep(500);
    }
  } finally {
    await db.end();
  }
  const openMs = Math.round(performance.now() - started);
  // Let the notifications the new cases send finish, and the heap settle.
  await sleep(3_000);
  const after = memory();
  const runningWorkflows = await target.temporal.workflow
    .count('ExecutionStatus = "Running"')
    .then((c) => c.count)
    .catch(() => null);
  const samePid = target.pids.worker === target.pids.api;
  const total = (m: { worker: ProcessMemory; api: ProcessMemory }) => m.worker.rssMb + (samePid ? 0 : m.api.rssMb);
  return {
    openCases: options.openCases,
    recorded,
    runningWorkflows,
    openMs,
    before,
    after,
    perOpenCaseMb: Math.round(((total(after) - total(before)) / options.openCases) * 1000) / 1000,
    totalMb: total(after),
    workerCache: target.workerCache ?? null,
  };
}
