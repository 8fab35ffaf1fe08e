import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { startServiceProcess } from './service-process.js';
import { temporalCli } from './temporal-cli.js';

export interface TemporalDevServer {
  address: string;
  uiUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts `temporal server start-dev`, persisting to SQLite under `dataDir`. WAL and
 * synchronous=NORMAL because the default pragmas make the dev server slow.
 */
export async function startTemporalDevServer(options: {
  dataDir: string;
  port: number;
  uiPort: number;
  namespace: string;
  /** How long a stop waits for the server to shut down before killing its process group. */
  stopGraceMs?: number;
  /** Where the Web UI's browser sends payloads to decode (our API's `/codec`). */
  codecEndpoint?: string;
}): Promise<TemporalDevServer> {
  mkdirSync(options.dataDir, { recursive: true });
  const executable = temporalCli();
  const server = startServiceProcess(
    executable,
    [
      'server', 'start-dev',
      '--ip', '127.0.0.1',
      '--port', String(options.port),
      '--ui-port', String(options.uiPort),
      '--namespace', options.namespace,
      '--db-filename', path.join(options.dataDir, 'temporal.sqlite'),
      '--sqlite-pragma', 'journal_mode=WAL',
      '--sqlite-pragma', 'synchronous=NORMAL',
      '--log-level', 'error',
      '--dynamic-config-value', 'system.enableActivityEagerExecution=true',
      ...(options.codecEndpoint ? ['--ui-codec-endpoint', options.codecEndpoint] : []),
    ],
    // Its own process group: a Ctrl-C in the terminal reaches it through us, after the worker has stopped.
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const stop = () => server.stop('SIGTERM', options.stopGraceMs ?? 10_000);
  const address = `127.0.0.1:${options.port}`;
  try {
    await waitForTemporal(address, server.exited);
  } catch (error) {
    await stop();
    throw error;
  }
  return { address, uiUrl: `http://127.0.0.1:${options.uiPort}`, stop };
}

async function waitForTemporal(address: string, exited: Promise<void>): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (gone) throw new Error('The Temporal dev server exited during start-up (is its port taken?)');
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1_000 });
      await connection.healthService.check({});
      await connection.close();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`The Temporal dev server at ${address} did not come up`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
