import { loadConfig } from '../infra/config.js';
import { startWorker } from '../infra/worker.js';
import { withWorkflowBundleApart } from '../infra/workflow-bundle.js';
import type { WorkerCacheSettings } from './target.js';

/**
 * The project's worker in a process of its own, started as infra/worker-main.ts starts it (the
 * workflow code bundled in a child process), so the bench reads its resident memory; it
 * tells the bench (IPC) when it runs, with the cache settings it runs with.
 */
const running = await withWorkflowBundleApart((bundle) => startWorker(loadConfig(), bundle));
const options = running.worker.options;
const cache: WorkerCacheSettings = {
  maxCachedWorkflows: options.maxCachedWorkflows,
  maxConcurrentWorkflowTaskExecutions: (options as { maxConcurrentWorkflowTaskExecutions?: number }).maxConcurrentWorkflowTaskExecutions,
  maxConcurrentActivityTaskExecutions: (options as { maxConcurrentActivityTaskExecutions?: number }).maxConcurrentActivityTaskExecutions,
  reuseV8Context: options.reuseV8Context,
};
process.send?.({ ready: true, cache });
process.once('SIGTERM', () => void running.stop().then(() => process.exit(0)));
