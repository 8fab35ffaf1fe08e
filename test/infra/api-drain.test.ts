import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi } from '../../infra/api-server.js';
import { createLogger } from '../../infra/logger.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.stop());

describe('stopping the API', () => {
  it('drains requests in flight: a slow request still gets its answer, new connections are refused', async () => {
    const api = await startApi(stack.config, createLogger('silent', 'test-api'));
    const locker = new pg.Client({ connectionString: stack.config.DATABASE_URL });
    await locker.connect();
    try {
      // Every authenticated request reads its user: while this lock is held, a request stays in flight.
      await locker.query('begin');
      await locker.query('lock table users in access exclusive mode');
      const slow = fetch(`${api.url}/v1/tasks`, { headers: { authorization: `Bearer ${stack.parties.adem.token}` } });
      const waiting = async () => {
        await locker.query('select pg_stat_clear_snapshot()');
        return (await locker.query(`select 1 from pg_stat_activity where wait_event_type = 'Lock' and query ilike '%from "users"%'`)).rowCount;
      };
      await expect.poll(waiting, { timeout: 20_000 }).toBeGreaterThan(0);

      const stopped = api.stop();
      await expect.poll(async () => fetch(`${api.url}/healthz`).then(() => 'answered', () => 'refused')).toBe('refused');
      await locker.query('rollback');

      const reply = await slow;
      expect(reply.status).toBe(200);
      expect(await reply.json()).toHaveProperty('items');
      await stopped;
    } finally {
      await locker.end();
    }
  });
});
