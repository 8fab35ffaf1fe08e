import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { State } from '@temporalio/worker';
import { readiness, type Checks } from './readiness.js';

export interface WorkerHealth {
  url: string;
  close(): Promise<void>;
}

/**
 * The worker's own `/healthz` (the process answers, and in which state its worker is) and
 * `/readyz` (it polls, and reaches what its activities need), for an orchestrator to probe.
 */
export async function serveWorkerHealth(options: { port: number; state: () => State; checks: Checks }): Promise<WorkerHealth> {
  const server = createServer((request, response) => {
    const answer = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (request.method !== 'GET') return answer(405, { status: 'method not allowed' });
    if (request.url === '/healthz') {
      const state = options.state();
      return answer(state === 'FAILED' ? 503 : 200, { status: state === 'FAILED' ? 'failed' : 'ok', worker: state });
    }
    if (request.url === '/readyz') {
      const running = async () => {
        if (options.state() !== 'RUNNING') throw new Error('not polling');
      };
      return void readiness({ worker: running, ...options.checks }).then(({ ready, body }) => answer(ready ? 200 : 503, body));
    }
    answer(404, { status: 'not found' });
  });
  server.listen(options.port, '0.0.0.0');
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
