import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { freePort } from './free-port.js';

const entry = fileURLToPath(new URL('./worker-entry.ts', import.meta.url));

export interface WorkerProcess {
  /** Ends the process at once, as a crash or the OOM killer would: no shutdown, no cleanup. */
  kill(): Promise<void>;
}

/** The stack's worker in a child process of its own, running (polling) when this resolves. */
export async function spawnWorkerProcess(env: Record<string, string>): Promise<WorkerProcess> {
  const healthPort = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: { ...process.env, ...env, WORKER_HEALTH_PORT: String(healthPort), WORKFLOW_BUNDLE_PATH: inject('workflowBundlePath') },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (gone) throw new Error('the worker process exited while starting');
    const health = await fetch(`http://127.0.0.1:${healthPort}/healthz`).then((r) => r.json() as Promise<{ worker?: string }>, () => undefined);
    if (health?.worker === 'RUNNING') break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('the worker process did not start');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    async kill() {
      if (!gone) child.kill('SIGKILL');
      await exited;
    },
  };
}
