import { startApi } from '../infra/api-server.js';
import { loadConfig } from '../infra/config.js';
import { createLogger } from '../infra/logger.js';

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL, 'api');
const api = await startApi(config, logger);
logger.info({ url: api.url }, 'API listening');
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void api.stop().then(() => logger.info('API stopped')));
}
