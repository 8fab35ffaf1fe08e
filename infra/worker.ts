import { fileURLToPath } from 'node:url';
import { DefaultLogger, NativeConnection, Runtime, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities } from '../activities/index.js';
import { createDatabase } from '../db/database.js';
import type { Config } from './config.js';
import { createMailer } from './mailer.js';
import { encryptedDataConverter } from './payload-codec.js';
import { requireSetting } from './required-setting.js';

export const workflowsPath = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

/** Our imports say `.js` (ESM) but point at `.ts` files: let webpack resolve them. */
export const bundlerOptions: WorkerOptions['bundlerOptions'] = {
  webpackConfigHook: (webpackConfig) => ({
    ...webpackConfig,
    resolve: { ...webpackConfig.resolve, extensionAlias: { '.js': ['.ts', '.js'] } },
  }),
};

export interface RunningWorker {
  worker: Worker;
  /** Stops polling, lets running activities finish, and releases the database and connection. */
  stop(): Promise<void>;
}

let runtimeInstalled = false;

/** The one worker: the case workflows and every activity, on the configured task queue. */
export async function startWorker(config: Config, workflowBundle?: { codePath: string }): Promise<RunningWorker> {
  if (!runtimeInstalled) {
    // The SDK's own info lines (bundling, state changes) drown the application's.
    Runtime.install({ logger: new DefaultLogger(config.LOG_LEVEL === 'debug' || config.LOG_LEVEL === 'trace' ? 'DEBUG' : 'WARN') });
    runtimeInstalled = true;
  }
  const db = createDatabase(requireSetting(config, 'DATABASE_URL'));
  const mailer = createMailer(requireSetting(config, 'SMTP_URL'));
  const connection = await NativeConnection.connect({ address: requireSetting(config, 'TEMPORAL_ADDRESS') });
  const worker = await Worker.create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    dataConverter: encryptedDataConverter({ key: config.PAYLOAD_ENCRYPTION_KEY, keys: config.PAYLOAD_ENCRYPTION_KEYS, dataDir: config.dataDir }),
    activities: createActivities({ db, mailer, mailFrom: config.MAIL_FROM, publicBaseUrl: config.publicBaseUrl }),
    ...(workflowBundle ? { workflowBundle } : { workflowsPath, bundlerOptions }),
  });
  const running = worker.run();
  return {
    worker,
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      await connection.close();
      mailer.close();
      await db.destroy();
    },
  };
}
