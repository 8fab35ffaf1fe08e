import { loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { startWorker } from './worker.js';
import { withWorkflowBundleApart } from './workflow-bundle.js';

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL, 'worker');
const worker = await withWorkflowBundleApart((bundle) => startWorker(config, bundle, logger));
logger.info({ taskQueue: config.TEMPORAL_TASK_QUEUE, health: worker.healthUrl }, 'worker running');
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    // An activity that ignores its cancellation would hold the stop for ever.
    setTimeout(() => {
      logger.warn({ gracePeriodMs: config.STOP_GRACE_PERIOD }, 'not stopped within the grace period: exiting');
      process.exit(1);
    }, config.STOP_GRACE_PERIOD).unref();
    void worker.stop().then(() => logger.info('worker stopped'));
  });
}
