import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../infra/config.js';
import { startWorker } from '../../infra/worker.js';
import { freePort } from '../support/free-port.js';
import { startTestStack, testPayloadKey, type TestStack } from '../support/stack.js';
import { inject } from 'vitest';

/** Nobody listens there: SMTP (or Postgres) "down". */
let closedPort: number;
let stack: TestStack;
beforeAll(async () => {
  closedPort = await freePort();
  stack = await startTestStack({ smtpUrl: `smtp://127.0.0.1:${closedPort}` });
});
afterAll(() => stack.stop());

describe('readiness', () => {
  it('keeps the API ready while SMTP is down: mail is retried and never stops a case', async () => {
    const ready = await stack.request(undefined, 'GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', checks: { postgres: 'up', temporal: 'up' } });
  });

  it('gives the worker a health endpoint of its own: running, Temporal and Postgres reachable', async () => {
    const config = { ...stack.config, WORKER_HEALTH_PORT: 0, TEMPORAL_TASK_QUEUE: `${stack.config.TEMPORAL_TASK_QUEUE}-health` };
    const worker = await startWorker(config, { codePath: inject('workflowBundlePath') });
    try {
      expect(await (await fetch(`${worker.healthUrl}/healthz`)).json()).toEqual({ status: 'ok', worker: 'RUNNING' });
      const ready = await fetch(`${worker.healthUrl}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready', checks: { worker: 'up', temporal: 'up', postgres: 'up' } });
    } finally {
      await worker.stop();
    }
    await expect(fetch(`${worker.healthUrl}/healthz`)).rejects.toThrow();
  });

  it('reports the worker not ready when it cannot reach Postgres', async () => {
    const config = loadConfig({
      DATA_DIR: inject('dataDir'),
      DATABASE_URL: `postgres://nobody:nothing@127.0.0.1:${closedPort}/nothing`,
      TEMPORAL_ADDRESS: inject('temporalAddress'),
      SMTP_URL: inject('smtpUrl'),
      TEMPORAL_TASK_QUEUE: `${stack.config.TEMPORAL_TASK_QUEUE}-no-db`,
      PAYLOAD_ENCRYPTION_KEY: testPayloadKey,
      LOG_LEVEL: 'silent',
      WORKER_HEALTH_PORT: '0',
    });
    const worker = await startWorker(config, { codePath: inject('workflowBundlePath') });
    try {
      const ready = await fetch(`${worker.healthUrl}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'not ready', checks: { worker: 'up', temporal: 'up', postgres: 'down' } });
    } finally {
      await worker.stop();
    }
  });
});
