import { Router } from 'express';
import { sql } from 'kysely';
import { readiness } from '../../infra/readiness.js';
import type { ApiDependencies } from '../dependencies.js';

/**
 * `/healthz`: the process answers. `/readyz`: what the API cannot serve without,
 * Postgres and Temporal. Not SMTP: the API sends no mail, and the worker retries mail
 * until the server takes it, so a mail outage never stops a case.
 */
export function healthRoutes({ db, temporal }: ApiDependencies): Router {
  const router = Router();
  router.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
  router.get('/readyz', async (_request, response) => {
    const { ready, body } = await readiness({
      postgres: () => sql`select 1`.execute(db),
      temporal: () => temporal.workflowService.getSystemInfo({}),
    });
    response.status(ready ? 200 : 503).json(body);
  });
  return router;
}
