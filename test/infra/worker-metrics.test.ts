import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port.js';
import { startTestStack, type TestStack } from '../support/stack.js';

/**
 * The worker's Temporal SDK metrics, as Prometheus scrapes them from WORKER_METRICS_PORT.
 * The SDK's runtime is one per process and this file's first worker installs it: with the port.
 */
let stack: TestStack;
let metricsUrl: string;
beforeAll(async () => {
  const port = await freePort();
  metricsUrl = `http://127.0.0.1:${port}/metrics`;
  stack = await startTestStack({ env: { WORKER_METRICS_PORT: String(port) } });
});
afterAll(() => stack.stop());

/** The value of the first series of `name` whose labels include every one of `labels`. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const [, seriesLabels, value] of text.matchAll(new RegExp(`^${name}\\{([^}]*)\\} (\\S+)$`, 'gm'))) {
    if (Object.entries(labels).every(([key, expected]) => seriesLabels!.includes(`${key}="${expected}"`))) return Number(value);
  }
  return undefined;
}

describe('the worker\'s metrics', () => {
  it('answers Temporal\'s metrics of the case it ran, by task queue, in Prometheus format', async () => {
    const { id } = await stack.submit();
    expect((await stack.authorise(id)).status).toBe(200);

    const response = await fetch(metricsUrl);
    expect(response.status).toBe(200);
    const text = await response.text();
    const taskQueue = stack.config.TEMPORAL_TASK_QUEUE;
    // What tells an operator that a queue backs up (see the README's "Metrics").
    expect(text).toContain('# TYPE temporal_workflow_task_schedule_to_start_latency histogram');
    expect(sample(text, 'temporal_workflow_task_schedule_to_start_latency_count', { task_queue: taskQueue })).toBeGreaterThan(0);
    expect(sample(text, 'temporal_activity_schedule_to_start_latency_count', { task_queue: taskQueue })).toBeGreaterThan(0);
    expect(sample(text, 'temporal_workflow_task_execution_latency_count', { task_queue: taskQueue, workflow_type: 'caseWorkflow' })).toBeGreaterThan(0);
    expect(sample(text, 'temporal_worker_task_slots_available', { task_queue: taskQueue, worker_type: 'WorkflowWorker' })).toBeGreaterThan(0);
    // The case continues as new once decided: its next run is cached once it has run a task.
    await expect.poll(async () => sample(await (await fetch(metricsUrl)).text(), 'temporal_sticky_cache_size', {}), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(sample(text, 'temporal_request', { operation: 'RespondWorkflowTaskCompleted' })).toBeGreaterThan(0);
  });
});
