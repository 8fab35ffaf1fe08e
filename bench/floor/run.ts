import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Worker, bundleWorkflowCode } from '@temporalio/worker';
import { bundlerOptions } from '../../infra/worker.js';
import { runConcurrently, summarise, timed, type LatencySummary } from '../stats.js';
import { floorActivities } from './activities.js';
import { answerUpdate, answersAndDecision, decideUpdate, floorCase, recordedUpdate, type FloorShape } from './workflows.js';

export interface FloorResult {
  cases: number;
  clients: number;
  shape: FloorShape;
  completed: number;
  wallMs: number;
  casesPerSecond: number;
  latency: { start: LatencySummary; update: LatencySummary; case: LatencySummary };
}

const workflowsPath = fileURLToPath(new URL('./workflows.ts', import.meta.url));

/**
 * Runs `cases` floor workflows on a worker of their own (its bundle holds only
 * bench/floor/workflows.ts), `clients` at a time, each driven as a case is: start, wait
 * for the first Update (when the shape has one), three Updates at once, the decision, the end.
 */
export async function runFloor(temporalAddress: string, options: { cases: number; clients: number; shape: FloorShape }): Promise<FloorResult> {
  const taskQueue = `bench-floor-${randomUUID().slice(0, 8)}`;
  const bundle = await bundleWorkflowCode({ workflowsPath, ...bundlerOptions, logger: new DefaultLogger('WARN') });
  const workerConnection = await NativeConnection.connect({ address: temporalAddress });
  const worker = await Worker.create({ connection: workerConnection, taskQueue, workflowBundle: bundle, activities: floorActivities });
  const running = worker.run();
  const connection = await Connection.connect({ address: temporalAddress });
  const client = new Client({ connection });
  const samples = { start: [] as number[], update: [] as number[], case: [] as number[] };
  try {
    const wallMs = await runConcurrently(options.cases, options.clients, async () => {
      const started = performance.now();
      const handle = await timed(samples.start, () => client.workflow.start(floorCase, { taskQueue, workflowId: `floor-${randomUUID()}`, args: [options.shape] }));
      if (options.shape.updates > answersAndDecision) await timed(samples.update, () => handle.executeUpdate(recordedUpdate));
      await Promise.all(['adem', 'chamber', 'school'].map((party) => timed(samples.update, () => handle.executeUpdate(answerUpdate, { args: [party] }))));
      await timed(samples.update, () => handle.executeUpdate(decideUpdate));
      await handle.result();
      samples.case.push(performance.now() - started);
    });
    return {
      cases: options.cases,
      clients: options.clients,
      shape: options.shape,
      completed: samples.case.length,
      wallMs: Math.round(wallMs),
      casesPerSecond: Math.round((samples.case.length / (wallMs / 1000)) * 100) / 100,
      latency: { start: summarise(samples.start), update: summarise(samples.update), case: summarise(samples.case) },
    };
  } finally {
    worker.shutdown();
    await running;
    await workerConnection.close();
    await connection.close();
  }
}
