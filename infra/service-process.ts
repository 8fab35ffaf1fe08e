import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

export interface ServiceProcess {
  child: ChildProcess;
  /** Settles when the process has exited (or could not be started). */
  exited: Promise<void>;
  running(): boolean;
  /**
   * Asks the service to stop with `signal`; whatever of its process group is left after
   * `graceMs` (a hung service, children it started) is killed.
   */
  stop(signal: NodeJS.Signals, graceMs: number): Promise<void>;
}

/**
 * Starts a service in a process group of its own, so that stopping it ends everything it
 * started, and so that nothing outlives us: should this process exit without stopping it,
 * the group is killed on the way out.
 */
export function startServiceProcess(command: string, args: string[], options: SpawnOptions): ServiceProcess {
  const child = spawn(command, args, { ...options, detached: true });
  let running = true;
  const exited = new Promise<void>((resolve) => {
    const done = () => {
      running = false;
      resolve();
    };
    child.once('exit', done).once('error', done);
  });
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // The group is gone already.
    }
  };
  const killOnExit = () => killGroup('SIGKILL');
  process.once('exit', killOnExit);
  return {
    child,
    exited,
    running: () => running,
    async stop(signal, graceMs) {
      if (child.pid === undefined) return;
      if (running) child.kill(signal);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
      killGroup('SIGKILL');
      await exited;
      process.removeListener('exit', killOnExit);
    },
  };
}
