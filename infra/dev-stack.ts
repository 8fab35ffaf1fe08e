import { createDatabase } from '../db/database.js';
import { demoUsers, seedDemoData } from '../db/demo-data.js';
import { migrateToLatest } from '../db/migrate.js';
import { startApi } from './api-server.js';
import { loadConfig, type Config } from './config.js';
import { loadDevIssuer } from './dev-issuer.js';
import { createLogger } from './logger.js';
import { startMailSink } from './mail-sink.js';
import { assertPortsFree, PortTakenError, type NeededPort } from './ports.js';
import { startEmbeddedPostgres } from './postgres.js';
import { startTemporalDevServer } from './temporal-dev-server.js';
import { startWorker } from './worker.js';
import { withWorkflowBundleApart } from './workflow-bundle.js';

/**
 * `npm start`: the whole stack in one process tree for development. Every service not
 * given in the environment is started here, its data under DATA_DIR.
 */
const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL, 'dev-stack');
const stops: (() => Promise<void>)[] = [];

/** The ports of what this run starts itself. */
function neededPorts(): NeededPort[] {
  return [
    ...(config.DATABASE_URL ? [] : [{ port: config.EMBEDDED_POSTGRES_PORT, service: 'embedded PostgreSQL', setting: 'EMBEDDED_POSTGRES_PORT' }]),
    ...(config.TEMPORAL_ADDRESS
      ? []
      : [
          { port: config.TEMPORAL_DEV_PORT, service: 'Temporal dev server', setting: 'TEMPORAL_DEV_PORT' },
          { port: config.TEMPORAL_UI_PORT, service: 'Temporal Web UI', setting: 'TEMPORAL_UI_PORT' },
        ]),
    ...(config.SMTP_URL
      ? []
      : [
          { port: config.MAIL_SINK_SMTP_PORT, service: 'mail sink SMTP', setting: 'MAIL_SINK_SMTP_PORT' },
          { port: config.MAIL_SINK_HTTP_PORT, service: 'mail sink listing', setting: 'MAIL_SINK_HTTP_PORT' },
        ]),
    { port: config.PORT, service: 'API', setting: 'PORT' },
  ];
}

async function start(): Promise<void> {
  await assertPortsFree(neededPorts());
  const stopGraceMs = config.STOP_GRACE_PERIOD;
  const postgres = config.DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.EMBEDDED_POSTGRES_PORT, stopGraceMs });
  if (postgres) stops.push(postgres.stop);
  const temporal = config.TEMPORAL_ADDRESS
    ? undefined
    : await startTemporalDevServer({ dataDir: config.dataDir, port: config.TEMPORAL_DEV_PORT, uiPort: config.TEMPORAL_UI_PORT, namespace: config.TEMPORAL_NAMESPACE, stopGraceMs, codecEndpoint: `${config.publicBaseUrl}/codec` });
  if (temporal) stops.push(temporal.stop);
  const mail = config.SMTP_URL ? undefined : await startMailSink({ smtpPort: config.MAIL_SINK_SMTP_PORT, httpPort: config.MAIL_SINK_HTTP_PORT });
  if (mail) stops.push(mail.stop);

  const services: Config = {
    ...config,
    DATABASE_URL: config.DATABASE_URL ?? postgres!.url,
    TEMPORAL_ADDRESS: config.TEMPORAL_ADDRESS ?? temporal!.address,
    SMTP_URL: config.SMTP_URL ?? mail!.smtpUrl,
  };
  const db = createDatabase(services.DATABASE_URL!, 2);
  await migrateToLatest(db);
  await seedDemoData(db);
  await db.destroy();

  const worker = await withWorkflowBundleApart((bundle) => startWorker(services, bundle));
  stops.push(worker.stop);
  const api = await startApi(services, logger);
  stops.push(api.stop);

  const lines = [
    '',
    'The cross-border apprenticeship stack is running.',
    `  Pages:             ${api.url}/ (sign in as any demo user)`,
    `  API:               ${api.url}/v1 (reference: ${api.url}/docs/)`,
    `  OpenAPI document:  ${api.url}/v1/openapi.json`,
    `  Health:            ${api.url}/readyz`,
    `  Temporal Web UI:   ${temporal?.uiUrl ?? `(external Temporal at ${services.TEMPORAL_ADDRESS})`}`,
    `  Mail sink:         ${mail ? `${mail.httpUrl}/messages (SMTP ${mail.smtpUrl})` : `(external SMTP ${services.SMTP_URL})`}`,
  ];
  if (!config.AUTH_JWKS_URL) {
    const issuer = await loadDevIssuer({ dataDir: config.dataDir, issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE });
    lines.push('', 'Bearer tokens of the demo users (valid 30 days):');
    for (const user of demoUsers) lines.push(`  ${user.id.padEnd(18)} (${user.organisation_id}): ${await issuer.issueToken(user.id)}`);
  }
  const stagedPostgres = postgres && !postgres.dataDir.startsWith(config.dataDir) ? ` (PostgreSQL's in ${postgres.dataDir})` : '';
  lines.push('', `Press Ctrl-C to stop; the data stays in ${config.dataDir}${stagedPostgres}`, '');
  console.log(lines.join('\n'));
}

async function stop(): Promise<void> {
  for (const stopOne of stops.reverse()) {
    await stopOne().catch((error: unknown) => logger.error({ err: error }, 'stopping a service failed'));
  }
}

/**
 * Stops everything, in order, within STOP_GRACE_PERIOD; then (or on a second Ctrl-C) exits
 * at once, and the exit kills the process groups of every service still running
 * (infra/service-process.ts), whatever state the worker is in.
 */
let stoppingSince: number | undefined;
function onSignal(): void {
  if (stoppingSince !== undefined) {
    // One Ctrl-C can arrive twice: from the terminal and relayed by tsx (`npm start`).
    if (Date.now() - stoppingSince < 1_000) return;
    console.log('Stopping at once.');
    process.exit(1);
  }
  stoppingSince = Date.now();
  console.log('\nStopping… (Ctrl-C again to stop at once)');
  const force = setTimeout(() => {
    logger.warn({ gracePeriodMs: config.STOP_GRACE_PERIOD }, 'not stopped within the grace period: killing what is left');
    process.exit(1);
  }, config.STOP_GRACE_PERIOD);
  void stop().then(() => {
    clearTimeout(force);
    process.exit(0);
  });
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, onSignal);

try {
  await start();
} catch (error) {
  if (error instanceof PortTakenError) console.error(error.message);
  else logger.error({ err: error }, 'the stack could not start');
  await stop();
  process.exit(1);
}
