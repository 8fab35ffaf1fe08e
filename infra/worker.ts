import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { makeTelemetryFilterString, NativeConnection, Runtime, Worker, type WorkerOptions } from '@temporalio/worker';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import { createActivities } from '../activities/index.js';
import { createDatabase } from '../db/database.js';
import { postgresDocumentStore } from '../db/document-store.js';
import type { Config } from './config.js';
import { loadCredentialKeys } from './credential-keys.js';
import { createLogger, temporalLogger } from './logger.js';
import { createMailer } from './mailer.js';
import { encryptedDataConverter } from './payload-codec.js';
import { requireSetting } from './required-setting.js';
import { serveWorkerHealth } from './worker-health.js';
import { startNoticeDispatcher } from './notice-dispatcher.js';
import { mailRetryOf } from '../application/send-notice.js';
import { registerSearchAttributes } from './search-attributes.js';
import { scheduleAllowanceReview } from './allowance-review-schedule.js';
import { caseSearchAttributes } from '../workflows/case-review/contract.js';

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
  /** Where the worker's `/healthz` and `/readyz` answer, when WORKER_HEALTH_PORT is set. */
  healthUrl?: string;
  /** Stops polling, lets running activities finish, and releases the database and connection. */
  stop(): Promise<void>;
}

let runtimeInstalled = false;

/**
 * The one worker: the case workflows and every activity, on the configured task queue.
 * The first worker of a process routes the SDK's logs (one runtime per process) to `logger`.
 */
export async function startWorker(
  config: Config,
  workflowBundle?: { codePath: string },
  logger: Logger = createLogger(config.LOG_LEVEL, 'worker'),
): Promise<RunningWorker> {
  if (!runtimeInstalled) {
    // The SDK's own info lines (bundling, state changes) drown the application's.
    const level = config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL;
    const verbose = level === 'debug' || level === 'trace';
    Runtime.install({
      logger: temporalLogger(logger.child({}, { level })),
      telemetryOptions: {
        logging: { forward: {}, filter: makeTelemetryFilterString({ core: verbose ? 'INFO' : 'WARN' }) },
        // The SDK's own metrics (task latencies, slots, sticky cache) for Prometheus; the runtime is per process, so the first worker's port serves them.
        ...(config.WORKER_METRICS_PORT !== undefined && { metrics: { prometheus: { bindAddress: `0.0.0.0:${config.WORKER_METRICS_PORT}` } } }),
      },
    });
    runtimeInstalled = true;
  }
  const db = createDatabase(requireSetting(config, 'DATABASE_URL'));
  const mailer = createMailer(requireSetting(config, 'SMTP_URL'));
  const connection = await NativeConnection.connect({ address: requireSetting(config, 'TEMPORAL_ADDRESS') });
  await registerSearchAttributes(connection, config.TEMPORAL_NAMESPACE, Object.values(caseSearchAttributes));
  const dataConverter = encryptedDataConverter({ key: config.PAYLOAD_ENCRYPTION_KEY, keys: config.PAYLOAD_ENCRYPTION_KEYS, dataDir: config.dataDir });
  const clientConnection = await Connection.connect({ address: requireSetting(config, 'TEMPORAL_ADDRESS') });
  try {
    await scheduleAllowanceReview(new Client({ connection: clientConnection, namespace: config.TEMPORAL_NAMESPACE, dataConverter }), config);
  } finally {
    await clientConnection.close();
  }
  const activities = createActivities({
    db,
    documents: postgresDocumentStore(db),
    mailer,
    mailFrom: config.MAIL_FROM,
    publicBaseUrl: config.publicBaseUrl,
    operators: { email: config.OPERATOR_EMAIL, organisationId: config.MINISTRY_ORGANISATION_ID },
    employeesChamberOrganisationId: config.EMPLOYEES_CHAMBER_ORGANISATION_ID,
    credentialKeys: await loadCredentialKeys({ dataDir: config.dataDir, signingKey: config.RECOGNITION_SIGNING_KEY, issuer: config.RECOGNITION_ISSUER ?? config.publicBaseUrl }),
  });
  const worker = await Worker.create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    dataConverter,
    activities,
    ...(workflowBundle ? { workflowBundle } : { workflowsPath, bundlerOptions }),
    maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS,
    maxConcurrentWorkflowTaskPolls: Math.min(config.WORKER_WORKFLOW_TASK_POLLERS, config.WORKER_WORKFLOW_TASK_SLOTS),
    nonStickyToStickyPollRatio: config.WORKER_WORKFLOW_TASK_NON_STICKY_RATIO,
    maxConcurrentWorkflowTaskExecutions: config.WORKER_WORKFLOW_TASK_SLOTS,
  });
  const running = worker.run();
  const notices = startNoticeDispatcher({
    db,
    databaseUrl: requireSetting(config, 'DATABASE_URL'),
    send: activities.sendNotification,
    retry: mailRetryOf(config),
    logger: logger.child({ component: 'notices' }),
  });
  const health =
    config.WORKER_HEALTH_PORT === undefined
      ? undefined
      : await serveWorkerHealth({
          port: config.WORKER_HEALTH_PORT,
          state: () => worker.getState(),
          checks: {
            temporal: () => connection.healthService.check({}),
            postgres: () => sql`select 1`.execute(db),
          },
        });
  return {
    worker,
    healthUrl: health?.url,
    async stop() {
      await health?.close();
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      await notices.stop();
      await connection.close();
      mailer.close();
      await db.destroy();
    },
  };
}
