import { loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { startWorker } from './worker.js';

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL, 'worker');
const worker = await startWorker(config, undefined, logger);
logger.info({ taskQueue: config.TEMPORAL_TASK_QUEUE, health: worker.healthUrl }, 'worker running');
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void worker.stop().then(() => logger.info('worker stopped')));
}
