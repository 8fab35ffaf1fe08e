import { createServer } from 'node:net';

/** A port the stack will listen on, and the setting that chooses it. */
export interface NeededPort {
  port: number;
  service: string;
  setting: string;
}

/**
 * Stops before anything starts when a port the stack needs is taken: carrying on would
 * talk to whatever holds it (an orphan of an earlier run, another project).
 */
export async function assertPortsFree(ports: NeededPort[]): Promise<void> {
  const taken: NeededPort[] = [];
  for (const needed of ports) {
    // Port 0: any free port, chosen when the service starts.
    if (needed.port !== 0 && !(await isFree(needed.port))) taken.push(needed);
  }
  if (taken.length === 0) return;
  const lines = taken.map(({ port, service, setting }) => `  port ${port} (${service}, ${setting})`);
  throw new PortTakenError(
    `A port the stack needs is taken by a process it did not start:\n${lines.join('\n')}\n` +
      `Stop that process (an earlier \`npm start\` still running? \`ss -ltnp 'sport = :${taken[0]!.port}'\` shows who holds it), ` +
      'or set the setting to a free port.',
  );
}

export class PortTakenError extends Error {}

/** Free when we can listen on it on every interface (which a listener on any address would prevent). */
function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host: '0.0.0.0', exclusive: true }, () => probe.close(() => resolve(true)));
  });
}
