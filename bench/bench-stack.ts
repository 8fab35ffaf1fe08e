import { once } from 'node:events';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase } from '../db/database.js';
import { seedDemoData } from '../db/demo-data.js';
import { migrateToLatest } from '../db/migrate.js';
import { loadConfig } from '../infra/config.js';
import { startMailSink } from '../infra/mail-sink.js';
import { startEmbeddedPostgres } from '../infra/postgres.js';
import { startServiceProcess, type ServiceProcess } from '../infra/service-process.js';
import { startTemporalDevServer } from '../infra/temporal-dev-server.js';
import { databaseUrl, onServer } from '../test/support/databases.js';
import { freePort } from '../test/support/free-port.js';
import { sleep } from './stats.js';
import { benchTokens, temporalClientFor, type BenchTarget, type WorkerCacheSettings } from './target.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * A TypeScript entry point run by Node through tsx, in a process group of its own, with the
 * image's malloc setting (Dockerfile: MALLOC_ARENA_MAX) unless the environment sets its own.
 */
function startTsProcess(entry: string, env: Record<string, string>): ServiceProcess {
  return startServiceProcess(process.execPath, ['--import', 'tsx', path.join(root, entry)], {
    cwd: root,
    env: { MALLOC_ARENA_MAX: '2', ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

/**
 * The stack as `npm start` runs it (infra/dev-stack.ts: Temporal dev server with the SQLite
 * pragmas, Postgres, mail sink, worker, API), but in a fresh folder of its own under the
 * system's temporary folder, removed afterwards, on free ports: it never touches the dev data.
 * The worker and the API run as child processes, so their resident memory can be read.
 * With DATABASE_URL set, it uses that server, in a database of its own (`bench_app_<pid>`).
 */
export async function startBenchStack(): Promise<{ target: BenchTarget; serverUrl: string; dataDir: string; stop(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'apprenticeship-bench-'));
  chmodSync(dataDir, 0o755);
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const stopOne of stops.reverse()) await stopOne().catch((error: unknown) => console.error('stopping failed:', error));
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const postgres = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir, port: await freePort() });
    if (postgres) stops.push(postgres.stop);
    const serverUrl = process.env.DATABASE_URL ?? postgres!.url;
    const appDatabase = `bench_app_${process.pid}`;
    await onServer(serverUrl, `create database ${appDatabase}`);
    stops.push(() => onServer(serverUrl, `drop database if exists ${appDatabase} with (force)`));
    const appUrl = databaseUrl(serverUrl, appDatabase);
    const db = createDatabase(appUrl, 2);
    await migrateToLatest(db);
    await seedDemoData(db);
    await db.destroy();

    const temporal = await startTemporalDevServer({ dataDir, port: await freePort(), uiPort: await freePort(), namespace: 'default' });
    stops.push(temporal.stop);
    const mail = await startMailSink({ smtpPort: 0, httpPort: 0 });
    stops.push(mail.stop);

    const env = {
      DATA_DIR: dataDir,
      DATABASE_URL: appUrl,
      TEMPORAL_ADDRESS: temporal.address,
      SMTP_URL: mail.smtpUrl,
      PORT: String(await freePort()),
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'error',
    };
    const config = loadConfig({ ...process.env, ...env });
    const worker = startTsProcess('bench/worker-process.ts', env);
    stops.push(() => worker.stop('SIGTERM', 10_000));
    const [message] = (await Promise.race([once(worker.child, 'message'), worker.exited.then(() => Promise.reject(new Error('the worker exited during start-up')))])) as [{ cache: WorkerCacheSettings }];
    // The worker made the payload key in the data folder; the API reads the same one.
    const api = startTsProcess('api/main.ts', env);
    stops.push(() => api.stop('SIGTERM', 10_000));
    await waitUntilReady(`${config.publicBaseUrl}/readyz`, api);
    const client = await temporalClientFor(config);
    stops.push(() => client.connection.close());
    const target: BenchTarget = {
      apiUrl: config.publicBaseUrl,
      tokens: await benchTokens(config),
      temporal: client,
      temporalAddress: temporal.address,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      databaseUrl: appUrl,
      pids: { worker: worker.child.pid!, api: api.child.pid! },
      workerCache: message.cache,
    };
    return { target, serverUrl, dataDir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function waitUntilReady(url: string, service: ServiceProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (!service.running()) throw new Error('the API exited during start-up');
    const ready = await fetch(url).then((r) => r.ok, () => false);
    if (ready) return;
    await sleep(250);
  }
  throw new Error(`the API at ${url} did not become ready`);
}
